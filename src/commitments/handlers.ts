import type { Context } from "../core/context.js";
import { formatDate, parseDate, today } from "../core/dates.js";
import type { Db } from "../core/db.js";
import { UsageError } from "../core/errors.js";
import { heading, printDetails, printJson, printTable, say } from "../core/output.js";
import { oneOf } from "../core/validate.js";
import { resolveMeeting } from "../meetings/service.js";
import { getMeeting } from "../meetings/store.js";
import { COMMITMENT_STATUSES, isOverdue, type Commitment, type CommitmentStatus } from "./model.js";
import { addCommitment, findCommitments, resolveCommitment, resolveDecisionMaker, updateCommitment } from "./service.js";
import { getCommitment, updatesOf } from "./store.js";

type Options = Record<string, string | boolean | undefined>;
const text = (opts: Options, key: string) => (typeof opts[key] === "string" ? (opts[key] as string) : undefined);

/** A commitment as `--json` prints it: the row, whether it is overdue today, and (in detail) its follow-ups. */
export function commitmentJson(db: Db, c: Commitment, day: string, withUpdates = true) {
  return { ...c, overdue: isOverdue(c, day), ...(withUpdates ? { updates: updatesOf(db, c.id) } : {}) };
}

export function statusLabel(ctx: Context, c: Pick<Commitment, "status" | "due">, day: string): string {
  const label = ctx.t(`commitments.status.${c.status}`);
  return isOverdue(c, day) ? `${label} (${ctx.t("commitments.overdue")})` : label;
}

/** "Bezirksbürgermeisterin Weber (Bezirksamt Neukölln)": who, with office and body when known. */
export function decisionMakerLabel(c: Pick<Commitment, "from" | "office" | "body">): string {
  const where = [c.office, c.body].filter(Boolean).join(", ");
  return where ? `${c.from} (${where})` : c.from;
}

export async function add(ctx: Context, _args: string[], opts: Options): Promise<void> {
  const day = today();
  // Required options missing are a usage error (exit 2), as commander reports it elsewhere.
  for (const [key, flag] of [["ask", "--ask <text>"], ["from", "--from <decision maker>"], ["answer", "--answer <answer>"]] as const)
    if (text(opts, key) === undefined) throw new UsageError("usage.requiredOption", { name: flag }, "usage.hint");
  const meeting = text(opts, "at") !== undefined ? resolveMeeting(ctx.db, text(opts, "at")!, day) : null;
  const date = text(opts, "date") !== undefined ? parseDate(text(opts, "date")!, "--date", day) : null;
  const due = text(opts, "due") !== undefined ? parseDate(text(opts, "due")!, "--due", day) : null;
  const id = ctx.write((audit) =>
    addCommitment(
      ctx.db,
      audit,
      { ask: text(opts, "ask")!, from: text(opts, "from")!, office: text(opts, "office"), body: text(opts, "body"), answer: text(opts, "answer")!, meeting, date, due },
      day,
    ),
  );
  const c = getCommitment(ctx.db, id)!;
  if (ctx.json) return printJson(commitmentJson(ctx.db, c, day));
  say(ctx.t(c.answer === "absent" ? "commitments.addedAbsent" : "commitments.added", { id, from: c.from, answer: ctx.t(`commitments.answer.${c.answer}`), ask: c.ask }));
}

export async function update(ctx: Context, [ref]: string[], opts: Options): Promise<void> {
  const day = today();
  if (text(opts, "status") === undefined) throw new UsageError("usage.requiredOption", { name: "--status <status>" }, "usage.hint");
  const commitment = resolveCommitment(ctx.db, ref!);
  const date = text(opts, "date") !== undefined ? parseDate(text(opts, "date")!, "--date", day) : day;
  const status = ctx.write((audit) => updateCommitment(ctx.db, audit, commitment, { status: text(opts, "status")!, note: text(opts, "note"), date }));
  const c = getCommitment(ctx.db, commitment.id)!;
  if (ctx.json) return printJson(commitmentJson(ctx.db, c, day));
  say(ctx.t("commitments.updated", { id: c.id, status: ctx.t(`commitments.status.${status}`), date: formatDate(c.statusDate, ctx.lang) }));
}

export async function list(ctx: Context, _args: string[], opts: Options): Promise<void> {
  const day = today();
  const status = text(opts, "status") !== undefined ? (oneOf(text(opts, "status")!, COMMITMENT_STATUSES, "--status") as CommitmentStatus) : undefined;
  const decisionMaker = text(opts, "from") !== undefined ? resolveDecisionMaker(ctx.db, text(opts, "from")!) : undefined;
  const since = text(opts, "since") !== undefined ? parseDate(text(opts, "since")!, "--since", day) : undefined;
  const rows = findCommitments(ctx.db, { status, decisionMaker, body: text(opts, "body"), overdueOn: opts.overdue === true ? day : undefined, since });
  if (ctx.json) return printJson(rows.map((c) => commitmentJson(ctx.db, c, day, false)));
  if (rows.length === 0) return say(ctx.t("commitments.none"));
  printTable(
    ctx,
    ["#", ctx.t("label.date"), ctx.t("commitments.label.from"), ctx.t("commitments.label.ask"), ctx.t("commitments.label.answer"), ctx.t("label.due"), ctx.t("label.status")],
    rows.map((c) => [c.id, formatDate(c.date, ctx.lang), decisionMakerLabel(c), c.ask, ctx.t(`commitments.answer.${c.answer}`), formatDate(c.due, ctx.lang), statusLabel(ctx, c, day)]),
  );
}

export async function show(ctx: Context, [ref]: string[]): Promise<void> {
  const day = today();
  const c = resolveCommitment(ctx.db, ref!);
  const updates = updatesOf(ctx.db, c.id);
  if (ctx.json) return printJson({ ...c, overdue: isOverdue(c, day), updates });
  const meeting = c.meeting !== null ? getMeeting(ctx.db, c.meeting) : undefined;
  printDetails(ctx, [
    [ctx.t("commitments.label.commitment"), `#${c.id}`],
    [ctx.t("commitments.label.ask"), c.ask],
    [ctx.t("commitments.label.from"), c.from],
    [ctx.t("commitments.label.office"), c.office],
    [ctx.t("commitments.label.body"), c.body],
    [ctx.t("commitments.label.answer"), ctx.t(`commitments.answer.${c.answer}`)],
    [ctx.t("label.date"), formatDate(c.date, ctx.lang)],
    [ctx.t("label.meeting"), meeting ? `${meeting.title ?? ctx.t(`meetingKind.${meeting.kind}`)} ${formatDate(meeting.date, ctx.lang)} (#${meeting.id})` : null],
    [ctx.t("label.due"), formatDate(c.due, ctx.lang)],
    [ctx.t("label.status"), `${statusLabel(ctx, c, day)}, ${formatDate(c.statusDate, ctx.lang)}`],
  ]);
  heading(ctx, ctx.t("commitments.updates"));
  if (updates.length === 0) return say(ctx.t("commitments.noUpdates"));
  printTable(
    ctx,
    [ctx.t("label.date"), ctx.t("label.status"), ctx.t("label.notes")],
    updates.map((u) => [formatDate(u.date, ctx.lang), ctx.t(`commitments.status.${u.status}`), u.note]),
  );
}
