// The demo's year of Kernkreis meetings: about every six weeks over the past twelve months, with attendance,
// notes, tasks and approved minutes, and one meeting two weeks ahead with its agenda. Everything is derived
// from the meeting's index and today's date (no randomness), and goes through the same service functions
// as the commands, so the audit log reads like a year of real use.
import type { AuditEntry } from "../core/context.js";
import { formatDate, shiftDate } from "../core/dates.js";
import type { Db } from "../core/db.js";
import type { Lang } from "../core/i18n.js";
import { isMemberOn, type Group } from "../groups/index.js";
import { listGroups } from "../groups/index.js";
import { parseTemplate, type ApprovalRules, type Meeting } from "../meetings/index.js";
import {
  addItem,
  addMeeting,
  addNote,
  amend,
  approve,
  attend,
  closeMeeting,
  excuse,
  meetingFields,
  moveItem,
  templateText,
} from "../meetings/index.js";
import { getMeeting } from "../meetings/index.js";
import { peopleOfGroup } from "../people/index.js";
import { addTask, completeTask, resolveOwner } from "../tasks/index.js";
import { getTask } from "../tasks/index.js";

type Audit = (entry: AuditEntry) => void;

/** How many past meetings, and how far apart. */
const PAST_MEETINGS = 8;
const EVERY_DAYS = 42;

const PLACES = [
  "Gemeindesaal der Ev. Kirchengemeinde Alt-Schöneweide, Firlstraße 16",
  "Moscheeverein Al-Nur, Gemeinschaftsraum, Sonnenallee 144",
  "Nachbarschaftshaus Gropiusstadt-Süd, Saal, Lipschitzallee 70",
  "Gemeinschaftsschule am Wuhlepark, Aula",
];
/** Chairs and secretaries take turns; their groups are always there. */
const CHAIRS = ["Ingrid Hoffmann", "Yusuf Demir", "Hatice Kaya", "Miriam Rosenthal"];
const SECRETARIES = ["Claudia Berger", "Sabine Wójcik"];

interface Texts {
  welcome: (groups: number) => string;
  approved: (date: string) => string;
  campaigns: string[];
  finance: string[];
  dates: (date: string) => string;
  tasks: Array<[string, string]>; // title, owner (person:<name> or group:<short>)
  lastTasks: Array<[string, string]>;
  guest: string;
  correction: string;
  amendment: string;
  extraItem: string;
}

const TEXTS: Record<Lang, Texts> = {
  de: {
    welcome: (groups) => `Vorstellungsrunde; ${groups} Gruppen vertreten.`,
    approved: (date) => `Das Protokoll vom ${date} liegt vor und wird genehmigt.`,
    campaigns: [
      "Kampagne Heizkosten: 412 Unterschriften gesammelt, Übergabe an die Bezirksbürgermeisterin ist geplant.",
      "Aktionsteam Schulwege: Die Ampel an der Dahmestraße ist zugesagt, Umsetzung bis zum Sommer.",
      "Aktionsteam Wohnen: Hausversammlungen in der Weißen Siedlung, 38 Haushalte beteiligt.",
      "Pflege im Klinikum Südost: 60 Einzelgespräche geführt; der Personalschlüssel kristallisiert sich als Thema heraus.",
      "Zuhörkampagne: 214 Einzelgespräche seit dem Frühjahr; am häufigsten genannt: Mieten, Schulen, Pflege.",
      "Kampagne Heizkosten: Die Vermieterin setzt die Nachzahlungen für 120 Wohnungen aus – ein erster Erfolg.",
      "Vorbereitung der großen Versammlung: 350 Zusagen aus 14 Gruppen, Bezirksbürgermeisterin hat zugesagt.",
      "Aktionsteam Schulwege: Begehung mit dem Straßen- und Grünflächenamt hat stattgefunden.",
    ],
    finance: [
      "Antrag bei der Stiftung Nachbarschaft über 45.000 € ist eingereicht.",
      "Mitgliedsbeiträge: Erinnerung an die Gruppen, die für dieses Jahr noch nicht gezahlt haben.",
      "Der Kirchenkreis bewilligt 8.000 € für die Organizerstelle.",
      "Spendenaktion beim Sommerfest: 1.240 €.",
    ],
    dates: (date) => `Nächster Kernkreis am ${date}, 19:00 Uhr.`,
    tasks: [
      ["Unterschriftenlisten an den Bezirk übergeben", "person:Hatice Kaya"],
      ["Raum für die große Versammlung anfragen", "group:RIX"],
      ["Verwendungsnachweis für die Stiftung schreiben", "person:Claudia Berger"],
      ["Einzelgespräche mit Eltern der Grundschule führen", "group:DAHME"],
      ["Einladung ins Türkische und Arabische übersetzen", "person:Fatma Öztürk"],
      ["Termin mit der Bezirksstadträtin vereinbaren", "person:Yusuf Demir"],
      ["Pressemitteilung zur Heizkostenkampagne entwerfen", "person:Jana Fischer"],
      ["Beitragsrechnungen verschicken", "group:NBH"],
      ["Kinderbetreuung für die Versammlung organisieren", "group:VIET"],
      ["Gespräch mit dem Betriebsrat des Klinikums vorbereiten", "person:Birgit Neumann"],
      ["Fotos der Aktion für die Website auswählen", "person:Luca Romano"],
      ["Liste der Schlüsselpersonen aktualisieren", "group:POLKO"],
      ["Getränke und Imbiss für den Kernkreis besorgen", "group:TIKB"],
      ["Kontakt zur Wohnungsbaugesellschaft aufbauen", "group:WEISSE"],
      ["Dolmetscherinnen für die Versammlung anfragen", "person:Pham Thu Ha"],
      ["Bericht für den Gemeindebrief schreiben", "person:Matthias Krüger"],
    ],
    lastTasks: [
      ["Antworten der Bezirksverordneten auswerten", "person:Tomasz Kowalski"],
      ["Forderungen für die große Versammlung formulieren", "group:KOSMOS"],
      ["Einladungen zur großen Versammlung verteilen", "person:Olga Petrenko"],
    ],
    guest: "Frau Lindner (Bezirksamt Treptow-Köpenick)",
    correction: "TOP 3: 421 statt 412 Unterschriften.",
    amendment: "TOP 4: Die Spende stammt vom Sommerfest, nicht vom Adventsbasar.",
    extraItem: "Bericht der Kampagne Heizkosten",
  },
  en: {
    welcome: (groups) => `Round of introductions; ${groups} groups represented.`,
    approved: (date) => `The minutes of ${date} were distributed and are approved.`,
    campaigns: [
      "Heating costs campaign: 412 signatures collected; handing them to the district mayor is planned.",
      "School routes team: the traffic light on Dahmestraße is promised, to be built by the summer.",
      "Housing team: house meetings in the Weiße Siedlung, 38 households took part.",
      "Care at the Südost hospital: 60 one-to-ones held; staffing ratios emerge as the issue.",
      "Listening campaign: 214 one-to-ones since spring; named most often: rents, schools, care.",
      "Heating costs campaign: the landlord suspends the back payments for 120 flats – a first win.",
      "Preparing the large assembly: 350 pledges from 14 groups; the district mayor has accepted.",
      "School routes team: the site visit with the roads and parks office took place.",
    ],
    finance: [
      "Application to the Nachbarschaft foundation for €45,000 submitted.",
      "Dues: reminder to the groups that have not paid for this year yet.",
      "The church district grants €8,000 towards the organizer's post.",
      "Collection at the summer fair: €1,240.",
    ],
    dates: (date) => `Next Kernkreis on ${date}, 19:00.`,
    tasks: [
      ["Hand the signature lists to the district", "person:Hatice Kaya"],
      ["Ask for a hall for the large assembly", "group:RIX"],
      ["Write the grant report for the foundation", "person:Claudia Berger"],
      ["Hold one-to-ones with parents at the primary school", "group:DAHME"],
      ["Translate the invitation into Turkish and Arabic", "person:Fatma Öztürk"],
      ["Arrange a meeting with the district councillor", "person:Yusuf Demir"],
      ["Draft a press release on the heating costs campaign", "person:Jana Fischer"],
      ["Send out the dues invoices", "group:NBH"],
      ["Organise childcare for the assembly", "group:VIET"],
      ["Prepare the talk with the hospital's works council", "person:Birgit Neumann"],
      ["Choose photos of the action for the website", "person:Luca Romano"],
      ["Update the list of key persons", "group:POLKO"],
      ["Get drinks and snacks for the Kernkreis", "group:TIKB"],
      ["Build a contact at the housing company", "group:WEISSE"],
      ["Ask for interpreters for the assembly", "person:Pham Thu Ha"],
      ["Write a report for the parish newsletter", "person:Matthias Krüger"],
    ],
    lastTasks: [
      ["Evaluate the answers of the district councillors", "person:Tomasz Kowalski"],
      ["Word the asks for the large assembly", "group:KOSMOS"],
      ["Hand out the invitations to the large assembly", "person:Olga Petrenko"],
    ],
    guest: "Ms Lindner (Treptow-Köpenick district office)",
    correction: "Item 3: 421, not 412 signatures.",
    amendment: "Item 4: the donation came from the summer fair, not the Advent bazaar.",
    extraItem: "Report of the heating costs campaign",
  },
};

/** The Tuesday on or before a date (Kernkreis evenings are Tuesdays). */
function tuesdayOnOrBefore(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return shiftDate(isoDate, -((weekday - 2 + 7) % 7), "d");
}

/** The representatives of a group on a date, in the order they took the role. */
function representatives(db: Db, group: Group, date: string): number[] {
  const acting = peopleOfGroup(db, group.id).filter((p) => p.name !== null && p.since <= date && (p.until === null || p.until > date));
  const reps = acting.filter((p) => p.role === "representative");
  return (reps.length > 0 ? reps : acting.filter((p) => p.role === "key-person").slice(0, 1))
    .sort((a, b) => a.since.localeCompare(b.since) || a.personId - b.personId)
    .map((p) => p.personId);
}

/** The member group a person represents on a date. */
function groupOf(db: Db, name: string, date: string, members: Group[]): Group | undefined {
  return members.find((g) =>
    peopleOfGroup(db, g.id).some((p) => p.name === name && p.role === "representative" && p.since <= date && (p.until === null || p.until > date)),
  );
}

export interface DemoMeetings {
  held: number;
  upcoming: string;
}

/**
 * Adds the year of meetings. Runs inside the demo's one write transaction. `during` is called for each past
 * meeting after its attendance, notes and tasks and before it is closed: other areas record their decisions and
 * elections there, while the minutes are still open.
 */
export function seedMeetings(
  db: Db,
  audit: Audit,
  lang: Lang,
  today: string,
  freeze: ApprovalRules["freeze"],
  during?: (meeting: Meeting, index: number) => void,
): DemoMeetings {
  const texts = TEXTS[lang];
  const template = parseTemplate(templateText(db, "standard", lang));
  const dates = Array.from({ length: PAST_MEETINGS }, (_, i) => tuesdayOnOrBefore(shiftDate(today, -EVERY_DAYS * (PAST_MEETINGS - i), "d")));
  const upcoming = tuesdayOnOrBefore(shiftDate(today, 18, "d"));
  const ids: number[] = [];
  const ref = (id: number) => getMeeting(db, id)!;
  const label = (date: string) => formatDate(date, lang);

  dates.forEach((date, i) => {
    const chair = CHAIRS[i % CHAIRS.length]!;
    const secretary = SECRETARIES[i % SECRETARIES.length]!;
    const invited = shiftDate(date, -14, "d");
    const fields = meetingFields(db, { kind: "kernkreis", date, time: "19:00", end: "21:00", place: PLACES[i % PLACES.length], chair, secretary, invited }, today);
    const id = addMeeting(db, audit, fields, template);
    ids.push(id);

    // Attendance: the chair's and the secretary's groups are always there; of the others, one or two are
    // excused and one or two absent, chosen by the meeting's index.
    const members = listGroups(db, date, { all: true })
      .filter((g) => isMemberOn(g, date))
      .sort((a, b) => a.id - b.id);
    const fixed = new Set([chair, secretary].map((name) => groupOf(db, name, date, members)?.id));
    const others = members.filter((g) => !fixed.has(g.id));
    const n = others.length;
    const excused = new Set([others[(3 * i + 1) % n]!.id, ...(i % 2 === 0 ? [others[(3 * i + 8) % n]!.id] : [])]);
    const rest = others.filter((g) => !excused.has(g.id));
    const absent = new Set([rest[(5 * i + 4) % rest.length]!.id, ...(i % 3 === 0 ? [rest[(5 * i + 11) % rest.length]!.id] : [])]);
    let present = 0;
    for (const group of members) {
      if (excused.has(group.id) || absent.has(group.id)) continue;
      const reps = representatives(db, group, date);
      if (reps.length === 0) continue;
      // Groups with two representatives send both to every other meeting.
      const sent = i % 2 === 0 ? reps : reps.slice(0, 1);
      attend(db, audit, ref(id), sent.map(String), { for: String(group.id) }, today);
      present++;
    }
    for (const groupId of excused) excuse(db, audit, ref(id), String(groupId), today);
    if (i % 3 === 1) attend(db, audit, ref(id), [texts.guest], { guest: true }, today);

    // Notes on the agenda items (1 welcome, 2 previous minutes, 3 reports, 4 finance, 6 dates).
    addNote(db, audit, ref(id), "1", texts.welcome(present));
    if (i > 0) addNote(db, audit, ref(id), "2", texts.approved(label(dates[i - 1]!)));
    addNote(db, audit, ref(id), "3", texts.campaigns[i % texts.campaigns.length]!);
    if (i % 2 === 1) addNote(db, audit, ref(id), "3", texts.campaigns[(i + 3) % texts.campaigns.length]!);
    addNote(db, audit, ref(id), "4", texts.finance[i % texts.finance.length]!);
    addNote(db, audit, ref(id), "6", texts.dates(label(dates[i + 1] ?? upcoming)));

    // Tasks: two per meeting, all done by now except from the latest meeting (one overdue, one open)
    // and one long-running task without a due date.
    const latest = i === PAST_MEETINGS - 1;
    const plan: Array<[string, string, string | null, string | null]> = latest
      ? [
          [texts.lastTasks[0]![0], texts.lastTasks[0]![1], shiftDate(date, 21, "d"), shiftDate(date, 19, "d")],
          [texts.lastTasks[1]![0], texts.lastTasks[1]![1], shiftDate(date, 28, "d"), null],
          [texts.lastTasks[2]![0], texts.lastTasks[2]![1], shiftDate(upcoming, -3, "d"), null],
        ]
      : [0, 1].map((k) => {
          const [title, owner] = texts.tasks[(2 * i + k) % texts.tasks.length]!;
          const due = shiftDate(date, 14 * (k + 1), "d");
          return [title, owner, due, shiftDate(due, k === 0 ? -3 : 2, "d")];
        });
    if (i === PAST_MEETINGS - 3) plan.push([texts.tasks[13]![0], texts.tasks[13]![1], null, null]);
    plan.forEach(([title, ownerRef, due, doneOn], k) => {
      const item = k === 0 ? "3" : i % 2 === 0 ? "4" : "6";
      const taskId = addTask(db, audit, { title, owner: resolveOwner(db, ownerRef, today), due, meeting: ref(id), item });
      if (doneOn !== null && doneOn < today) completeTask(db, audit, getTask(db, taskId, "")!, doneOn);
    });

    during?.(ref(id), i);
    closeMeeting(db, audit, ref(id));
    // The previous meeting's minutes are approved at this one (once as corrected).
    if (i > 0) approve(db, audit, ref(ids[i - 1]!), ref(id), i === 4 ? texts.correction : null, { today, freeze });
    // A correction found after approval is an amendment, recorded at the meeting after.
    if (i === 3) amend(db, audit, ref(ids[1]!), texts.amendment, SECRETARIES[1]!, date);
  });

  // The next Kernkreis, about two weeks ahead: the standard agenda plus a campaign report moved up front.
  const i = PAST_MEETINGS;
  const next = addMeeting(
    db,
    audit,
    meetingFields(
      db,
      {
        kind: "kernkreis",
        date: upcoming,
        time: "19:00",
        end: "21:00",
        place: PLACES[i % PLACES.length],
        chair: CHAIRS[i % CHAIRS.length],
        secretary: SECRETARIES[i % SECRETARIES.length],
        invited: shiftDate(upcoming, -14, "d") < today ? shiftDate(upcoming, -14, "d") : today,
      },
      today,
    ),
    template,
  );
  addItem(db, audit, ref(next), { title: texts.extraItem, type: "report", presenter: "Hatice Kaya", duration: "15" }, today);
  moveItem(db, audit, ref(next), String(template.length + 1), "4");
  return { held: dates.length, upcoming };
}
