import { shortFingerprint } from "../core/hash.js";
import type { Context } from "../core/context.js";
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { formatDate, today } from "../core/dates.js";
import { CliError, UsageError } from "../core/errors.js";
import { heading, printDetails, printJson, printTable, say, warn } from "../core/output.js";
import { cleanText } from "../core/validate.js";
import { writeSetting } from "../platform/index.js";
import { taskHeader, taskRows } from "../tasks/index.js";
import { listTasks } from "../tasks/index.js";
import { agendaOverrun, meetingLength, MEETING_KINDS, parseTemplate, type Meeting } from "./model.js";
import {
  addItem,
  addMeeting,
  addNote,
  amend,
  approve,
  attend as recordAttendance,
  attendanceSummary,
  cancelMeeting,
  changeNote,
  moveAttendance,
  renameItem,
  unattend as withdrawAttendance,
  type AttendanceChange,
  editMeeting,
  excuse as recordExcuse,
  fieldsOf,
  meetingFields,
  moveItem,
  removeItem,
  resolveMeeting,
  templateText,
  type MeetingInput,
} from "./service.js";
import type { AttendanceSummary } from "./service.js";
import { getMeeting, listAmendments, listItems, listMeetings, notesOfMeeting } from "./store.js";
import { assemblyView } from "../assemblies/index.js";
import { printAssembly } from "../assemblies/index.js";
import { meetingLabel } from "./view.js";
import { invitationSummary } from "./invitationStore.js";

function inputFrom(opts: Partial<Opts<typeof def.edit>>): MeetingInput {
  return {
    title: opts.title,
    date: opts.date,
    time: opts.time,
    end: opts.end,
    place: opts.place,
    team: opts.team,
    chair: opts.chair,
    secretary: opts.secretary,
    invited: opts.invited,
  };
}

function stateLabel(ctx: Context, m: Meeting): string {
  return m.status === "held" ? ctx.t(`minutes.${m.minutes}`) : ctx.t(`meetingStatus.${m.status}`);
}

/** Warns (on stderr) when the agenda is planned longer than the meeting lasts. */
function warnOverrun(ctx: Context, meeting: Meeting): void {
  const overrun = agendaOverrun(listItems(ctx.db, meeting.id), meetingLength(meeting.time, meeting.end));
  if (overrun) warn(ctx, ctx.t("meetings.overrun", overrun));
}

export async function add(ctx: Context, [kind]: Args<typeof def.add>, opts: Opts<typeof def.add>): Promise<void> {
  const day = today();
  // A missing required option is a usage error (exit 2), as commander reports it for `tasks add` without --owner.
  if (opts.date === undefined) throw new UsageError("usage.requiredOption", { name: "--date <date>" }, "usage.hint");
  const fields = meetingFields(ctx.db, { ...inputFrom(opts), kind }, day);
  const templateName = opts.template;
  const template = templateName !== undefined ? parseTemplate(templateText(ctx.db, templateName, ctx.lang)) : [];
  const id = ctx.write((audit) => addMeeting(ctx.db, audit, fields, template));
  const meeting = getMeeting(ctx.db, id)!;
  // The warning goes to stderr, so it is given with --json too.
  warnOverrun(ctx, meeting);
  if (ctx.json) return printJson({ ...meeting, items: listItems(ctx.db, id) });
  say(ctx.t("meetings.added", { id, label: meetingLabel(ctx, meeting) }));
}

export async function list(ctx: Context, _args: Args<typeof def.list>, opts: Opts<typeof def.list>): Promise<void> {
  const day = today();
  const kind = opts.kind;
  if (kind !== undefined && !(MEETING_KINDS as readonly string[]).includes(kind))
    throw new CliError("error.notOneOf", { field: "--kind", value: kind, allowed: MEETING_KINDS.join(", ") });
  if (opts.upcoming === true && opts.past === true) throw new UsageError("error.upcomingOrPast");
  const meetings = listMeetings(ctx.db, {
    kind: kind as Meeting["kind"] | undefined,
    from: opts.upcoming === true ? day : undefined,
    until: opts.past === true ? day : undefined,
    descending: opts.past === true,
  });
  if (ctx.json) return printJson(meetings);
  if (meetings.length === 0) return say(ctx.t("meetings.none"));
  printTable(
    ctx,
    ["#", ctx.t("label.date"), ctx.t("label.time"), ctx.t("label.kind"), ctx.t("label.title"), ctx.t("label.place"), ctx.t("label.status")],
    meetings.map((m) => [m.id, formatDate(m.date, ctx.lang), m.time, ctx.t(`meetingKind.${m.kind}`), m.title, m.place, stateLabel(ctx, m)]),
    [{ priority: 9 }, { priority: 10 }, { priority: 6 }, { priority: 4 }, { priority: 7 }, { priority: 3 }, { priority: 8 }],
  );
}

/** Today's attendance, or for approved minutes the attendance and quorum as approved (reports/frozen.ts). */
async function recordedAttendance(ctx: Context, meeting: Meeting): Promise<AttendanceSummary> {
  const live = attendanceSummary(ctx.db, meeting, ctx.t("people.forgottenName"));
  if (meeting.minutes !== "approved") return live;
  const approved = (await (await import("../reports/index.js")).frozenMinutesCode()).approvedModel(ctx.db, meeting.id);
  if (!approved) return live;
  const a = approved.attendance;
  const present = a.present.map((p) => ({ group: p.group, groupId: p.groupId ?? live.present.find((l) => l.group === p.group)?.groupId ?? 0, people: p.people, entitled: p.member }));
  return { entitled: a.entitled, present, excused: a.excused, absent: a.absent, guests: a.guests, excusedPeople: a.excusedPeople, quorum: approved.quorum };
}

export async function show(ctx: Context, [ref]: Args<typeof def.show>): Promise<void> {
  const day = today();
  const meeting = resolveMeeting(ctx.db, ref!, day);
  const items = listItems(ctx.db, meeting.id);
  const notes = notesOfMeeting(ctx.db, meeting.id);
  const attendance = await recordedAttendance(ctx, meeting);
  const tasks = listTasks(ctx.db, { meetingId: meeting.id }, ctx.t("people.forgottenName"));
  const amendments = listAmendments(ctx.db, meeting.id);
  // Assemblies: turnout per group and the asks made there (also on any meeting where commitments were given).
  const assembly = assemblyView(ctx.db, meeting);
  const invitations = invitationSummary(ctx.db, meeting.id);
  if (ctx.json)
    return printJson({
      ...meeting,
      invitations,
      items: items.map((i) => ({ ...i, notes: notes.filter((n) => n.itemId === i.id).map((n) => n.text), noteIds: notes.filter((n) => n.itemId === i.id).map((n) => n.id) })),
      attendance,
      tasks,
      amendments,
      ...(assembly ? { assembly } : {}),
    });
  printDetails(ctx, [
    [ctx.t("label.meeting"), `${meetingLabel(ctx, meeting)} (#${meeting.id})`],
    [ctx.t("label.kind"), ctx.t(`meetingKind.${meeting.kind}`)],
    [ctx.t("label.time"), [meeting.time, meeting.end].filter(Boolean).join("–")],
    [ctx.t("label.place"), meeting.place],
    [ctx.t("label.team"), meeting.team],
    [ctx.t("label.chair"), meeting.chair],
    [ctx.t("label.secretary"), meeting.secretary],
    [ctx.t("label.invited"), formatDate(meeting.invited, ctx.lang)],
    [ctx.t("label.invitations"), invitations.sent + invitations.failed > 0 ? ctx.t("invite.counts", { sent: invitations.sent, failed: invitations.failed }) : null],
    [ctx.t("label.status"), stateLabel(ctx, meeting)],
  ]);
  heading(ctx, ctx.t("meetings.agenda"));
  if (items.length === 0) say(ctx.t("meetings.noItems"));
  else
    printTable(
      ctx,
      ["#", ctx.t("label.title"), ctx.t("label.type"), ctx.t("label.presenter"), ctx.t("label.minutes"), ctx.t("label.notes")],
      items.map((i) => [i.position, i.title, ctx.t(`itemType.${i.type}`), i.presenter, i.duration, notes.filter((n) => n.itemId === i.id).map((n) => `[${n.id}] ${n.text}`).join(" / ")]),
    );
  heading(ctx, ctx.t("meetings.attendance"));
  const recorded = attendance.present.length + attendance.excused.length + attendance.guests.length + attendance.excusedPeople.length > 0;
  if (meeting.status === "planned" && !recorded) {
    // Before the meeting nobody is absent yet and there is no quorum to miss.
    say(ctx.t("meetings.noAttendanceYet", { entitled: attendance.entitled }));
  } else {
    say(ctx.t("meetings.attendanceLine", { present: attendance.quorum.present, entitled: attendance.entitled, excused: attendance.excused.length, absent: attendance.absent.length }));
    for (const p of attendance.present) say(`  ✓ ${p.group}: ${p.people.join(", ")}`);
    if (attendance.guests.length > 0) say(`  ${ctx.t("label.guests")}: ${attendance.guests.join(", ")}`);
    const { required, present, entitled } = attendance.quorum;
    say(ctx.t(attendance.quorum.met ? "meetings.quorumMet" : "meetings.quorumMissed", { required, present, entitled }));
  }
  if (assembly) printAssembly(ctx, meeting, assembly);
  if (tasks.length > 0) {
    heading(ctx, ctx.t("meetings.tasks"));
    printTable(ctx, taskHeader(ctx), taskRows(ctx, tasks, day));
  }
  if (amendments.length > 0) {
    heading(ctx, ctx.t("meetings.amendments"));
    for (const a of amendments) say(`  ${formatDate(a.date, ctx.lang)} ${a.author}: ${a.text}`);
  }
  if (meeting.status === "planned") warnOverrun(ctx, meeting);
}

export async function edit(ctx: Context, [ref]: Args<typeof def.edit>, opts: Opts<typeof def.edit>): Promise<void> {
  const input = inputFrom(opts);
  if (Object.values(input).every((v) => v === undefined)) throw new CliError("error.nothingToChange", {}, 1, "error.nothingToChange.hint");
  const day = today();
  const meeting = resolveMeeting(ctx.db, ref!, day);
  const fields = meetingFields(ctx.db, input, day, fieldsOf(meeting));
  ctx.write((audit) => editMeeting(ctx.db, audit, meeting, fields));
  const updated = getMeeting(ctx.db, meeting.id)!;
  warnOverrun(ctx, updated);
  if (ctx.json) return printJson(updated);
  say(ctx.t("meetings.edited", { label: meetingLabel(ctx, updated) }));
}

export async function cancel(ctx: Context, [ref]: Args<typeof def.cancel>): Promise<void> {
  const meeting = resolveMeeting(ctx.db, ref!, today());
  ctx.write((audit) => cancelMeeting(ctx.db, audit, meeting));
  if (ctx.json) return printJson(getMeeting(ctx.db, meeting.id));
  say(ctx.t("meetings.cancelled", { label: meetingLabel(ctx, meeting) }));
}

export async function itemAdd(ctx: Context, [ref, title]: Args<typeof def.itemAdd>, opts: Opts<typeof def.itemAdd>): Promise<void> {
  const day = today();
  const meeting = resolveMeeting(ctx.db, ref!, day);
  const item = ctx.write((audit) =>
    addItem(ctx.db, audit, meeting, { title: title!, type: opts.type, presenter: opts.presenter, duration: opts.duration }, day),
  );
  warnOverrun(ctx, meeting);
  if (ctx.json) return printJson(item);
  say(ctx.t("meetings.itemAdded", { position: item.position, title: item.title, label: meetingLabel(ctx, meeting) }));
}

export async function itemMove(ctx: Context, [ref, from, to]: Args<typeof def.itemMove>): Promise<void> {
  const meeting = resolveMeeting(ctx.db, ref!, today());
  ctx.write((audit) => moveItem(ctx.db, audit, meeting, from!, to!));
  if (ctx.json) return printJson(listItems(ctx.db, meeting.id));
  say(ctx.t("meetings.itemMoved", { from: from!, to: to!, label: meetingLabel(ctx, meeting) }));
}

export async function itemRemove(ctx: Context, [ref, position]: Args<typeof def.itemRemove>): Promise<void> {
  const meeting = resolveMeeting(ctx.db, ref!, today());
  ctx.write((audit) => removeItem(ctx.db, audit, meeting, position!));
  if (ctx.json) return printJson(listItems(ctx.db, meeting.id));
  say(ctx.t("meetings.itemRemoved", { position: position!, label: meetingLabel(ctx, meeting) }));
}

export async function itemRename(ctx: Context, [ref, position, title]: Args<typeof def.itemRename>): Promise<void> {
  const meeting = resolveMeeting(ctx.db, ref!, today());
  const change = ctx.write((audit) => renameItem(ctx.db, audit, meeting, position!, title!));
  if (ctx.json) return printJson({ meeting: meeting.id, item: change.position, before: change.before, after: change.after });
  say(ctx.t("meetings.itemRenamed", { position: change.position, label: meetingLabel(ctx, meeting), before: change.before, after: change.after }));
}

/** How a person was recorded, in words: "present for St. Josef", "guest", "excused", "not recorded". */
function recordedAs(ctx: Context, state: AttendanceChange["before"] | null): string {
  if (state === null) return ctx.t("attendanceState.none");
  if (state.status === "present") return ctx.t("attendanceState.present", { group: state.group ?? "" });
  return ctx.t(`attendanceState.${state.status}`);
}

function printAttendanceChanges(ctx: Context, meeting: Meeting, changes: AttendanceChange[]): void {
  if (ctx.json) return printJson({ meeting: meeting.id, changes, attendance: attendanceSummary(ctx.db, meeting, ctx.t("people.forgottenName")) });
  for (const c of changes)
    say(ctx.t("meetings.attendanceChanged", { name: c.person, label: meetingLabel(ctx, meeting), before: recordedAs(ctx, c.before), after: recordedAs(ctx, c.after) }));
}

export async function unattend(ctx: Context, [ref, person]: Args<typeof def.unattend>, opts: Opts<typeof def.unattend>): Promise<void> {
  const day = today();
  const meeting = resolveMeeting(ctx.db, ref!, day);
  const changes = ctx.write((audit) => withdrawAttendance(ctx.db, audit, meeting, person!, opts.for, day));
  printAttendanceChanges(ctx, meeting, changes);
}

export async function attend(ctx: Context, [ref, ...people]: Args<typeof def.attend>, opts: Opts<typeof def.attend>): Promise<void> {
  const day = today();
  const meeting = resolveMeeting(ctx.db, ref!, day);
  if (opts.move === true) {
    if (opts.for === undefined || opts.guest === true) throw new CliError("error.moveNeedsFor", {});
    const group = opts.for;
    const changes = ctx.write((audit) => people.map((person) => moveAttendance(ctx.db, audit, meeting, person, group, day)));
    return printAttendanceChanges(ctx, meeting, changes);
  }
  const count = ctx.write((audit) => recordAttendance(ctx.db, audit, meeting, people, { for: opts.for, guest: opts.guest === true }, day));
  const summary = attendanceSummary(ctx.db, meeting, ctx.t("people.forgottenName"));
  if (ctx.json) return printJson(summary);
  say(ctx.t("meetings.attended", { count, present: summary.quorum.present, entitled: summary.entitled, label: meetingLabel(ctx, meeting) }));
}

export async function excuse(ctx: Context, [ref, who]: Args<typeof def.excuse>): Promise<void> {
  const day = today();
  const meeting = resolveMeeting(ctx.db, ref!, day);
  const result = ctx.write((audit) => recordExcuse(ctx.db, audit, meeting, who!, day));
  if (ctx.json) return printJson(attendanceSummary(ctx.db, meeting, ctx.t("people.forgottenName")));
  say(ctx.t("meetings.excused", { name: result.name, label: meetingLabel(ctx, meeting) }));
}

export async function note(ctx: Context, [ref, position, noteText]: Args<typeof def.note>): Promise<void> {
  const meeting = resolveMeeting(ctx.db, ref!, today());
  const id = ctx.write((audit) => addNote(ctx.db, audit, meeting, position!, noteText!));
  if (ctx.json) return printJson({ id, meeting: meeting.id, item: Number(position), text: noteText });
  say(ctx.t("meetings.noted", { id, position: position!, label: meetingLabel(ctx, meeting) }));
}

export async function noteEdit(ctx: Context, [ref, noteRef, noteText]: Args<typeof def.noteEdit>): Promise<void> {
  const meeting = resolveMeeting(ctx.db, ref!, today());
  const change = ctx.write((audit) => changeNote(ctx.db, audit, meeting, noteRef!, noteText!));
  if (ctx.json) return printJson({ meeting: meeting.id, ...change });
  say(ctx.t("meetings.noteEdited", { note: change.id, position: change.position, label: meetingLabel(ctx, meeting), before: change.before, after: change.after ?? "" }));
}

export async function noteRemove(ctx: Context, [ref, noteRef]: Args<typeof def.noteRemove>): Promise<void> {
  const meeting = resolveMeeting(ctx.db, ref!, today());
  const change = ctx.write((audit) => changeNote(ctx.db, audit, meeting, noteRef!, null));
  if (ctx.json) return printJson({ meeting: meeting.id, ...change });
  say(ctx.t("meetings.noteRemoved", { note: change.id, position: change.position, label: meetingLabel(ctx, meeting), before: change.before }));
}

export async function approveMinutes(ctx: Context, [ref]: Args<typeof def.approveMinutes>, opts: Opts<typeof def.approveMinutes>): Promise<void> {
  const day = today();
  if (opts.at === undefined) throw new UsageError("usage.requiredOption", { name: "--at <meeting>" }, "usage.hint");
  const meeting = resolveMeeting(ctx.db, ref!, day);
  const at = resolveMeeting(ctx.db, opts.at, day);
  const corrections = opts.corrections !== undefined ? cleanText(opts.corrections, "--corrections", { max: 5000 }) : null;
  const { freezeMinutes } = await (await import("../reports/index.js")).frozenMinutesCode();
  // The minutes are frozen in the approval's own transaction: what is approved is what is stored.
  const forgotten = ctx.t("people.forgottenName");
  const fingerprint = ctx.write((audit) =>
    approve(ctx.db, audit, meeting, at, corrections, {
      today: day,
      withoutQuorum: opts.withoutQuorum === true,
      freeze: (db, id) => freezeMinutes(db, id, ctx.lang, forgotten),
    }),
  );
  if (ctx.json) return printJson({ ...getMeeting(ctx.db, meeting.id), fingerprint });
  say(ctx.t("meetings.approved", { label: meetingLabel(ctx, meeting), at: meetingLabel(ctx, at), code: shortFingerprint(fingerprint) }));
}

export async function amendMinutes(ctx: Context, [ref, amendment]: Args<typeof def.amendMinutes>): Promise<void> {
  const day = today();
  const meeting = resolveMeeting(ctx.db, ref!, day);
  const id = ctx.write((audit) => amend(ctx.db, audit, meeting, amendment!, ctx.actor, day));
  if (ctx.json) return printJson(listAmendments(ctx.db, meeting.id).find((a) => a.id === id));
  say(ctx.t("meetings.amended", { label: meetingLabel(ctx, meeting) }));
}

export async function templateShow(ctx: Context, [name]: Args<typeof def.templateShow>): Promise<void> {
  const items = parseTemplate(templateText(ctx.db, name ?? "standard", ctx.lang));
  if (ctx.json) return printJson(items);
  printTable(
    ctx,
    ["#", ctx.t("label.title"), ctx.t("label.type"), ctx.t("label.minutes")],
    items.map((i, index) => [index + 1, i.title, i.type, i.duration]),
  );
}

/** Replaces a template with the lines of a file (or standard input with "-"): `<type> [<minutes>] <title>`. */
export async function templateSet(ctx: Context, [name, file]: Args<typeof def.templateSet>): Promise<void> {
  const { readFileSync } = await import("node:fs");
  let content: string;
  try {
    content = readFileSync(file === "-" ? 0 : file!, "utf8");
  } catch {
    throw new CliError("error.cannotRead", { path: file! }, 1, "error.cannotRead.hint");
  }
  const items = parseTemplate(content);
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(name!)) throw new CliError("error.invalidTemplateName", { name: name! });
  ctx.write((audit) => {
    writeSetting(ctx.db, `template.${name}`, content.trim());
    audit({ entity: "setting", id: null, action: "template", changes: { name, items: items.length } });
  });
  if (ctx.json) return printJson(items);
  say(ctx.t("meetings.templateSet", { name: name!, count: items.length }));
}
