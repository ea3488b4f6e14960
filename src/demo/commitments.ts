// The demo's public assembly with the member groups' turnout and six commitments in various states (with their
// follow-ups), and a training with its participants. Dates are derived from today, nothing is random, and
// everything goes through the same service functions as the commands. Both lie before the last Kernkreis, so
// that `meetings show last` stays the Kernkreis; their minutes are approved there.
import { setTurnout } from "../assemblies/index.js";
import { addCommitment, updateCommitment } from "../commitments/index.js";
import { getCommitment } from "../commitments/index.js";
import type { AuditEntry } from "../core/context.js";
import { shiftDate } from "../core/dates.js";
import type { Db } from "../core/db.js";
import type { Lang } from "../core/i18n.js";
import { resolveGroup } from "../groups/index.js";
import { addMeeting, approve, attend, closeMeeting, meetingFields, type ApprovalRules } from "../meetings/index.js";
import { getMeeting, listMeetings } from "../meetings/index.js";
import type { CommitmentStatus } from "../commitments/index.js";

type Audit = (entry: AuditEntry) => void;

/** Group, people pledged, people who came. */
const TURNOUT: Array<[string, number, number]> = [
  ["KOSMOS", 60, 71],
  ["NUR", 45, 38],
  ["JOSEF", 30, 34],
  ["ASW", 25, 19],
  ["WEISSE", 40, 44],
  ["VIET", 20, 23],
  ["TIKB", 25, 12],
  ["DAHME", 15, 17],
];

/** People on the training (each acts for one group), and a guest. */
const TRAINEES = ["Fatma Öztürk", "Samira Bouzid", "Lea Hartmann", "Ali Karaca", "Pham Thu Ha", "Jonas Lehmann", "Leila Mansour"];

interface Ask {
  ask: Record<Lang, string>;
  from: string;
  office: Record<Lang, string>;
  body: string;
  answer: "yes" | "no" | "partial" | "absent";
  /** days after the assembly; null: no due date */
  due: number | null;
  /** follow-ups: days after the assembly, status, note */
  updates: Array<[number, CommitmentStatus, Record<Lang, string>]>;
}

const ASKS: Ask[] = [
  {
    ask: { de: "Tempo 30 und ein Zebrastreifen vor der Grundschule an der Dahme", en: "A 30 km/h limit and a zebra crossing outside the Dahme primary school" },
    from: "Katrin Weber",
    office: { de: "Bezirksbürgermeisterin", en: "District mayor" },
    body: "Bezirksamt Treptow-Köpenick",
    answer: "yes",
    due: 60,
    updates: [
      [20, "in-progress", { de: "Anordnung der Straßenverkehrsbehörde liegt vor.", en: "The traffic authority has issued the order." }],
      [55, "kept", { de: "Schilder und Zebrastreifen sind da.", en: "Signs and crossing are in place." }],
    ],
  },
  {
    ask: { de: "Prüfung eines Milieuschutzgebiets für das Kosmosviertel", en: "A study for a social preservation area in the Kosmosviertel" },
    from: "Dr. Jens Albrecht",
    office: { de: "Bezirksstadtrat für Stadtentwicklung", en: "District councillor for urban development" },
    body: "Bezirksamt Treptow-Köpenick",
    answer: "yes",
    due: 90,
    updates: [[30, "in-progress", { de: "Ausschreibung der Voruntersuchung läuft.", en: "The preliminary study is out to tender." }]],
  },
  {
    ask: { de: "Heizkostennachzahlungen für alle 120 Wohnungen aussetzen", en: "Suspend the heating back payments for all 120 flats" },
    from: "Martina Krause",
    office: { de: "Vorstand", en: "Board member" },
    body: "Wohnungsbaugesellschaft Stadt und Land",
    answer: "partial",
    due: 30,
    updates: [[35, "broken", { de: "Nur für 40 Wohnungen ausgesetzt, die übrigen Mahnungen laufen weiter.", en: "Suspended for 40 flats only; the other reminders continue." }]],
  },
  {
    ask: { de: "Ein Gespräch mit dem Kernkreis über den Personalschlüssel auf den Stationen", en: "A meeting with the Kernkreis about staffing ratios on the wards" },
    from: "Prof. Harald Schenk",
    office: { de: "Geschäftsführer", en: "Managing director" },
    body: "Klinikum Südost",
    answer: "absent",
    due: null,
    updates: [],
  },
  {
    ask: { de: "Eine Schulwegbegehung mit Eltern noch in diesem Schulhalbjahr", en: "A walk along the school routes with parents within this school term" },
    from: "Sven Rudolph",
    office: { de: "Bezirksstadtrat für Schule", en: "District councillor for schools" },
    body: "Bezirksamt Treptow-Köpenick",
    answer: "yes",
    due: 45,
    updates: [],
  },
  {
    ask: { de: "Eine Sprechstunde des Jobcenters im Nachbarschaftshaus Gropiusstadt", en: "Job centre office hours at the Gropiusstadt neighbourhood centre" },
    from: "Ulrike Hahn",
    office: { de: "Geschäftsführerin", en: "Managing director" },
    body: "Jobcenter Neukölln",
    answer: "yes",
    due: 120,
    updates: [],
  },
];

const TEXTS: Record<Lang, { assembly: string; training: string; guest: string; place: string; trainingPlace: string }> = {
  de: {
    assembly: "Große Bürgerversammlung Südost",
    training: "Training: Einzelgespräche führen",
    guest: "Pfarrerin Anke Vogel (Gast aus Wedding)",
    place: "Aula der Gemeinschaftsschule am Wuhlepark",
    trainingPlace: "Nachbarschaftshaus Gropiusstadt-Süd, Seminarraum",
  },
  en: {
    assembly: "Great citizens' assembly South-East",
    training: "Training: holding one-to-one conversations",
    guest: "Rev. Anke Vogel (guest from Wedding)",
    place: "Aula der Gemeinschaftsschule am Wuhlepark",
    trainingPlace: "Nachbarschaftshaus Gropiusstadt-Süd, seminar room",
  },
};

function saturdayOnOrBefore(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return shiftDate(isoDate, -((weekday - 6 + 7) % 7), "d");
}

/** Adds the assembly (about ten weeks ago) and the training (about four months ago). Inside the demo's transaction. */
export function seedCommitments(db: Db, audit: Audit, lang: Lang, today: string, freeze: ApprovalRules["freeze"]): void {
  const texts = TEXTS[lang];
  const kernkreis = listMeetings(db, { kind: "kernkreis" }).filter((m) => m.status === "held");
  const last = kernkreis.at(-1);
  if (!last) return;
  const assemblyDate = saturdayOnOrBefore(shiftDate(last.date, -24, "d"));
  const trainingDate = saturdayOnOrBefore(shiftDate(last.date, -80, "d"));

  // The assembly: turnout per group, then the asks made there with their answers.
  const assemblyId = addMeeting(
    db,
    audit,
    meetingFields(db, { kind: "assembly", title: texts.assembly, date: assemblyDate, time: "15:00", end: "18:00", place: texts.place, chair: "Hatice Kaya" }, today),
  );
  const assembly = () => getMeeting(db, assemblyId)!;
  for (const [short, pledged, actual] of TURNOUT) setTurnout(db, audit, assembly(), resolveGroup(db, short, today), { pledged, actual });
  const ids = ASKS.map((a) =>
    addCommitment(
      db,
      audit,
      { ask: a.ask[lang], from: a.from, office: a.office[lang], body: a.body, answer: a.answer, meeting: assembly(), date: null, due: a.due === null ? null : shiftDate(assemblyDate, a.due, "d") },
      today,
    ),
  );
  closeMeeting(db, audit, assembly());
  approve(db, audit, assembly(), last, null, { today, freeze });
  ASKS.forEach((a, i) => {
    for (const [after, status, note] of a.updates) {
      const date = shiftDate(assemblyDate, after, "d");
      if (date <= today) updateCommitment(db, audit, getCommitment(db, ids[i]!)!, { status, note: note[lang], date });
    }
  });

  // The training: its participants are its attendance; a guest from another platform came too.
  const trainingId = addMeeting(
    db,
    audit,
    meetingFields(db, { kind: "training", title: texts.training, date: trainingDate, time: "10:00", end: "16:00", place: texts.trainingPlace, chair: "Olga Petrenko" }, today),
  );
  attend(db, audit, getMeeting(db, trainingId)!, TRAINEES, {}, today);
  attend(db, audit, getMeeting(db, trainingId)!, [texts.guest], { guest: true }, today);
  closeMeeting(db, audit, getMeeting(db, trainingId)!);
  approve(db, audit, getMeeting(db, trainingId)!, last, null, { today, freeze });
}
