// `meetings run <meeting>`: interactive minute-taking. It walks through attendance and then the agenda item by
// item; every answer is saved in its own transaction the moment it is given, so Ctrl-C loses nothing and a
// second run picks up where the first one stopped (present people come up checked, notes taken are shown).
import type { Context } from "../../core/context.js";
import { formatDate, parseDate, today } from "../../core/dates.js";
import type { Db } from "../../core/db.js";
import { CliError } from "../../core/errors.js";
import { note, say } from "../../core/output.js";
import { isPromptExit, loadPrompter, type PromptChoice, type Prompter } from "../../core/prompts.js";
import { isMemberOn, type Group } from "../../groups/index.js";
import { listGroups } from "../../groups/index.js";
import { ROLES, type Role } from "../../people/index.js";
import { getPerson, listPeople } from "../../people/index.js";
import { addTask, resolveOwner, type Owner } from "../../tasks/index.js";
import { listTasks } from "../../tasks/index.js";
import type { AgendaItem, Meeting } from "../../meetings/index.js";
import { askBallots, askVotes } from "./decisions.js";
import { message, trySave, untilSaved, type Audit, type Walk } from "./walk.js";
import { closeWhenNothingOpen } from "../close.js";
import { addNote, attend, attendanceSummary, ensureEditable, excuse, resolveMeeting } from "../../meetings/index.js";
import { deleteAttendance, getMeeting, listAttendance, listItems, notesOfMeeting, type AttendanceRow } from "../../meetings/index.js";
import { compareNames } from "../../core/validate.js";

export interface RunOutcome {
  /** the person pressed Ctrl-C: everything answered before is saved */
  interrupted: boolean;
  closed: boolean;
}

/** The command: refuses without a terminal, before it opens anything. */
export async function run(ctx: Context, [ref]: string[]): Promise<void> {
  if (ctx.options.input === false) throw new CliError("error.runNoInput", {}, 1, "error.runNoInput.hint");
  if (!ctx.canPrompt) throw new CliError("error.runNeedsTerminal", {}, 1, "error.runNeedsTerminal.hint");
  const day = today();
  const meeting = resolveMeeting(ctx.db, ref!, day);
  const outcome = await runMeeting(ctx, meeting, await loadPrompter(ctx), say, day);
  if (outcome.interrupted) note(ctx.t("run.interrupted", { id: meeting.id }));
}

/** The walk itself, with the prompts passed in (tests give scripted ones). */
export async function runMeeting(
  ctx: Context,
  meeting: Meeting,
  prompts: Prompter,
  print: (line: string) => void = say,
  day: string = today(),
): Promise<RunOutcome> {
  ensureEditable(meeting);
  if (meeting.status === "cancelled") throw new CliError("error.meetingCancelled", { id: meeting.id });
  const walk: Walk = { ctx, db: ctx.db, meeting, prompts, print, day };
  try {
    print(ctx.t("run.title", { label: `${meeting.title ?? ctx.t(`meetingKind.${meeting.kind}`)} ${formatDate(meeting.date, ctx.lang)}`, id: meeting.id }));
    await askAttendance(walk);
    await askGuests(walk);
    await askExcused(walk);
    printAttendance(walk);
    const items = listItems(walk.db, meeting.id);
    if (items.length === 0) print(ctx.t("meetings.noItems"));
    for (const item of items) await askItem(walk, item);
    const closed = await offerClose(walk);
    print(ctx.t("run.done"));
    return { interrupted: false, closed };
  } catch (error) {
    if (isPromptExit(error)) return { interrupted: true, closed: false };
    throw error;
  }
}

// ---- attendance

type Seat = { personId: number; groupId: number };
const ROLE_ORDER: Record<Role, number> = { representative: 0, "key-person": 1, member: 2 };

/** The member groups on the meeting's date: the groups entitled to vote. */
function entitledGroups(walk: Walk): Group[] {
  return listGroups(walk.db, walk.meeting.date, { all: true }).filter((g) => isMemberOn(g, walk.meeting.date));
}

/** Removes attendance rows (a presence or an excuse the secretary took back), with an audit entry each. */
function withdraw(db: Db, audit: Audit, meeting: Meeting, rows: AttendanceRow[]): void {
  for (const row of rows) {
    deleteAttendance(db, row.id);
    audit({ entity: "attendance", id: row.id, action: "withdraw", changes: { meeting: meeting.id, status: row.status, person: row.personId, group: row.groupId } });
  }
}

async function askAttendance(walk: Walk): Promise<void> {
  const { ctx, db, meeting } = walk;
  const present = listAttendance(db, meeting.id).filter((r) => r.status === "present" && r.personId !== null);
  const choices: Array<PromptChoice<Seat>> = [];
  for (const group of entitledGroups(walk)) {
    const people = listPeople(db, meeting.date, { groupId: group.id })
      .map((p) => {
        const roles = p.groups.filter((r) => r.group === group.name).map((r) => r.role);
        const role = [...roles].sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b])[0] ?? ROLES[2];
        return { person: p, role };
      })
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || compareNames(a.person.name ?? "", b.person.name ?? ""));
    for (const { person, role } of people)
      choices.push({
        name: `${group.name}: ${person.name ?? `#${person.id}`} (${ctx.t(`role.${role}`)})`,
        value: { personId: person.id, groupId: group.id },
        checked: present.some((r) => r.personId === person.id && r.groupId === group.id),
      });
  }
  if (choices.length === 0) return walk.print(ctx.t("run.noPeople", { date: formatDate(meeting.date, ctx.lang) }));
  const chosen = await walk.prompts.checkbox({ message: ctx.t("run.attendancePrompt"), choices });
  const isChosen = (seat: Seat) => chosen.some((c) => c.personId === seat.personId && c.groupId === seat.groupId);
  // Unchecked now but present before: taken back. Only seats that were offered; others are left as recorded.
  const removed = present.filter((r) => choices.some((c) => c.value.personId === r.personId && c.value.groupId === r.groupId) && !isChosen({ personId: r.personId!, groupId: r.groupId! }));
  const stays = present.filter((r) => !removed.includes(r));
  const added: Seat[] = [];
  for (const seat of chosen) {
    const already = stays.find((r) => r.personId === seat.personId);
    if (already && already.groupId === seat.groupId) continue; // present, as recorded before
    if (already || added.some((a) => a.personId === seat.personId)) {
      const name = choices.find((c) => c.value === seat)?.name ?? `#${seat.personId}`;
      walk.print(ctx.t("run.oneGroupOnly", { name }));
      continue;
    }
    added.push(seat);
  }
  if (removed.length === 0 && added.length === 0) return;
  ctx.write((audit) => {
    withdraw(db, audit, meeting, removed);
    for (const seat of added) attend(db, audit, meeting, [`#${seat.personId}`], { for: `#${seat.groupId}` }, walk.day);
  });
}

async function askGuests(walk: Walk): Promise<void> {
  const { ctx, db, meeting } = walk;
  const known = attendanceSummary(db, meeting, ctx.t("people.forgottenName")).guests;
  if (known.length > 0) walk.print(ctx.t("run.guestsSoFar", { names: known.join(", ") }));
  await untilSaved(walk, () => walk.prompts.input({ message: ctx.t("run.guestsPrompt") }), (answer) => {
    const names = [...new Set(answer.split(",").map((n) => n.trim()).filter((n) => n !== ""))].filter(
      (n) => !known.some((k) => k.toLowerCase() === n.toLowerCase()),
    );
    if (names.length > 0) ctx.write((audit) => attend(db, audit, meeting, names, { guest: true }, walk.day));
  });
}

async function askExcused(walk: Walk): Promise<void> {
  const { ctx, db, meeting } = walk;
  const rows = listAttendance(db, meeting.id);
  const presentGroups = new Set(rows.filter((r) => r.status === "present").map((r) => r.groupId));
  const excusedRows = rows.filter((r) => r.status === "excused" && r.groupId !== null && r.personId === null);
  const absent = entitledGroups(walk).filter((g) => !presentGroups.has(g.id));
  if (absent.length === 0) return;
  const chosen = await walk.prompts.checkbox({
    message: ctx.t("run.excusedPrompt"),
    choices: absent.map((g) => ({ name: g.name, value: g.id, checked: excusedRows.some((r) => r.groupId === g.id) })),
  });
  const removed = excusedRows.filter((r) => absent.some((g) => g.id === r.groupId) && !chosen.includes(r.groupId!));
  const added = chosen.filter((id) => !excusedRows.some((r) => r.groupId === id));
  if (removed.length === 0 && added.length === 0) return;
  ctx.write((audit) => {
    withdraw(db, audit, meeting, removed);
    for (const id of added) excuse(db, audit, meeting, `#${id}`, walk.day);
  });
}

function printAttendance(walk: Walk): void {
  const { ctx } = walk;
  const summary = attendanceSummary(walk.db, walk.meeting, ctx.t("people.forgottenName"));
  walk.print(ctx.t("meetings.attendanceLine", { present: summary.quorum.present, entitled: summary.entitled, excused: summary.excused.length, absent: summary.absent.length }));
  const { required, present, entitled } = summary.quorum;
  walk.print(ctx.t(summary.quorum.met ? "meetings.quorumMet" : "meetings.quorumMissed", { required, present, entitled }));
}

// ---- the agenda

async function askItem(walk: Walk, item: AgendaItem): Promise<void> {
  const { ctx, db, meeting } = walk;
  walk.print("");
  walk.print(ctx.t("run.item", { position: item.position, title: item.title, type: ctx.t(`itemType.${item.type}`) }));
  if (item.presenter) walk.print(`  ${ctx.t("label.presenter")}: ${item.presenter}`);
  for (const n of notesOfMeeting(db, meeting.id).filter((n) => n.itemId === item.id)) walk.print(`  ✎ ${n.text}`);
  await untilSaved(walk, () => walk.prompts.input({ message: ctx.t("run.notePrompt") }), (answer) => {
    if (answer.trim() !== "") ctx.write((audit) => addNote(db, audit, meeting, String(item.position), answer));
  });
  if (item.type === "decision") await askVotes(walk, item);
  if (item.type === "election") await askBallots(walk, item);
  const forgotten = ctx.t("people.forgottenName");
  for (const task of listTasks(db, { meetingId: meeting.id }, forgotten).filter((t) => t.item === item.position))
    walk.print(`  ☐ ${task.title} — ${task.owner}${task.due ? `, ${formatDate(task.due, ctx.lang)}` : ""}`);
  for (;;) {
    const title = (await walk.prompts.input({ message: ctx.t("run.taskTitle") })).trim();
    if (title === "") break;
    const owner = await askOwner(walk);
    const due = await askDue(walk);
    const saved = trySave(walk, () =>
      ctx.write((audit) => addTask(db, audit, { title, owner, due, meeting, item: String(item.position) })),
    );
    if (saved) walk.print(ctx.t("run.taskSaved", { title, owner: owner.kind === "person" ? (owner.person.name ?? forgotten) : owner.group.name }));
  }
}

async function askOwner(walk: Walk): Promise<Owner> {
  const { ctx, db, meeting, day } = walk;
  const seen = new Set<number>();
  const choices: Array<PromptChoice<Owner | null>> = [];
  for (const row of listAttendance(db, meeting.id)) {
    if (row.status !== "present" || row.personId === null || seen.has(row.personId)) continue;
    seen.add(row.personId);
    const person = getPerson(db, row.personId, day);
    if (person && !person.forgotten) choices.push({ name: person.name ?? `#${person.id}`, value: { kind: "person", person } });
  }
  for (const group of entitledGroups(walk)) choices.push({ name: `${group.name} (${ctx.t("label.group")})`, value: { kind: "group", group } });
  choices.push({ name: ctx.t("run.ownerOther"), value: null });
  const picked = await walk.prompts.select({ message: ctx.t("run.taskOwner"), choices });
  if (picked) return picked;
  for (;;) {
    const ref = await walk.prompts.input({ message: ctx.t("run.ownerName") });
    try {
      return resolveOwner(db, ref, day);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      walk.print(message(walk, error));
    }
  }
}

async function askDue(walk: Walk): Promise<string | null> {
  for (;;) {
    const answer = (await walk.prompts.input({ message: walk.ctx.t("run.taskDue") })).trim();
    if (answer === "") return null;
    try {
      return parseDate(answer, "due", walk.day);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      walk.print(message(walk, error));
    }
  }
}

async function offerClose(walk: Walk): Promise<boolean> {
  const { ctx, db } = walk;
  const current = getMeeting(db, walk.meeting.id)!;
  if (current.status !== "planned") return false;
  const close = await walk.prompts.confirm({ message: ctx.t("run.closePrompt"), default: false });
  if (!close) return false;
  try {
    ctx.write((audit) => closeWhenNothingOpen(db, audit, current, walk.day));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    walk.print(message(walk, error));
    return false;
  }
  walk.print(ctx.t("run.closed"));
  return true;
}
