import { rmSync } from "node:fs";
import type { Context } from "../core/context.js";
import { formatDate, today } from "../core/dates.js";
import { createDataFile, isEmptyFile, migrate, openDataFile, prepareSchema, schemaVersion, type Db } from "../core/db.js";
import { CliError, DataFileError } from "../core/errors.js";
import { langFromEnv, loadMessages, translate, type Lang } from "../core/i18n.js";
import { printDetails, printJson, printTable, say, heading, warn } from "../core/output.js";
import { cleanText } from "../core/validate.js";
import { countGroups } from "../groups/store.js";
import { countPeople, groupsWithoutRepresentative } from "../people/store.js";
import type { Meeting } from "../meetings/model.js";
import { draftMinutes, nextMeeting } from "../meetings/store.js";
import { countTasks } from "../tasks/store.js";
import { SCHEMA_VERSION } from "../migrations/index.js";
import type { TermStatus } from "../teams/model.js";
import { currentTerm, nameStrategyFinanceTeam } from "../teams/service.js";
import { membershipsOfTeam, teamOfKind } from "../teams/store.js";
import { organizingDetails, organizingStatus, printOrganizingStatus, type OrganizingStatus } from "../commitments/status.js";
import { fundraisingDetails, fundraisingStatus, printFundraisingStatus, type FundraisingStatus } from "../fundraising/status.js";
import { defaultSettings, isSettingKey, parseSetting, SETTING_KEYS, type Settings } from "./settings.js";
import { hasPlatform, readSettings, writeSetting, writeSettings } from "./store.js";

type Options = Record<string, string | boolean | undefined>;

/**
 * Opens `path` for a new platform: creates it (mode 0600) when missing and brings an empty file to the
 * current schema. An existing platform or a foreign file is refused; a file created here is removed on failure.
 */
export function openForNewPlatform(path: string, existing: (db: Db) => void): { db: Db; created: boolean } {
  const created = createDataFile(path);
  let db: Db | undefined;
  try {
    db = openDataFile(path);
    if (!created && schemaVersion(db) > 0) {
      prepareSchema(db, path);
      if (hasPlatform(db)) existing(db);
    } else if (!created && !isEmptyFile(db)) {
      throw new DataFileError("error.foreignFile", { path });
    }
    migrate(db);
    return { db, created };
  } catch (error) {
    db?.close();
    if (created) removeDataFile(path);
    throw error;
  }
}

export function removeDataFile(path: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
}

export async function init(ctx: Context, _args: string[], opts: Options): Promise<void> {
  const lang: Lang = ctx.options.lang === "de" || ctx.options.lang === "en" ? ctx.options.lang : langFromEnv(ctx.env);
  const name =
    typeof opts.name === "string" ? cleanText(opts.name, "--name", { required: true })! : lang === "de" ? "Bürgerplattform" : "Citizens' platform";
  const path = ctx.dataFile.path;
  const { db, created } = openForNewPlatform(path, () => {
    throw new CliError("error.platformExists", { path }, 1, "error.platformExists.hint");
  });
  ctx.useDb(db);
  const settings = defaultSettings(name, lang);
  await loadMessages(lang);
  try {
    ctx.write((audit) => {
      writeSettings(db, settings);
      nameStrategyFinanceTeam(db, translate(lang, "teams.strategyFinanceName"));
      audit({ entity: "platform", id: null, action: "init", changes: settings });
    });
  } catch (error) {
    ctx.close();
    if (created) removeDataFile(path);
    throw error;
  }
  ctx.useDb(db);
  if (ctx.json) return printJson({ dataFile: path, settings });
  say(ctx.t("init.done", { name, path }));
  say(ctx.t("init.next"));
}

export async function configGet(ctx: Context, [key]: string[]): Promise<void> {
  const settings = readSettings(ctx.db);
  if (key !== undefined) {
    if (!isSettingKey(key)) throw new CliError("error.unknownSetting", { key, keys: SETTING_KEYS.join(", ") }, 1, "error.unknownSetting.hint");
    if (ctx.json) return printJson({ [key]: settings[key] });
    return say(String(settings[key]));
  }
  if (ctx.json) return printJson(settings);
  printTable(
    ctx,
    [ctx.t("label.key"), ctx.t("label.value"), ""],
    SETTING_KEYS.map((k) => [k, settings[k], ctx.t(`setting.${k}`)]),
  );
}

export async function configSet(ctx: Context, [key, raw]: string[]): Promise<void> {
  if (!isSettingKey(key!)) throw new CliError("error.unknownSetting", { key: key!, keys: SETTING_KEYS.join(", ") }, 1, "error.unknownSetting.hint");
  const value = parseSetting(key, raw!);
  const before = readSettings(ctx.db);
  const old = String(before[key]);
  if (old !== value) {
    ctx.write((audit) => {
      writeSetting(ctx.db, key, value);
      audit({ entity: "setting", id: null, action: "set", changes: { [key]: [old, value] } });
    });
    if (key === "language") ctx.useDb(ctx.db);
  }
  const after: Settings = readSettings(ctx.db);
  if (ctx.json) return printJson({ [key]: after[key] });
  say(ctx.t(old === value ? "config.unchanged" : "config.set", { key, value }));
}

/** followUpsDue and commitments ({ dueSoon, overdue }) come from the organizing areas (commitments/status.ts). */
export interface StatusReport extends OrganizingStatus {
  platform: { name: string; language: string };
  dataFile: string;
  schemaVersion: number;
  today: string;
  groups: { active: number; left: number };
  people: { total: number; forgotten: number };
  groupsWithoutRepresentative: string[];
  nextMeeting: Meeting | null;
  tasks: { open: number; overdue: number };
  /** held meetings whose minutes are in draft */
  minutesAwaitingApproval: Meeting[];
  /** the Strategy & Finance team's term (null before it has one); due: a new election within 60 days */
  strategyFinanceTerm: (TermStatus & { team: string }) | null;
  /** fundraising deadlines in the next 30 days, overdue reporting deadlines, this year's budget coverage */
  fundraising: FundraisingStatus;
}

export function buildStatus(ctx: Context): StatusReport {
  const day = today();
  const settings = readSettings(ctx.db);
  return {
    platform: { name: settings.name, language: settings.language },
    dataFile: ctx.dataFile.path,
    schemaVersion: SCHEMA_VERSION,
    today: day,
    groups: countGroups(ctx.db, day),
    people: countPeople(ctx.db),
    groupsWithoutRepresentative: groupsWithoutRepresentative(ctx.db, day),
    nextMeeting: nextMeeting(ctx.db, day) ?? null,
    tasks: countTasks(ctx.db, day),
    minutesAwaitingApproval: draftMinutes(ctx.db),
    strategyFinanceTerm: strategyFinanceTerm(ctx, day),
    ...organizingStatus(ctx.db, day, ctx.t("people.forgottenName")),
    fundraising: fundraisingStatus(ctx.db, day),
  };
}

function strategyFinanceTerm(ctx: Context, day: string): StatusReport["strategyFinanceTerm"] {
  const team = teamOfKind(ctx.db, "strategy-finance");
  if (!team) return null;
  const term = currentTerm(ctx.db, team, membershipsOfTeam(ctx.db, team.id, ctx.t("people.forgottenName")), day);
  return term && { team: team.name, ...term };
}

/** "Kernkreis, 03.12.2026 19:00, Gemeindesaal" for the dashboard. */
function meetingLine(ctx: Context, m: Meeting): string {
  const kind = ctx.t(`meetingKind.${m.kind}`);
  const what = m.title ? `${m.title} (${kind})` : kind;
  return [what, `${formatDate(m.date, ctx.lang)}${m.time ? ` ${m.time}` : ""}`, m.place].filter(Boolean).join(", ") + ` (#${m.id})`;
}

export async function status(ctx: Context): Promise<void> {
  const report = buildStatus(ctx);
  if (ctx.json) return printJson(report);
  heading(ctx, report.platform.name);
  printDetails(ctx, [
    [ctx.t("status.groups"), ctx.t("status.groupsValue", report.groups)],
    [ctx.t("status.people"), ctx.t("status.peopleValue", report.people)],
    [ctx.t("status.language"), report.platform.language],
    [ctx.t("status.dataFile"), report.dataFile],
    [ctx.t("status.nextMeeting"), report.nextMeeting ? meetingLine(ctx, report.nextMeeting) : ctx.t("status.noNextMeeting")],
    [ctx.t("status.tasks"), ctx.t("status.tasksValue", report.tasks)],
    [
      ctx.t("status.teamTerm"),
      report.strategyFinanceTerm
        ? ctx.t(report.strategyFinanceTerm.overdue ? "status.teamTermOver" : "status.teamTermValue", {
            team: report.strategyFinanceTerm.team,
            until: formatDate(report.strategyFinanceTerm.until, ctx.lang),
            days: report.strategyFinanceTerm.daysLeft,
          })
        : null,
    ],
    ...organizingDetails(ctx, report),
    ...fundraisingDetails(ctx, report.fundraising),
  ]);
  if (report.strategyFinanceTerm && (report.strategyFinanceTerm.due || report.strategyFinanceTerm.overdue))
    warn(ctx, ctx.t(report.strategyFinanceTerm.overdue ? "teams.electionOverdue" : "teams.electionDue", {
      team: report.strategyFinanceTerm.team,
      until: formatDate(report.strategyFinanceTerm.until, ctx.lang),
      days: report.strategyFinanceTerm.daysLeft,
    }));
  if (report.minutesAwaitingApproval.length > 0) {
    heading(ctx, ctx.t("status.minutesAwaitingApproval"));
    for (const m of report.minutesAwaitingApproval) say(`  • ${meetingLine(ctx, m)}`);
  }
  printOrganizingStatus(ctx, report);
  printFundraisingStatus(ctx, report.fundraising);
  if (report.groups.active === 0) return say(`\n${ctx.t("status.empty")}`);
  if (report.groupsWithoutRepresentative.length === 0) return say(`\n${ctx.t("status.allRepresented")}`);
  heading(ctx, ctx.t("status.noRepresentative"));
  for (const name of report.groupsWithoutRepresentative) say(`  • ${name}`);
}
