// The meetings commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, flag, group, lazy, option, type Runnable } from "../core/define.js";

/** The fields of a meeting, on add and edit. */
const meetingFields = {
  date: option("--date <date>", "opt.meetingDate"),
  time: option("--time <HH:MM>", "opt.time"),
  end: option("--end <HH:MM>", "opt.end"),
  place: option("--place <place>", "opt.place"),
  title: option("--title <title>", "opt.title"),
  team: option("--team <team>", "opt.team"),
  chair: option("--chair <person>", "opt.chair"),
  secretary: option("--secretary <person>", "opt.secretary"),
  invited: option("--invited <date>", "opt.invited"),
};

export const meetings = group({
  path: "meetings",
  help: "help.meetings",
  examples: [
    "meetings list --upcoming",
    "meetings add kernkreis --date 3.12.2026 --time 19:00 --end 21:00 --template standard",
    "meetings show next",
  ],
});

export const add = command({
  path: "meetings add",
  args: ["<kind>"],
  help: "help.meetings.add",
  write: true,
  options: {
    ...meetingFields,
    template: option("--template <name>", "opt.template"),
  },
  examples: [
    "meetings add kernkreis --date 3.12.2026 --time 19:00 --end 21:00 --place \"Gemeindesaal St. Josef\" --template standard",
    "meetings add team --date +2w --team Wohnen --title \"Aktionsteam Wohnen\"",
  ],
});

export const list = command({
  path: "meetings list",
  help: "help.meetings.list",
  options: {
    upcoming: flag("--upcoming", "opt.upcoming"),
    past: flag("--past", "opt.past"),
    kind: option("--kind <kind>", "opt.meetingKind"),
  },
  examples: ["meetings list", "meetings list --upcoming --kind kernkreis", "meetings list --past --json"],
});

export const show = command({
  path: "meetings show",
  args: ["<meeting>"],
  help: "help.meetings.show",
  examples: ["meetings show next", "meetings show last", "meetings show 3.12.2026 --json"],
});

export const edit = command({
  path: "meetings edit",
  args: ["<meeting>"],
  help: "help.meetings.edit",
  write: true,
  options: {
    ...meetingFields,
  },
  examples: [
    "meetings edit next --place \"Nachbarschaftshaus\"",
    "meetings edit 12 --chair \"Maria Schmidt\" --secretary \"Uwe Schmidt\" --invited today",
  ],
});

export const cancel = command({
  path: "meetings cancel",
  args: ["<meeting>"],
  help: "help.meetings.cancel",
  write: true,
  examples: ["meetings cancel next", "meetings cancel 12"],
});

export const item = group({
  path: "meetings item",
  help: "help.meetings.item",
  examples: [
    "meetings item add next \"Bericht Aktionsteam Wohnen\" --type report --duration 15",
    "meetings item move next 5 3",
  ],
});

export const itemAdd = command({
  path: "meetings item add",
  args: ["<meeting>", "<title>"],
  help: "help.meetings.item.add",
  write: true,
  options: {
    type: option("--type <type>", "opt.itemType", { choices: ["report", "discussion", "decision", "election", "info"] }),
    presenter: option("--presenter <person>", "opt.presenter"),
    duration: option("--duration <minutes>", "opt.duration"),
  },
  examples: [
    "meetings item add next \"Bericht Aktionsteam Wohnen\" --type report --presenter \"Hatice Kaya\" --duration 15",
    "meetings item add 12 \"Beschluss Mietenkampagne\" --type decision",
  ],
});

export const itemMove = command({
  path: "meetings item move",
  args: ["<meeting>", "<item-no>", "<to>"],
  help: "help.meetings.item.move",
  write: true,
  examples: ["meetings item move next 5 3"],
});

export const itemRemove = command({
  path: "meetings item remove",
  args: ["<meeting>", "<item-no>"],
  help: "help.meetings.item.remove",
  write: true,
  examples: ["meetings item remove next 6"],
});

export const itemRename = command({
  path: "meetings item rename",
  args: ["<meeting>", "<item-no>", "<title>"],
  help: "help.meetings.item.rename",
  write: true,
  examples: ["meetings item rename last 3 \"Bericht Aktionsteam Wohnen und Verkehr\""],
});

export const attend = command({
  path: "meetings attend",
  args: ["<meeting>", "<person...>"],
  help: "help.meetings.attend",
  write: true,
  options: {
    for: option("--for <group>", "opt.for"),
    guest: flag("--guest", "opt.guest"),
    move: flag("--move", "opt.moveAttendance"),
  },
  examples: [
    "meetings attend next \"Maria Schmidt\" \"Yusuf Demir\"",
    "meetings attend next \"Ingrid Hoffmann\" --for ZWR",
    "meetings attend last \"Ingrid Hoffmann\" --for KOSMOS --move",
    "meetings attend next \"Bezirksstadträtin Weber\" --guest",
  ],
});

export const unattend = command({
  path: "meetings unattend",
  args: ["<meeting>", "<person-or-group>"],
  help: "help.meetings.unattend",
  write: true,
  options: {
    for: option("--for <group>", "opt.unattendFor"),
  },
  examples: ["meetings unattend last \"Yusuf Demir\"", "meetings unattend last \"Ingrid Hoffmann\" --for ZWR", "meetings unattend last VIET"],
});

export const excuse = command({
  path: "meetings excuse",
  args: ["<meeting>", "<group-or-person>"],
  help: "help.meetings.excuse",
  write: true,
  examples: ["meetings excuse next VIET", "meetings excuse next \"Uwe Schmidt\""],
});

export const note = command({
  path: "meetings note",
  args: ["<meeting>", "<item-no>", "<text>"],
  help: "help.meetings.note",
  write: true,
  examples: ["meetings note next 3 \"Kosmosviertel: 40 Haushalte befragt\"", "meetings note edit last 12 \"Kosmosviertel: 45 Haushalte befragt\"", "meetings note remove last 12"],
});

// `meetings note <meeting> <item-no> <text>` adds a note; its subcommands correct one. A meeting is never named
// "edit" or "remove" (ids, next, last, dates), so the first word tells them apart.
export const noteEdit = command({
  path: "meetings note edit",
  args: ["<meeting>", "<note-no>", "<text>"],
  help: "help.meetings.note.edit",
  write: true,
  examples: ["meetings note edit last 12 \"Kosmosviertel: 45 Haushalte befragt\""],
});

export const noteRemove = command({
  path: "meetings note remove",
  args: ["<meeting>", "<note-no>"],
  help: "help.meetings.note.remove",
  write: true,
  examples: ["meetings note remove last 12"],
});

export const close = command({
  path: "meetings close",
  args: ["<meeting>"],
  help: "help.meetings.close",
  write: true,
  examples: ["meetings close next", "meetings close 3.12.2026"],
});

export const approveMinutes = command({
  path: "meetings approve",
  args: ["<meeting>"],
  help: "help.meetings.approve",
  write: true,
  options: {
    at: option("--at <meeting>", "opt.approveAt"),
    corrections: option("--corrections <text>", "opt.corrections"),
    withoutQuorum: flag("--without-quorum", "opt.withoutQuorum"),
  },
  examples: [
    "meetings approve 12 --at 13",
    "meetings approve last --at next --corrections \"TOP 3: Datum berichtigt\"",
  ],
});

export const amendMinutes = command({
  path: "meetings amend",
  args: ["<meeting>", "<text>"],
  help: "help.meetings.amend",
  write: true,
  examples: ["meetings amend 12 \"TOP 4: Es waren 9, nicht 8 Gruppen anwesend.\""],
});

export const template = group({
  path: "meetings template",
  help: "help.meetings.template",
  examples: ["meetings template show", "meetings template set standard tagesordnung.txt"],
});

export const templateShow = command({
  path: "meetings template show",
  args: ["[name]"],
  help: "help.meetings.template.show",
  examples: ["meetings template show", "meetings template show standard --json"],
});

export const templateSet = command({
  path: "meetings template set",
  args: ["<name>", "<file>"],
  help: "help.meetings.template.set",
  write: true,
  examples: ["meetings template set standard tagesordnung.txt", "meetings template set kurz - < kurz.txt"],
});

export const exportCalendar = command({
  path: "meetings export",
  help: "help.meetings.export",
  options: {
    format: option("--format <format>", "opt.calendarFormat", { choices: ["ics"] }),
    out: option("--out <file>", "opt.out"),
    kind: option("--kind <kind>", "opt.meetingKind"),
    upcoming: flag("--upcoming", "opt.upcoming"),
  },
  examples: [
    "meetings export --format ics --out sitzungen.ics",
    "meetings export --format ics --kind kernkreis --upcoming > kernkreis.ics",
  ],
});

export const run = command({
  path: "meetings run",
  args: ["<meeting>"],
  help: "help.meetings.run",
  examples: ["meetings run next", "meetings run 3.12.2026"],
});

export const turnout = command({
  path: "meetings turnout",
  args: ["<meeting>", "<group>"],
  help: "help.meetings.turnout",
  write: true,
  options: {
    pledged: option("--pledged <n>", "opt.turnoutPledged"),
    actual: option("--actual <n>", "opt.turnoutActual"),
  },
  examples: [
    "meetings turnout 14 KOSMOS --pledged 40",
    "meetings turnout 14 KOSMOS --actual 52",
    "meetings turnout 28.3.2027 NUR --pledged 30 --actual 27 --json",
  ],
});

export const invite = command({
  path: "meetings invite",
  args: ["<meeting>"],
  help: "help.meetings.invite",
  write: true,
  options: {
    to: option("--to <who>", "opt.inviteTo", { choices: ["representatives", "key-persons", "all"] }),
    also: option("--also <person...>", "opt.inviteAlso"),
    dryRun: flag("--dry-run", "opt.inviteDryRun"),
    out: option("--out <dir>", "opt.inviteOut"),
    again: flag("--again", "opt.inviteAgain"),
  },
  examples: [
    "meetings invite next --dry-run",
    "meetings invite next",
    "meetings invite next --to all --also \"Bezirksstadträtin Weber\"",
    "meetings invite 3.12.2026 --out einladungen/",
  ],
});

const handlers = () => import("./handlers.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  meetings,
  lazy(add, handlers, "add"),
  lazy(list, handlers, "list"),
  lazy(show, handlers, "show"),
  lazy(edit, handlers, "edit"),
  lazy(cancel, handlers, "cancel"),
  item,
  lazy(itemAdd, handlers, "itemAdd"),
  lazy(itemMove, handlers, "itemMove"),
  lazy(itemRemove, handlers, "itemRemove"),
  lazy(itemRename, handlers, "itemRename"),
  lazy(attend, handlers, "attend"),
  lazy(unattend, handlers, "unattend"),
  lazy(excuse, handlers, "excuse"),
  lazy(note, handlers, "note"),
  lazy(noteEdit, handlers, "noteEdit"),
  lazy(noteRemove, handlers, "noteRemove"),
  close, // handled in src/app (app/commands.ts): it may not close while a vote or an election is open
  lazy(approveMinutes, handlers, "approveMinutes"),
  lazy(amendMinutes, handlers, "amendMinutes"),
  template,
  lazy(templateShow, handlers, "templateShow"),
  lazy(templateSet, handlers, "templateSet"),
  lazy(exportCalendar, () => import("./ics.js"), "exportCalendar"),
  lazy(invite, () => import("./invite.js"), "invite"),
  run, // handled in src/app (app/commands.ts): the walk records tasks, votes and ballots too
  lazy(turnout, () => import("../assemblies/handlers.js"), "turnout"),
];
