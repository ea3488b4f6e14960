// The commands that span all areas, put together from what each area contributes (app/contributions.ts):
// `status`, `people forget` and `report annual`.
import type { Context } from "../core/context.js";
import { isServer, rewrittenAfter, tablesOwner } from "../core/db.js";
import { today } from "../core/dates.js";
import { CliError } from "../core/errors.js";
import { heading, printDetails, printJson, say, warn } from "../core/output.js";
import type { StatusPart } from "../core/contributes.js";
import { annualSections, statusParts } from "./contributions.js";

/** The keys of `status --json`, each filled by the area that owns it (see the StatusPart ranks). */
export function buildStatus(ctx: Context, parts: readonly StatusPart[] = statusParts()): Record<string, unknown> {
  const day = today();
  return Object.fromEntries(parts.map((part) => [part.key, part.build(ctx, day)]));
}

export async function status(ctx: Context): Promise<void> {
  const parts = statusParts();
  const report = buildStatus(ctx, parts);
  if (ctx.json) return printJson(report);
  heading(ctx, (report.platform as { name: string }).name);
  const rows = parts.flatMap((part) => part.details?.(ctx, report[part.key]) ?? []);
  printDetails(ctx, rows.sort((a, b) => a[0] - b[0]).map(([, label, value]) => [label, value]));
  const after = parts.filter((part) => part.after).sort((a, b) => a.after!.rank - b.after!.rank);
  for (const part of after) part.after!.print(ctx, report[part.key], report);
}

export async function forget(ctx: Context, [ref]: string[]): Promise<void> {
  // Loaded here: status shares this module and needs none of it.
  const [{ getPerson, resolvePerson }, { forget: forgetPerson }] = await Promise.all([import("../people/index.js"), import("./forget.js")]);
  const day = today();
  const person = resolvePerson(ctx.db, ref!, day);
  if (person.forgotten) throw new CliError("error.personForgotten", { id: person.id });
  const { confirm } = await import("../core/prompts.js");
  const ok = await confirm(ctx, ctx.t("people.forgetConfirm", { name: person.name ?? `${ctx.t("people.forgottenName")} #${person.id}` }));
  if (!ok) return say(ctx.t("label.cancelled"));
  // The audit entry for this command must not repeat the name it erases.
  ctx.commandLine = ["people", "forget", `#${person.id}`];
  const erase = () => ctx.write((audit) => forgetPerson(ctx.db, audit, person, ctx.t("people.forgottenName")));
  // With the file to itself, then compacted: no other connection keeps a snapshot (or the log frames) with the name.
  // On a server: the same erasure in one transaction, then the tables it wrote are rewritten (core/db.ts).
  const { result: kept, notRewritten } = isServer(ctx.db) ? rewrittenAfter(ctx.db, erase) : { result: ctx.withFileToItself(erase), notRewritten: [] };
  if (notRewritten.length > 0) warn(ctx, ctx.t("people.forgetNotRewritten", { tables: notRewritten.join(", "), owner: tablesOwner(ctx.db) }));
  if (ctx.json) return printJson({ ...getPerson(ctx.db, person.id, day), keptInApprovedMinutes: kept.map((m) => m.id), ...(notRewritten.length > 0 ? { notRewritten } : {}) });
  say(ctx.t("people.forgotten", { id: person.id }));
  // Where the name stays, and why: approved minutes are the locked record.
  const { meetingLabel } = await import("../meetings/index.js");
  for (const meeting of kept) say(ctx.t("people.forgetKept", { label: meetingLabel(ctx, meeting), id: meeting.id }));
}

/** `report annual <year>`: the Jahresbericht, Markdown or self-contained HTML, from the areas' sections. */
export async function annual(ctx: Context, [year]: string[], opts: { format?: "md" | "html"; out?: string }): Promise<void> {
  const [{ reportAnnual }, sections] = await Promise.all([import("../reports/index.js"), annualSections()]);
  await reportAnnual(ctx, year!, opts, sections);
}
