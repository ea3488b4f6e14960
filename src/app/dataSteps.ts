// The data steps of migrations whose code lives in an area (core/db.ts provideDataStep): loaded only when the
// data file may be migrated, so that no everyday command pays for them.
import type { Context } from "../core/context.js";
import { provideDataStep } from "../core/db.js";
import { frozenMinutesCode } from "../reports/index.js";

export async function provideDataSteps(ctx: Context): Promise<void> {
  const { freezeApprovedMinutes } = await frozenMinutesCode();
  // Run inside the migration, after the run's messages are loaded: the erased people's label is the run's.
  provideDataStep("freeze-minutes", (db) => freezeApprovedMinutes(db, ctx.lang, ctx.t("people.forgottenName")));
}
