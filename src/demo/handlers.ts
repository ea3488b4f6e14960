import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { demoDataFile, isServerUrl } from "../core/config.js";
import { Context } from "../core/context.js";
import { readCsv } from "../core/csv.js";
import { ImportReport } from "../core/importReport.js";
import { today } from "../core/dates.js";
import { isServer, openDataFile, tableNames, type Db } from "../core/db.js";
import { CliError } from "../core/errors.js";
import { printJson, say } from "../core/output.js";
import { progress } from "../core/progress.js";
import { importGroups } from "../groups/index.js";
import { GROUP_CSV_COLUMNS } from "../groups/index.js";
import { countGroups } from "../groups/index.js";
import { PEOPLE_CSV_COLUMNS } from "../people/index.js";
import { importPeople } from "../people/index.js";
import { countPeople } from "../people/index.js";
import type { ApprovalRules, Meeting } from "../meetings/index.js";
import { lastMeeting, nextMeeting } from "../meetings/index.js";
import type { ReportKind } from "../reports/index.js";
import { defaultSettings } from "../platform/index.js";
import { readSetting, readSettings, writeSetting, writeSettings } from "../platform/index.js";
import { hasPlatform, openForNewPlatform, removeDataFile } from "../platform/index.js";
import { nameStrategyFinanceTeam } from "../teams/index.js";
import { seedElectionsAndDecisions } from "./elections.js";
import { seedMeetings } from "./meetings.js";
import { seedOrganizing } from "./organizing.js";
import { seedFundraising } from "./fundraising.js";
import { seedCommitments } from "./commitments.js";

/** The folder of the sample data, found from wherever this code was bundled to. */
export function fixturesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "fixtures", "demo");
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("fixtures/demo not found next to the program");
    dir = parent;
  }
}

function isDemoFile(db: Db): boolean {
  return readSetting(db, "demo") === "true";
}

/** The demo's steps, as its progress line names them. */
type DemoStep = "people" | "organizing" | "meeting" | "fundraising" | "commitments" | "reports";

/**
 * Fills a fresh platform with the sample groups and people. Later areas add their sample data here. `step` is
 * told what is being built (the n-th meeting for "meeting").
 */
export function seedDemo(db: Db, ctx: Context, freeze: ApprovalRules["freeze"], step: (what: DemoStep, n?: number) => void = () => undefined): void {
  const dir = fixturesDir();
  const groups = readCsv(join(dir, "groups.csv"), GROUP_CSV_COLUMNS, ["name"]);
  const people = readCsv(join(dir, "people.csv"), PEOPLE_CSV_COLUMNS, ["name"]);
  ctx.write((audit) => {
    const name = ctx.lang === "de" ? "SO! MIT UNS – Bürgerplattform Südost (Demo)" : "SO! MIT UNS – Citizens' Platform South-East (demo)";
    step("people");
    writeSettings(db, defaultSettings(name, ctx.lang));
    writeSetting(db, "demo", "true");
    nameStrategyFinanceTeam(db, ctx.t("teams.strategyFinanceName"));
    importGroups(db, audit, groups, today(), new ImportReport());
    importPeople(db, audit, people, today(), new ImportReport());
    // A year of Kernkreis meetings and the next one (src/demo/meetings.ts).
    // Last year's election of the Strategy & Finance team and some decisions, recorded during those meetings.
    // Action teams, campaigns and a year of conversations (src/demo/organizing.ts); the campaigns report at each Kernkreis.
    step("organizing");
    const reportCampaigns = seedOrganizing(db, audit, ctx.lang, today());
    seedMeetings(db, audit, ctx.lang, today(), freeze, (meeting, index) => {
      step("meeting", index + 1);
      seedElectionsAndDecisions(db, audit, ctx.lang, meeting, index, today());
      reportCampaigns(meeting, index);
    });
    step("fundraising");
    seedFundraising(db, audit, ctx.lang, today()); // funders, applications, grants, dues, budget (src/demo/fundraising.ts)
    // A public assembly with turnout and six commitments, and a training (src/demo/commitments.ts).
    step("commitments");
    seedCommitments(db, audit, ctx.lang, today(), freeze);
  });
}

export async function demo(ctx: Context): Promise<void> {
  // Only an explicit --db chooses the file: PLATTFORM_DB and the config file point at real data.
  const path = ctx.options.db ? (isServerUrl(ctx.options.db) ? ctx.options.db : resolve(ctx.options.db)) : demoDataFile();
  if (isServerUrl(path) || existsSync(path)) {
    let db: Db | undefined;
    let reusable = false;
    try {
      db = openDataFile(path, { existing: true });
      // A server database without a platform is as good as a missing file.
      reusable = isServer(db) && (!tableNames(db).has("settings") || !hasPlatform(db)) ? true : isDemoFile(db);
    } catch {
      reusable = false;
    } finally {
      db?.close();
    }
    if (!reusable) throw new CliError("demo.refused", { path }, 1, "demo.refused.hint");
    removeDataFile(path);
  }
  const demoCtx = new Context(ctx.options, ctx.commandLine, ctx.env, { path, source: "flag" });
  const { freezeMinutes } = await (await import("../reports/index.js")).frozenMinutesCode();
  const { db } = openForNewPlatform(path, () => undefined);
  demoCtx.useDb(db);
  // On a terminal, one line says what is being built; it is cleared before the summary.
  const line = progress<{ what: DemoStep; n?: number | undefined }>(ctx, ({ what, n }) => ctx.t(`demo.step.${what}`, { n: n ?? 0 }));
  try {
    const forgotten = demoCtx.t("people.forgottenName");
    seedDemo(db, demoCtx, (db, id) => freezeMinutes(db, id, demoCtx.lang, forgotten), (what, n) => line.update({ what, n }));
  } catch (error) {
    line.done();
    demoCtx.close();
    removeDataFile(path);
    throw error;
  }
  const day = today();
  const settings = readSettings(db);
  const groups = countGroups(db, day);
  const people = countPeople(db);
  const upcoming = nextMeeting(db, day);
  const last = lastMeeting(db, day);
  // What the secretary works with: the invitation for the next Kernkreis and the minutes of the last one.
  line.update({ what: "reports" });
  const reports = ctx.json ? [] : await showcase(demoCtx, db, [upcoming && ([upcoming, "agenda"] as const), last && ([last, "minutes"] as const)]);
  line.done();
  demoCtx.close();
  if (ctx.json) return printJson({ dataFile: path, name: settings.name, groups, people, nextMeeting: upcoming?.id ?? null, lastMeeting: last?.id ?? null });
  for (const text of reports) say(text);
  say(ctx.t("demo.done", { name: settings.name, path, groups: groups.active + groups.left, left: groups.left, people: people.total }));
  say("");
  say(ctx.t("demo.tour"));
  const quoted = /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
  for (const line of [
    `export PLATTFORM_DB=${quoted}`,
    "npx plattform status",
    "npx plattform groups list --all",
    "npx plattform groups show NUR",
    "npx plattform people list --group KOSMOS",
    "npx plattform people show \"Ingrid Hoffmann\"",
    "npx plattform people list --role representative --json",
    "npx plattform meetings list",
    "npx plattform meetings show next",
    "npx plattform meetings show last",
    "npx plattform report agenda next --format html --out einladung.html",
    "npx plattform report minutes last --format pdf --out protokoll.pdf",
    "npx plattform tasks list --open",
    "npx plattform campaigns list --all",
    "npx plattform report listening",
    "npx plattform report coverage",
    "npx plattform commitments list",
    "npx plattform report commitments",
    "npx plattform report attendance",
    "npx plattform report annual " + day.slice(0, 4),
    "npx plattform teams show strategy-finance",
    "npx plattform elections show 1",
    "npx plattform elections tally 1",
    "npx plattform fundraising report",
    "npx plattform fundraising deadlines",
    "npx plattform groups export --format csv",
    "npx plattform config get",
  ]) {
    say(`  ${line}`);
  }
}

async function showcase(ctx: Context, db: Db, wanted: Array<readonly [Meeting, ReportKind] | undefined | null>): Promise<string[]> {
  const { reportModel, renderMarkdown } = await (await import("../reports/index.js")).markdownReports();
  const rule = "─".repeat(72);
  return wanted
    .filter((entry): entry is readonly [Meeting, ReportKind] => Boolean(entry))
    // The agenda without its appendix: the draft minutes it would append are shown on their own.
    .map(([meeting, kind]) => ({ kind, model: { ...reportModel(db, meeting, kind, ctx.lang, ctx.t("people.forgottenName")), appendix: undefined } }))
    .map(({ kind, model }) => `${rule}\n${renderMarkdown(model, kind).trimEnd()}\n${rule}\n`);
}
