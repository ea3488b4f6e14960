// `meetings invite <meeting>`: the invitation by e-mail, one message per person, in the platform's language,
// with the agenda as PDF and the meeting as .ics. nodemailer is loaded here, with Node's own require from
// node_modules (as pdfmake is), only when messages are built: no other command pays for it.
import type { Context } from "../core/context.js";
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import { formatDate, today } from "../core/dates.js";
import { CliError } from "../core/errors.js";
import { heading, note, printJson, printTable, say, writeOut } from "../core/output.js";
import { membersOn } from "../groups/index.js";
import { listPeople, resolvePerson, type Person } from "../people/index.js";
import { readSetting, readSettings } from "../platform/index.js";
import { meetingIcs } from "./ics.js";
import type { Meeting } from "./model.js";
import { resolveMeeting } from "./service.js";
import { invitationsOf, recordInvitation, setInvitedOn, type InvitationStatus } from "./invitationStore.js";
import { meetingLabel } from "./view.js";

export const INVITE_TO = ["representatives", "key-persons", "all"] as const;

/** A person to invite, with the member groups they are invited for. */
export interface Recipient {
  personId: number;
  name: string;
  email: string | null;
  phone: string | null;
  groups: string[];
}

/**
 * Who is invited: the people holding the role in each member group on the meeting's date (`all`: any role),
 * and the people named with --also; each person once, however many groups they act for.
 */
export function recipientsOf(ctx: Context, meeting: Meeting, to: (typeof INVITE_TO)[number], also: readonly string[]): Recipient[] {
  const role = to === "representatives" ? "representative" : to === "key-persons" ? "key-person" : undefined;
  const byId = new Map<number, Recipient>();
  const add = (p: Person, group: string | undefined) => {
    if (p.name === null) return; // forgotten: no one to write to
    const known = byId.get(p.id) ?? { personId: p.id, name: p.name, email: p.email, phone: p.phone, groups: [] };
    if (group !== undefined && !known.groups.includes(group)) known.groups.push(group);
    byId.set(p.id, known);
  };
  for (const group of membersOn(ctx.db, meeting.date))
    for (const person of listPeople(ctx.db, meeting.date, { groupId: group.id, ...(role ? { role } : {}) })) add(person, group.name);
  const day = today();
  for (const ref of also) add(resolvePerson(ctx.db, ref, day), undefined);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, ctx.lang) || a.personId - b.personId);
}

/** The part of nodemailer's API used here. */
interface Transport {
  sendMail(message: Record<string, unknown>): Promise<{ message?: Buffer; rejected?: unknown[] }>;
  verify(): Promise<unknown>;
  close(): void;
}
interface Nodemailer {
  createTransport(options: Record<string, unknown>): Transport;
}

async function loadNodemailer(): Promise<Nodemailer> {
  const { createRequire } = await import("node:module");
  return createRequire(import.meta.url)("nodemailer") as Nodemailer;
}

/** The mail server's answer in one line, without the password or anything else the error object holds. */
function reasonOf(error: unknown): string {
  const e = error as { response?: string; message?: string; code?: string };
  const text = e.response ?? e.message ?? String(error);
  return text.replace(/\s+/g, " ").trim().slice(0, 500);
}

/** "01-maria-schmidt.eml": the order of the list and the name in plain letters. */
function emlName(index: number, r: Recipient): string {
  const slug = r.name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `${String(index + 1).padStart(2, "0")}-${slug || `person-${r.personId}`}.eml`;
}

/** Subject and body of the invitation, in the run's language (the platform's unless --lang says otherwise). */
export function invitationText(ctx: Context, meeting: Meeting, r: Recipient, platform: string): { subject: string; text: string } {
  const what = meeting.title ?? (meeting.team ? `${ctx.t(`meetingKind.${meeting.kind}`)} ${meeting.team}` : ctx.t(`meetingKind.${meeting.kind}`));
  const date = formatDate(meeting.date, ctx.lang);
  const time = meeting.time ? (meeting.end ? `${meeting.time}–${meeting.end}` : meeting.time) : null;
  const subject = ctx.t(time ? "invite.subject" : "invite.subjectNoTime", { what, date, time: meeting.time ?? "", platform });
  const lines = [
    ctx.t("invite.greeting", { name: r.name }),
    "",
    ctx.t(r.groups.length > 0 ? "invite.intro" : "invite.introGuest", { what, platform, groups: r.groups.join(", ") }),
    "",
    `${ctx.t("invite.date")}: ${date}`,
    ...(time ? [`${ctx.t("invite.time")}: ${ctx.t("invite.timeValue", { time })}`] : []),
    `${ctx.t("invite.place")}: ${meeting.place ?? ctx.t("invite.placeOpen")}`,
    "",
    ctx.t("invite.attachments"),
    "",
    ctx.t("invite.closing"),
    platform,
    "",
  ];
  return { subject, text: lines.join("\n") };
}

interface Outcome {
  recipient: Recipient;
  status: InvitationStatus;
  reason: string | null;
  file?: string;
}

export async function invite(ctx: Context, [ref]: Args<typeof def.invite>, opts: Opts<typeof def.invite>): Promise<void> {
  const day = today();
  const meeting = resolveMeeting(ctx.db, ref, day);
  if (meeting.status === "cancelled") throw new CliError("error.meetingCancelled", { id: meeting.id });
  if (meeting.status === "held") throw new CliError("error.inviteHeld", { id: meeting.id });
  const to = opts.to ?? "representatives";
  if (!(INVITE_TO as readonly string[]).includes(to)) throw new CliError("error.notOneOf", { field: "--to", value: to, allowed: INVITE_TO.join(", ") });
  const everyone = recipientsOf(ctx, meeting, to as (typeof INVITE_TO)[number], opts.also ?? []);
  const withMail = everyone.filter((r) => r.email !== null && r.email.trim() !== "");
  const withoutMail = everyone.filter((r) => !withMail.includes(r));
  const sentBefore = new Set(invitationsOf(ctx.db, meeting.id).filter((i) => i.status === "sent").map((i) => i.personId));
  // A second run writes only to those not yet reached, unless --again (--out writes a file for everyone).
  const due = opts.again === true || opts.out !== undefined ? withMail : withMail.filter((r) => !sentBefore.has(r.personId));
  const already = withMail.filter((r) => !due.includes(r));

  if (opts.dryRun === true) return printPlan(ctx, meeting, due, already, withoutMail);

  const settings = readSettings(ctx.db);
  const from = readSetting(ctx.db, "smtp.from");
  const outDir = opts.out;
  let transport: Transport | undefined;
  if (outDir === undefined && due.length > 0) {
    const host = readSetting(ctx.db, "smtp.host");
    if (host === undefined) throw new CliError("error.smtpNotSet", { key: "smtp.host" }, 1, "error.smtpNotSet.hint");
    if (from === undefined) throw new CliError("error.smtpNotSet", { key: "smtp.from" }, 1, "error.smtpNotSet.hint");
    transport = await connect(ctx, host);
  }
  if (outDir !== undefined) {
    const fs = await import("node:fs");
    if (!fs.existsSync(outDir) || !fs.statSync(outDir).isDirectory()) throw new CliError("error.noSuchDirectory", { path: outDir });
  }

  const outcomes: Outcome[] = [];
  try {
    if (due.length > 0) {
      // The same two attachments for everyone, made once.
      const [pdf, ics] = await Promise.all([(async () => (await import("../reports/index.js")).agendaPdf(ctx, meeting.id))(), meetingIcs(ctx, meeting)]);
      const base = ctx.t("invite.fileName", { date: meeting.date });
      const attachments = [
        { filename: `${base}.pdf`, content: Buffer.from(pdf), contentType: "application/pdf" },
        { filename: `${base}.ics`, content: ics, contentType: "text/calendar; charset=utf-8; method=PUBLISH" },
      ];
      const sender = from ?? { name: settings.name, address: "plattform@localhost" };
      const writer = outDir !== undefined ? (await loadNodemailer()).createTransport({ streamTransport: true, buffer: true, newline: "crlf" }) : undefined;
      const { join } = await import("node:path");
      for (const [index, r] of due.entries()) {
        const { subject, text } = invitationText(ctx, meeting, r, settings.name);
        const message = { from: sender, to: { name: r.name, address: r.email!.trim() }, subject, text, attachments, headers: { "Content-Language": ctx.lang } };
        if (writer !== undefined) {
          const built = await writer.sendMail(message);
          const file = join(outDir!, emlName(index, r));
          await writeOut(file, built.message!);
          outcomes.push({ recipient: r, status: "written", reason: null, file });
        } else {
          try {
            await transport!.sendMail(message);
            outcomes.push({ recipient: r, status: "sent", reason: null });
          } catch (error) {
            outcomes.push({ recipient: r, status: "failed", reason: reasonOf(error) });
          }
        }
        // Recorded at once: a run that stops half-way still knows whom it reached.
        record(ctx, meeting, outcomes[outcomes.length - 1]!);
      }
      if (outcomes.some((o) => o.status === "sent") && meeting.invited === null)
        ctx.write((audit) => {
          setInvitedOn(ctx.db, meeting.id, day);
          audit({ entity: "meeting", id: meeting.id, action: "edit", changes: { invited: [null, day] } });
        });
    }
  } finally {
    transport?.close();
  }
  report(ctx, meeting, outcomes, already, withoutMail);
}

/** One attempt into the invitations table and the audit log (the person's id and the outcome, no address). */
function record(ctx: Context, meeting: Meeting, o: Outcome): void {
  ctx.write((audit) => {
    recordInvitation(ctx.db, meeting.id, {
      personId: o.recipient.personId,
      address: o.recipient.email!.trim(),
      status: o.status,
      reason: o.reason,
      at: new Date().toISOString(),
      by: ctx.actor,
    });
    audit({ entity: "invitation", id: meeting.id, action: o.status, changes: { person: o.recipient.personId } });
  });
}

/** The SMTP connection, checked before the first message: a wrong host or password stops here, nothing recorded. */
async function connect(ctx: Context, host: string): Promise<Transport> {
  const port = Number(readSetting(ctx.db, "smtp.port") ?? "587");
  const secure = readSetting(ctx.db, "smtp.secure") === "yes";
  const user = readSetting(ctx.db, "smtp.user");
  let pass: string | undefined;
  if (user !== undefined) {
    pass = ctx.env.PLATTFORM_SMTP_PASSWORD;
    if (pass === undefined || pass === "") pass = await (await import("../core/prompts.js")).password(ctx, ctx.t("invite.passwordPrompt", { user, host }));
    if (pass === undefined || pass === "") throw new CliError("error.smtpNoPassword", { user, host }, 1, "error.smtpNoPassword.hint");
  }
  const transport = (await loadNodemailer()).createTransport({
    host,
    port,
    secure,
    ...(user !== undefined ? { auth: { user, pass } } : {}),
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  try {
    await transport.verify();
  } catch (error) {
    transport.close();
    throw new CliError("error.smtpFailed", { host, port, reason: reasonOf(error) }, 1, "error.smtpFailed.hint");
  }
  return transport;
}

function recipientJson(r: Recipient) {
  return { person: r.personId, name: r.name, email: r.email, phone: r.phone, groups: r.groups };
}

/** --dry-run: who would get a message, who has one already, who must be invited by phone or post. */
function printPlan(ctx: Context, meeting: Meeting, due: Recipient[], already: Recipient[], withoutMail: Recipient[]): void {
  if (ctx.json)
    return printJson({ meeting: meeting.id, dryRun: true, recipients: due.map(recipientJson), alreadyInvited: already.map(recipientJson), withoutEmail: withoutMail.map(recipientJson) });
  heading(ctx, ctx.t("invite.wouldSend", { count: due.length, label: meetingLabel(ctx, meeting) }));
  if (due.length > 0) printTable(ctx, [ctx.t("label.name"), ctx.t("label.email"), ctx.t("label.groups")], due.map((r) => [r.name, r.email, r.groups.join(", ")]));
  if (already.length > 0) note(ctx.t("invite.alreadyInvited", { count: already.length, names: already.map((r) => r.name).join(", ") }));
  printWithoutMail(ctx, withoutMail);
}

function printWithoutMail(ctx: Context, withoutMail: Recipient[]): void {
  if (withoutMail.length === 0) return;
  heading(ctx, ctx.t("invite.withoutEmail", { count: withoutMail.length }));
  printTable(ctx, [ctx.t("label.name"), ctx.t("label.phone"), ctx.t("label.groups")], withoutMail.map((r) => [r.name, r.phone ?? "—", r.groups.join(", ")]));
}

function report(ctx: Context, meeting: Meeting, outcomes: Outcome[], already: Recipient[], withoutMail: Recipient[]): void {
  const failed = outcomes.filter((o) => o.status === "failed");
  if (ctx.json)
    printJson({
      meeting: meeting.id,
      sent: outcomes.filter((o) => o.status === "sent").map((o) => recipientJson(o.recipient)),
      written: outcomes.filter((o) => o.status === "written").map((o) => ({ ...recipientJson(o.recipient), file: o.file })),
      failed: failed.map((o) => ({ ...recipientJson(o.recipient), reason: o.reason })),
      alreadyInvited: already.map(recipientJson),
      withoutEmail: withoutMail.map(recipientJson),
    });
  else {
    const sent = outcomes.filter((o) => o.status === "sent").length;
    const written = outcomes.filter((o) => o.status === "written");
    if (written.length > 0) say(ctx.t("invite.written", { count: written.length, dir: written[0]!.file!.replace(/[/\\][^/\\]*$/, "") }));
    else say(ctx.t("invite.sent", { count: sent, label: meetingLabel(ctx, meeting) }));
    if (already.length > 0) note(ctx.t("invite.alreadyInvited", { count: already.length, names: already.map((r) => r.name).join(", ") }));
    if (failed.length > 0) {
      heading(ctx, ctx.t("invite.failedHeading", { count: failed.length }));
      printTable(ctx, [ctx.t("label.name"), ctx.t("label.email"), ctx.t("invite.reason")], failed.map((o) => [o.recipient.name, o.recipient.email, o.reason]));
    }
    printWithoutMail(ctx, withoutMail);
  }
  if (failed.length > 0)
    throw new CliError("error.inviteFailed", { count: failed.length, names: failed.map((o) => o.recipient.name).join(", ") }, 1, "error.inviteFailed.hint");
}
