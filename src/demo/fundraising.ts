// The demo's fundraising: 8 funders, 12 applications in every stage (2 approved grants with their reporting
// deadlines and instalments), this year's dues from the member groups, a few donations, and the budget of the
// organizer's post. Everything is fixed relative to today (no randomness) and goes through the service
// functions, inside the demo's one write transaction. Money is given as text, as a user would type it.
import type { AuditEntry } from "../core/context.js";
import { shiftDate } from "../core/dates.js";
import type { Db } from "../core/db.js";
import type { Lang } from "../core/i18n.js";
import { parseMoney } from "../core/money.js";
import { listGroups } from "../groups/index.js";
import { resolvePerson } from "../people/index.js";
import type { FunderKind } from "../fundraising/index.js";
import {
  addApplication,
  addFunder,
  addIncome,
  addReportingDeadline,
  assessDues,
  changeStage,
  markReportingDone,
  membersDuringYear,
  resolveApplication,
  resolveFunder,
  setBudget,
} from "../fundraising/index.js";
import { getReportingDeadline } from "../fundraising/index.js";

type Audit = (entry: AuditEntry) => void;

const FUNDERS: Array<[string, FunderKind, string | null, string | null]> = [
  ["Stiftung Nachbarschaft Berlin", "foundation", "Dr. Petra Lang", "lang@stiftung-nachbarschaft.example"],
  ["Ev. Kirchenkreis Neukölln", "church", "Pfarrerin Ruth Albers", "albers@kk-neukoelln.example"],
  ["Caritasfonds im Erzbistum Berlin", "church", "Thomas Wendt", "wendt@caritasfonds.example"],
  ["Bürgerstiftung Treptow-Köpenick", "foundation", "Helga Sommer", "info@buergerstiftung-tk.example"],
  ["Stadtwerke Südost GmbH", "company", "Nadine Roth", "sponsoring@stadtwerke-suedost.example"],
  ["Familie Brandt", "private", null, null],
  ["Landeszentrale für politische Bildung", "public", "Referat Weiterbildung", "weiterbildung@lpb.example"],
  ["Förderverein Community Organizing e. V.", "other", "Jens Petersen", "kontakt@foerderverein-co.example"],
];

interface Texts {
  organizer: string;
  organizerPurpose: string;
  trainings: string;
  trainingsPurpose: string;
  budget: Array<[string, string]>;
  apps: string[];
}

const TEXTS: Record<Lang, Texts> = {
  de: {
    organizer: "Organizer-Stelle",
    organizerPurpose: "Organizer-Stelle",
    trainings: "Leitungstrainings in den Mitgliedsgruppen",
    trainingsPurpose: "Trainings",
    budget: [
      ["Organizer-Stelle (Gehalt und Arbeitgeberanteil)", "62.400,00"],
      ["Trainings und Seminare", "4.800,00"],
      ["Sachkosten und Versammlungen", "2.400,00"],
    ],
    apps: [
      "Organizer-Stelle im nächsten Jahr",
      "Zuhörkampagne Energiearmut",
      "Jugendbeteiligung in den Moscheegemeinden",
      "Mieterversammlungen Kosmosviertel",
      "Dolmetschen bei Versammlungen",
      "Sommerakademie Community Organizing",
      "Druck und Saalmieten",
      "Kinderbetreuung bei Versammlungen",
      "Zuschuss Geschäftsstelle",
      "Nachbarschaftsfest",
    ],
  },
  en: {
    organizer: "Organizer's post",
    organizerPurpose: "Organizer's post",
    trainings: "Leadership trainings in the member groups",
    trainingsPurpose: "Trainings",
    budget: [
      ["Organizer's post (salary and employer's share)", "62400.00"],
      ["Trainings and seminars", "4800.00"],
      ["Materials and assemblies", "2400.00"],
    ],
    apps: [
      "Organizer's post next year",
      "Listening campaign on energy poverty",
      "Youth participation in the mosque communities",
      "Tenants' assemblies Kosmosviertel",
      "Interpreting at assemblies",
      "Community organizing summer academy",
      "Printing and hall hire",
      "Childcare at assemblies",
      "Office grant",
      "Neighbourhood festival",
    ],
  },
};

/**
 * The further applications: [funder index, text index, amount, probability, stages after the first with day
 * offsets from today, deadline offset or null]. Together with the two grants: 2 ideas, 2 in drafting, 3 submitted,
 * 2 approved, 2 rejected, 1 withdrawn.
 */
const APPLICATIONS: Array<{ funder: number; text: number; amount: string; probability: string; start: number; stages: Array<[string, number]>; deadline: number | null; decision: number | null }> = [
  { funder: 0, text: 0, amount: "60000", probability: "40", start: -30, stages: [], deadline: 45, decision: 150 },
  { funder: 3, text: 1, amount: "8500", probability: "20", start: -10, stages: [], deadline: null, decision: null },
  { funder: 2, text: 2, amount: "12000", probability: "50", start: -60, stages: [["drafting", -40]], deadline: 21, decision: 90 },
  { funder: 4, text: 3, amount: "2500", probability: "60", start: -20, stages: [["drafting", -5]], deadline: 12, decision: 40 },
  { funder: 1, text: 4, amount: "3600", probability: "70", start: -120, stages: [["drafting", -100], ["submitted", -80]], deadline: -80, decision: 25 },
  { funder: 6, text: 5, amount: "9000", probability: "55", start: -90, stages: [["submitted", -45]], deadline: -45, decision: 30 },
  { funder: 7, text: 6, amount: "1500", probability: "90", start: -50, stages: [["submitted", -35]], deadline: -35, decision: 10 },
  { funder: 4, text: 7, amount: "2000", probability: "50", start: -300, stages: [["submitted", -250], ["rejected", -200]], deadline: -250, decision: -200 },
  { funder: 3, text: 8, amount: "15000", probability: "30", start: -200, stages: [["drafting", -180], ["submitted", -150], ["rejected", -90]], deadline: -150, decision: -90 },
  { funder: 5, text: 9, amount: "1000", probability: "50", start: -70, stages: [["withdrawn", -55]], deadline: -40, decision: null },
];

/** Dues for the year for every member group: 240 € (the parishes 480 €); all but the last three have paid. */
const DUES = "240,00";
const DUES_PARISH = "480,00";

export function seedFundraising(db: Db, audit: Audit, lang: Lang, today: string): void {
  const texts = TEXTS[lang];
  const year = Number(today.slice(0, 4));
  const day = (offset: number) => shiftDate(today, offset, "d");
  const notAfterToday = (date: string) => (date > today ? today : date);

  for (const [name, kind, contact, email] of FUNDERS) addFunder(db, audit, { name, kind, contact: contact ?? undefined, email: email ?? undefined });
  const funder = (index: number) => resolveFunder(db, FUNDERS[index]![0]);

  // The two grants of this year: the organizer's post and the trainings, applied for last year.
  const organizer = addApplication(
    db,
    audit,
    { funder: funder(0), title: `${texts.organizer} ${year}`, amount: "40000", probability: "60", purpose: texts.organizerPurpose, restricted: true, stage: "drafting", date: day(-330), deadline: day(-300) },
    today,
  );
  changeStage(db, audit, resolveApplication(db, String(organizer)), { stage: "submitted", date: day(-300) }, today);
  changeStage(db, audit, resolveApplication(db, String(organizer)), { stage: "approved", date: day(-240), awarded: "36000", from: `${year}-01-01`, until: `${year}-12-31` }, today);
  const trainings = addApplication(
    db,
    audit,
    { funder: funder(1), title: texts.trainings, amount: "6000", probability: "70", purpose: texts.trainingsPurpose, restricted: true, stage: "submitted", date: day(-200), deadline: day(-200) },
    today,
  );
  changeStage(db, audit, resolveApplication(db, String(trainings)), { stage: "approved", date: day(-150), from: `${year}-01-01`, until: `${year}-12-31` }, today);

  // Reporting deadlines: the organizer grant's interim report soon, the trainings' interim report overdue, the
  // final reports and proofs of use after the year.
  const organizerApp = resolveApplication(db, String(organizer));
  const trainingsApp = resolveApplication(db, String(trainings));
  const earlier = addReportingDeadline(db, audit, organizerApp, "interim", day(-60), today);
  markReportingDone(db, audit, getReportingDeadline(db, earlier)!, day(-63));
  addReportingDeadline(db, audit, organizerApp, "interim", day(20), today);
  addReportingDeadline(db, audit, organizerApp, "final", `${year + 1}-03-31`, today);
  addReportingDeadline(db, audit, organizerApp, "proof-of-use", `${year + 1}-06-30`, today);
  addReportingDeadline(db, audit, trainingsApp, "interim", day(-5), today);
  addReportingDeadline(db, audit, trainingsApp, "proof-of-use", `${year + 1}-04-30`, today);

  // Instalments received so far: the organizer grant quarterly, the trainings half at the start.
  for (const month of ["01", "04", "07", "10"]) {
    const date = `${year}-${month}-15`;
    if (date <= today) addIncome(db, audit, { amount: "9000", date, application: organizerApp }, today);
  }
  if (`${year}-02-01` <= today) addIncome(db, audit, { amount: "3000", date: `${year}-02-01`, application: trainingsApp }, today);

  for (const a of APPLICATIONS) {
    const id = addApplication(
      db,
      audit,
      {
        funder: funder(a.funder),
        title: texts.apps[a.text]!,
        amount: a.amount,
        probability: a.probability,
        date: day(a.start),
        deadline: a.deadline === null ? undefined : day(a.deadline),
        decision: a.decision === null ? undefined : day(a.decision),
      },
      today,
    );
    for (const [stage, offset] of a.stages) changeStage(db, audit, resolveApplication(db, String(id)), { stage, date: day(offset) }, today);
  }

  // This year's dues, and their payments from mid-January on, one group every nine days (never after today).
  const members = membersDuringYear(db, year, today);
  const parishes = members.filter((g) => g.kind === "parish");
  assessDues(db, audit, year, members.filter((g) => g.kind !== "parish"), parseMoney(DUES));
  assessDues(db, audit, year, parishes, parseMoney(DUES_PARISH));
  const payers = listGroups(db, today).filter((g) => members.some((m) => m.id === g.id)).slice(0, -3);
  for (const [i, group] of payers.entries()) {
    const date = notAfterToday(shiftDate(`${year}-01-15`, i * 9, "d"));
    addIncome(db, audit, { amount: group.kind === "parish" ? DUES_PARISH : DUES, kind: "dues", source: { kind: "group", group }, date }, today);
  }

  // Donations: the private donors, a company and two people of the member groups.
  const donations: Array<[string, number, string]> = [
    ["funder:5", 5, "1000,00"],
    ["funder:4", 40, "1500,00"],
    ["Ingrid Hoffmann", 70, "100,00"],
    ["Yusuf Demir", 100, "50,00"],
  ];
  for (const [ref, dayOfYear, amount] of donations) {
    const date = notAfterToday(shiftDate(`${year}-01-01`, dayOfYear, "d"));
    const source = ref.startsWith("funder:")
      ? { kind: "funder" as const, funder: funder(Number(ref.slice(7))) }
      : { kind: "person" as const, person: resolvePerson(db, ref, today) };
    addIncome(db, audit, { amount, kind: "donation", source, date }, today);
  }

  for (const [line, amount] of texts.budget) setBudget(db, audit, year, line, parseMoney(amount));
}
