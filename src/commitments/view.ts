// How a commitment is named and its status shown, here and in assemblies.
import type { Context } from "../core/context.js";
import { isOverdue, type Commitment } from "./model.js";

/** "Bezirksbürgermeisterin Weber (Bezirksamt Neukölln)": who, with office and body when known. */
export function decisionMakerLabel(c: Pick<Commitment, "from" | "office" | "body">): string {
  const where = [c.office, c.body].filter(Boolean).join(", ");
  return where ? `${c.from} (${where})` : c.from;
}

export function statusLabel(ctx: Context, c: Pick<Commitment, "status" | "due">, day: string): string {
  const label = ctx.t(`commitments.status.${c.status}`);
  return isOverdue(c, day) ? `${label} (${ctx.t("commitments.overdue")})` : label;
}
