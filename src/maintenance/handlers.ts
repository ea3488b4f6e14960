// backup, restore, check, log and the personal-data export: keeping the data file safe and accountable.
import { dirname, resolve } from "node:path";
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import type { Context } from "../core/context.js";
import { holdsPlatform, isServer, openDataFile, prepareSchema, schemaVersion, type Db } from "../core/db.js";
import { existsSync, rmSync, statSync } from "node:fs";
import { isServerUrl } from "../core/config.js";
import { SCHEMA_VERSION } from "../migrations/index.js";
import { parseDate, TIME_ZONE, today } from "../core/dates.js";
import { CliError, DataFileError } from "../core/errors.js";
import { printJson, printJsonLines, printTableTwice, sanitize, say, writeOut } from "../core/output.js";
import { resolvePerson } from "../people/index.js";
import { iterateAudit, iterateRawAudit, type RawAuditRow } from "../core/auditStore.js";
import type { PersonData } from "./personData.js";
import { io } from "../core/io.js";

export async function backup(ctx: Context, [file]: Args<typeof def.backup>): Promise<void> {
  const { backupTo, checkBackupTarget } = await import("./backup.js");
  const target = checkBackupTarget(file!, ctx.dataFile.path);
  const { progress } = await import("../core/progress.js");
  const line = progress(ctx, (percent) => ctx.t("backup.progress", { percent }));
  let written;
  try {
    written = await backupTo(ctx.db, target, line.active ? (percent) => line.update(percent) : undefined);
  } finally {
    line.done();
  }
  const { bytes, schemaVersion } = written;
  if (ctx.json) return printJson({ file: target, bytes, schemaVersion });
  say(ctx.t("backup.written", { path: target, size: Math.max(1, Math.round(bytes / 1024)), version: schemaVersion }));
}

export async function restore(ctx: Context, [file]: Args<typeof def.restore>): Promise<void> {
  const [{ inspectBackup, restoreOver }, { progress }] = await Promise.all([import("./backup.js"), import("../core/progress.js")]);
  const dataFile = ctx.dataFile.path;
  // A server URL is no backup (resolved as a file name it named a file that cannot exist); only the data's own URL
  // is named in the message (another could carry a password).
  if (isServerUrl(file!)) {
    if (file === dataFile) throw new CliError("error.restore.sameFile", { path: file });
    throw new CliError("error.restore.serverSource", {}, 1, "error.restore.serverSource.hint");
  }
  if (resolve(file!) === resolve(dataFile)) throw new CliError("error.restore.sameFile", { path: resolve(file!) });
  // The integrity check reads every page of the backup: on a terminal, a line says what takes the time.
  const checking = progress<void>(ctx, () => ctx.t("restore.checking"));
  checking.update();
  let summary;
  try {
    summary = inspectBackup(file!);
  } finally {
    checking.done();
  }
  const { confirm } = await import("../core/prompts.js");
  const onServer = isServerUrl(dataFile);
  const question = ctx.t(onServer ? "restore.confirmServer" : existsSync(dataFile) ? "restore.confirm" : "restore.confirmNew", {
    path: dataFile,
    backup: summary.path,
    groups: summary.groups,
    people: summary.people,
    meetings: summary.meetings,
    last: summary.lastChange ? summary.lastChange.slice(0, 16).replace("T", " ") : "–",
  });
  if (!(await confirm(ctx, question))) return say(ctx.t("label.cancelled"));
  // A server is at the current schema: an older backup is migrated (in a copy) before it goes in.
  if (onServer && summary.schemaVersion < SCHEMA_VERSION) await (await import("../app/index.js")).provideDataSteps(ctx);
  const line = progress(ctx, (percent) => ctx.t("restore.progress", { percent }));
  let kept;
  try {
    kept = await restoreOver(dataFile, summary.path, line.active ? (percent) => line.update(percent) : undefined);
  } finally {
    line.done();
  }
  // The restored file records its restore; an older schema is migrated now (with its own backup beside it).
  const db = openDataFile(dataFile);
  ctx.useDb(db);
  if (summary.schemaVersion < SCHEMA_VERSION) await (await import("../app/index.js")).provideDataSteps(ctx);
  prepareSchema(db, dataFile);
  ctx.write((audit) => audit({ entity: "data_file", id: null, action: "restore", changes: { from: summary.path, kept } }));
  if (ctx.json) return printJson({ restored: summary.path, file: dataFile, kept, schemaVersion: summary.schemaVersion, groups: summary.groups, people: summary.people, meetings: summary.meetings });
  say(ctx.t("restore.done", { path: dataFile, backup: summary.path }));
  if (kept) say(ctx.t("restore.kept", { kept }));
}

/**
 * `copy --from <db> --to <db>`: the whole platform into an empty target (no file yet, or a server database without
 * a platform), in one transaction on the target, which records the copy in its audit log. A target with a
 * platform is refused: replacing one is `restore`'s work, which keeps the current content first.
 */
export async function copyPlatform(ctx: Context, _args: Args<typeof def.copy>, opts: Opts<typeof def.copy>): Promise<void> {
  const [{ createDataFile, migrate, preloadServer, preloadSqlite }, { resolveDataFile }, { copyRows }, { hasPlatform, onSnapshot, refreshStatistics }] = await Promise.all([
    import("../core/db.js"),
    import("../core/config.js"),
    import("./copy.js"),
    import("./store.js"),
  ]);
  const from = resolveDataFile(opts.from).path;
  const to = opts.to !== undefined ? resolveDataFile(opts.to).path : ctx.dataFile.path;
  if (from === to) throw new CliError("error.copy.same", { path: to });
  await Promise.all([preloadSqlite(), isServerUrl(from) || isServerUrl(to) ? preloadServer() : undefined, (await import("../app/index.js")).provideDataSteps(ctx)]);
  const named = opts.to !== undefined;
  if (!isServerUrl(to)) {
    if (existsSync(to)) throw new CliError("error.copy.targetExists", { path: to }, 1, "error.copy.targetExists.hint");
    // A target named with --to is like backup's: its folder must exist. The data file's own folder is created, as init creates it.
    if (named && !isFolder(dirname(to))) throw new CliError("error.noSuchDirectory", { path: dirname(to) });
  }
  const source = openCopySource(from);
  let created = false;
  try {
    try {
      created = createDataFile(to);
    } catch (error) {
      // A name the file system refuses (too long, a folder not ours) is the user's input when --to named it.
      if (named && error instanceof DataFileError) throw new CliError("error.cannotWrite", { path: to });
      throw error;
    }
    const target = openDataFile(to);
    if (schemaVersion(target) === 0) migrate(target);
    ctx.useDb(target);
    if (hasPlatform(target)) throw new CliError("error.copy.targetExists", { path: to }, 1, "error.copy.targetExists.hint");
    const rows = onSnapshot(source, () =>
      ctx.write((audit) => {
        const copied = copyRows(source, target);
        audit({ entity: "data_file", id: null, action: "copy", changes: { from, rows: copied } });
        return copied;
      }),
    );
    refreshStatistics(target);
    created = false;
    if (ctx.json) return printJson({ from, to, rows });
    say(ctx.t("copy.done", { from, to, rows }));
  } finally {
    source.close();
    ctx.close();
    // A new file that did not receive the platform is removed again: the copy is all or nothing.
    if (created) for (const suffix of ["", "-wal", "-shm"]) rmSync(to + suffix, { force: true });
  }
}

/**
 * The copy's source is named on the command line, as restore's backup is: one that is missing, a folder, or holds
 * no platform is the user's input (exit 1), not an unusable data file (exit 3); a lock or an unreachable server
 * stays exit 3. An older one is migrated, with a backup beside it.
 */
function openCopySource(from: string): Db {
  if (!isServerUrl(from) && !statSync(from, { throwIfNoEntry: false })?.isFile()) throw new CliError("error.cannotRead", { path: from }, 1, "error.cannotRead.hint");
  let source: Db | undefined;
  try {
    source = openDataFile(from, { existing: true });
    prepareSchema(source, from);
    if (!holdsPlatform(source)) throw new DataFileError("error.notInitialised", { path: from });
    return source;
  } catch (error) {
    source?.close();
    if (error instanceof DataFileError && NO_PLATFORM.has(error.key)) throw new CliError("error.copy.notPlattform", { path: from }, 1, "error.copy.notPlattform.hint");
    if (error instanceof DataFileError && error.key === "error.newerSchema") throw new CliError(error.key, error.params, 1, error.hintKey);
    throw error;
  }
}

/** How openDataFile and prepareSchema say that a file or database holds no platform. */
const NO_PLATFORM = new Set(["error.notInitialised", "error.foreignFile", "error.corruptDataFile"]);

/** `check --fingerprint <code>`: whether the code printed at the foot of signed minutes belongs to minutes stored unchanged. */
async function checkFingerprint(ctx: Context, raw: string): Promise<void> {
  const code = raw.replace(/[\s-]/g, "").toLowerCase();
  if (!/^[0-9a-f]{8,64}$/.test(code)) throw new CliError("check.fingerprintInvalid", { code: raw });
  const [{ allFrozenMinutes, getMeeting, meetingLabel }, { sha256, shortFingerprint }] = await Promise.all([import("../meetings/index.js"), import("../core/hash.js")]);
  // Against the fingerprint of what is stored now, not the one stored beside it: an edit shows either way.
  const match = allFrozenMinutes(ctx.db).find((f) => sha256(f.model).startsWith(code));
  if (!match) throw new CliError("check.fingerprintUnknown", { code: raw }, 1, "check.fingerprintUnknown.hint");
  const meeting = getMeeting(ctx.db, match.meetingId)!;
  const fingerprint = sha256(match.model);
  if (ctx.json) return printJson({ ok: true, fingerprint, meeting: meeting.id, date: meeting.date });
  say(ctx.t("check.fingerprintMatches", { code: shortFingerprint(fingerprint), label: meetingLabel(ctx, meeting) }));
}

export async function check(ctx: Context, _args: Args<typeof def.check>, opts: Opts<typeof def.check>): Promise<void> {
  if (opts.fingerprint !== undefined) return checkFingerprint(ctx, opts.fingerprint);
  const { runChecks, skippedChecks } = await import("./check.js");
  const results = runChecks(ctx.db);
  const skipped = skippedChecks(ctx.db);
  const problems = results.flatMap((r) => r.problems);
  const more = results.reduce((n, r) => n + r.more, 0);
  // The hints name the tool for a repair by hand: the server's own shell where the data is on a server.
  const hint = (p: (typeof problems)[number]) => ctx.t(p.hintKey, { ...p.params, tool: isServer(ctx.db) ? "psql" : "sqlite3" });
  const line = (p: (typeof problems)[number]) => `${ctx.t(p.key, p.params)} — ${hint(p)}`;
  if (ctx.json) {
    printJson({
      ok: problems.length === 0,
      checks: results.map((r) => ({ name: r.name, ok: r.problems.length === 0, problems: r.problems.length + r.more })),
      ...(skipped.length > 0 ? { skipped } : {}),
      problems: problems.map((p) => ({ check: p.check, problem: p.key.replace(/^check\./, ""), message: ctx.t(p.key, p.params), hint: hint(p), details: p.params })),
    });
  } else {
    for (const p of problems) say(line(p));
    if (more > 0) say(ctx.t("check.more", { count: more }));
    if (skipped.length > 0) say(ctx.t("check.skippedOnServer", { checks: skipped.join(", ") }));
    if (problems.length === 0) say(ctx.t("check.ok", { checks: results.map((r) => r.name).join(", ") }));
  }
  if (problems.length > 0) throw new CliError("check.failed", { count: problems.length + more }, 1, "check.failed.hint");
}

/** Midnight in the platform's time zone, as the UTC instant the audit log compares with. */
function startOfDay(date: string): string {
  const guess = new Date(`${date}T00:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return new Date(guess.getTime() - (local - guess.getTime())).toISOString();
}

/** Formats instants as local date and time, with one formatter for all of them (making one costs more than using it). */
function localTimes(lang: string): (at: string) => string {
  const format = new Intl.DateTimeFormat(lang === "de" ? "de-DE" : "sv-SE", { timeZone: TIME_ZONE, dateStyle: "short", timeStyle: "short" });
  let last = "";
  let shown = "";
  // The entries of one write share their instant: formatted once.
  return (at) => {
    if (at !== last) {
      const date = new Date(at);
      last = at;
      shown = Number.isNaN(date.getTime()) ? at : format.format(date);
    }
    return shown;
  };
}

function positiveInt(raw: string, field: string): number {
  if (!/^\d{1,6}$/.test(raw.trim()) || Number(raw) < 1) throw new CliError("error.log.limit", { field, value: raw });
  return Number(raw);
}

/** The changes as stored (JSON), cut to one short line. */
function brief(json: string | null, max = 80): string {
  if (json === null) return "";
  return json.length > max ? `${json.slice(0, max - 1)}…` : json;
}

export async function log(ctx: Context, _args: Args<typeof def.log>, opts: Opts<typeof def.log>): Promise<void> {
  const since = opts.since !== undefined ? startOfDay(parseDate(opts.since, "--since", today())) : undefined;
  const limit = opts.limit !== undefined ? positiveInt(opts.limit, "--limit") : undefined;
  const entity = opts.entity?.trim() || undefined;
  const who = opts.who?.trim() || undefined;
  const filter = { since, entity, who, limit };
  if (ctx.json) return printJsonLines(iterateAudit(ctx.db, filter));
  // Read twice, nothing kept: once for the column widths, once to print. The log of a 20-year platform has about
  // 150,000 entries, and a table built in memory took gigabytes.
  const when = localTimes(ctx.lang);
  const cellsOf = (r: RawAuditRow) => [String(r.id), when(r.at), r.actor, r.entity_id === null ? r.entity : `${r.entity} #${r.entity_id}`, r.action, brief(r.changes)];
  const head = ["#", ctx.t("log.when"), ctx.t("log.who"), ctx.t("log.what"), ctx.t("log.action"), ctx.t("log.changes")];
  const printed = printTableTwice(ctx, head, function* () {
    for (const r of iterateRawAudit(ctx.db, filter)) yield cellsOf(r);
  });
  if (printed === 0) say(ctx.t("log.none"));
}

/** `people export <person>`: everything stored about one person, as JSON (default) or readable text. */
export async function exportPerson(ctx: Context, ref: string, opts: { readonly format?: string | undefined; readonly out?: string | undefined }): Promise<void> {
  const format = opts.format ?? "json";
  if (format !== "json" && format !== "text") throw new CliError("error.notOneOf", { field: "--format", value: format, allowed: "json, text" });
  const person = resolvePerson(ctx.db, ref, today());
  const { personData } = await import("./personData.js");
  const data = personData(ctx.db, person.id);
  const out = opts.out;
  if (format === "json" || ctx.json) return writeOut(out, JSON.stringify(data, null, 2));
  if (out !== undefined) return writeOut(out, personDataText(ctx, data));
  io().stdout.write(personDataText(ctx, data));
}

function personDataText(ctx: Context, data: PersonData): string {
  const lines: string[] = [];
  const section = (title: string) => lines.push("", title, "=".repeat([...title].length));
  const row = (record: Record<string, unknown>) =>
    Object.entries(record)
      .filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => `${k}: ${sanitize(typeof v === "string" ? v : JSON.stringify(v))}`)
      .join("; ");
  lines.push(ctx.t("personData.title", { id: String(data.person.id) }));
  section(ctx.t("personData.person"));
  for (const [k, v] of Object.entries(data.person)) lines.push(`${k}: ${v === null ? "–" : sanitize(String(v))}`);
  for (const r of data.records) {
    section(`${r.table} (${r.column})`);
    for (const record of r.rows) lines.push(`- ${row(record)}`);
  }
  for (const [title, entries] of [
    [ctx.t("personData.audit"), data.audit],
    [ctx.t("personData.changesMade"), data.changesMade],
  ] as const) {
    if (entries.length === 0) continue;
    section(title);
    for (const a of entries) lines.push(`- ${a.at} ${sanitize(a.actor)}: ${a.entity}${a.entityId === null ? "" : ` #${a.entityId}`} ${a.action} ${sanitize(brief(a.changes === null || a.changes === undefined ? null : typeof a.changes === "string" ? a.changes : JSON.stringify(a.changes), 400))}`);
  }
  return `${lines.join("\n")}\n`;
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}
