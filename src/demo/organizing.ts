// The demo's organizing work: two action teams, three campaigns, and about 150 conversations over the past year
// with the topics heard. Deterministic: dates count back from today, and every choice comes from a fixed-seed
// generator, so the same day gives the same platform. Everything goes through the areas' service functions
// inside the demo's one write transaction. The campaigns report at the Kernkreis meetings: seedOrganizing returns
// the hook that records those reports while each meeting's minutes are still open.
import { addCampaign, addUpdate, resolveCampaign } from "../campaigns/index.js";
import type { AuditEntry } from "../core/context.js";
import { shiftDate } from "../core/dates.js";
import type { Db } from "../core/db.js";
import type { Lang } from "../core/i18n.js";
import { addConversation } from "../conversations/index.js";
import { isMemberOn } from "../groups/index.js";
import { resolveGroup } from "../groups/index.js";
import { listGroups } from "../groups/index.js";
import type { Meeting } from "../meetings/index.js";
import type { Person } from "../people/index.js";
import { resolvePerson } from "../people/index.js";
import { listPeople } from "../people/index.js";
import { addTeam, joinTeam, resolveTeam } from "../teams/index.js";

type Audit = (entry: AuditEntry) => void;

const CONVERSATIONS = 150;

/** Who holds the conversations, and how often (weights): the leaders who do most of the listening. */
const HOLDERS: Array<[string, number]> = [
  ["Hatice Kaya", 8],
  ["Yusuf Demir", 5],
  ["Claudia Berger", 4],
  ["Tomasz Kowalski", 3],
];

/** Key persons nobody has spoken with for more than half a year, and one nobody has spoken with at all. */
const GONE_COLD = ["Jonas Lehmann", "Daniel Feldmann", "Leila Mansour", "Stefan Wagner"];
const NEVER = ["Luca Romano"];

const TEAM_MEMBERS: Record<"wohnen" | "schulwege", Array<[string, "lead" | "member"]>> = {
  wohnen: [
    ["Hatice Kaya", "lead"],
    ["Dragan Petrović", "member"],
    ["Lea Hartmann", "member"],
    ["Uwe Schmidt", "member"],
  ],
  schulwege: [
    ["Claudia Berger", "lead"],
    ["Nguyen Thi Lan", "member"],
    ["Ali Karaca", "member"],
  ],
};

type TopicKey = "rents" | "heating" | "schoolRoutes" | "care" | "childcare" | "language" | "youth" | "transport" | "doctors" | "litter";

/** How often a topic comes up, `t` running from 0 (a year ago) to 1 (today): heating costs peak in winter, care rises. */
const WEIGHTS: Record<TopicKey, (t: number) => number> = {
  rents: () => 5,
  heating: (t) => (t > 0.55 && t < 0.95 ? 6 : 1.5),
  schoolRoutes: (t) => 4 * (1 - t) + 0.5,
  care: (t) => 0.5 + 5 * t,
  childcare: () => 2,
  language: () => 1.5,
  youth: () => 1.5,
  transport: () => 1,
  doctors: (t) => 0.5 + 2 * t,
  litter: () => 1,
};

interface CampaignPlan {
  key: "heating" | "schoolRoutes" | "estate";
  team: "wohnen" | "schulwege";
  topic: TopicKey | "estate";
  /** days before today it started */
  startedDaysAgo: number;
  /** reports given at the Kernkreis with this index, and the new status if it changed */
  atMeeting: Record<number, { status?: "action" | "negotiation" | "won"; text: number }>;
  /** reports between meetings: 20 days after the Kernkreis with this index */
  between: Record<number, { status?: "action" | "negotiation" | "won"; text: number }>;
}

const PLANS: CampaignPlan[] = [
  {
    key: "heating",
    team: "wohnen",
    topic: "heating",
    startedDaysAgo: 350,
    atMeeting: { 0: { text: 0 }, 2: { status: "action", text: 1 }, 4: { text: 2 }, 5: { status: "negotiation", text: 3 }, 7: { text: 5 } },
    between: { 3: { text: 4 } },
  },
  {
    key: "schoolRoutes",
    team: "schulwege",
    topic: "schoolRoutes",
    startedDaysAgo: 365,
    atMeeting: { 0: { text: 0 }, 1: { status: "action", text: 1 }, 3: { text: 2 }, 6: { status: "won", text: 3 } },
    between: {},
  },
  {
    key: "estate",
    team: "wohnen",
    topic: "estate",
    startedDaysAgo: 200,
    atMeeting: { 4: { text: 0 }, 6: { status: "action", text: 1 } },
    between: { 7: { text: 2 } },
  },
];

interface Texts {
  teams: Record<"wohnen" | "schulwege", string>;
  topics: Record<TopicKey | "estate", string>;
  campaigns: Record<CampaignPlan["key"], { name: string; goal: string; reports: string[] }>;
  notes: string[];
  nextSteps: string[];
}

const TEXTS: Record<Lang, Texts> = {
  de: {
    teams: { wohnen: "Aktionsteam Wohnen", schulwege: "Aktionsteam Schulwege" },
    topics: {
      rents: "Mieten",
      heating: "Heizkosten",
      schoolRoutes: "Schulwege",
      care: "Pflege",
      childcare: "Kita-Plätze",
      language: "Sprachkurse",
      youth: "Jugendtreff",
      transport: "Nahverkehr",
      doctors: "Ärztemangel",
      litter: "Sauberkeit",
      estate: "Mängel in der Weißen Siedlung",
    },
    campaigns: {
      heating: {
        name: "Heizkosten",
        goal: "Keine überhöhten Nachzahlungen im Kosmosviertel",
        reports: [
          "Recherche: 40 Haushalte befragt; die Nachzahlungen liegen bei bis zu 1.800 €.",
          "412 Unterschriften gesammelt; Übergabe an die Bezirksbürgermeisterin ist geplant.",
          "Unterschriften übergeben; die Bezirksbürgermeisterin lädt die Vermieterin ein.",
          "Die Vermieterin setzt die Nachzahlungen für 120 Wohnungen aus – Verhandlung über die Abrechnung.",
          "Aktion vor der Hausverwaltung mit 80 Mieterinnen und Mietern.",
          "Zweite Verhandlungsrunde: Die Vermieterin prüft Rückzahlungen; Forderungen für die große Versammlung.",
        ],
      },
      schoolRoutes: {
        name: "Sichere Schulwege",
        goal: "Eine Ampel an der Dahmestraße vor Schulbeginn",
        reports: [
          "Eltern der Grundschule zählen den Verkehr an der Dahmestraße.",
          "Die Ampel an der Dahmestraße ist zugesagt, Umsetzung bis zum Sommer.",
          "Begehung mit dem Straßen- und Grünflächenamt hat stattgefunden.",
          "Die Ampel ist gebaut – die Kampagne ist gewonnen.",
        ],
      },
      estate: {
        name: "Weiße Siedlung: Mängel beheben",
        goal: "Schimmel und kaputte Aufzüge binnen eines Jahres beseitigt",
        reports: [
          "Hausversammlungen in der Weißen Siedlung, 38 Haushalte beteiligt.",
          "Mängelliste mit 212 Einträgen an die Wohnungsbaugesellschaft übergeben.",
          "Die Wohnungsbaugesellschaft sagt eine Begehung mit dem Aktionsteam zu.",
        ],
      },
    },
    notes: [
      "Erzählt von der Nachzahlung und der Angst, die Wohnung zu verlieren.",
      "Die Kinder gehen über die Dahmestraße zur Schule; sie bringt sie jeden Morgen.",
      "Arbeitet als Pflegekraft im Klinikum; Schichten sind kaum noch zu schaffen.",
      "Sucht seit einem Jahr einen Kita-Platz für die Jüngste.",
      "Möchte, dass die Jugendlichen einen Ort zum Treffen haben.",
      "Engagiert sich in der Gemeinde; kennt viele Familien im Kiez.",
      "Wartet seit Monaten auf einen Termin beim Facharzt.",
      "Ärgert sich über den Müll im Hof; die Hausverwaltung reagiert nicht.",
    ],
    nextSteps: [
      "kommt zur nächsten Hausversammlung",
      "bringt zwei Nachbarinnen zum Kernkreis mit",
      "sammelt Unterschriften im Haus",
      "fragt in der Gemeinde nach Raum für ein Treffen",
      "nimmt am Training zu Einzelgesprächen teil",
    ],
  },
  en: {
    teams: { wohnen: "Housing action team", schulwege: "School routes action team" },
    topics: {
      rents: "Rents",
      heating: "Heating costs",
      schoolRoutes: "School routes",
      care: "Care",
      childcare: "Childcare places",
      language: "Language courses",
      youth: "Youth club",
      transport: "Public transport",
      doctors: "Doctor shortage",
      litter: "Litter",
      estate: "Repairs in the Weiße Siedlung",
    },
    campaigns: {
      heating: {
        name: "Heating costs",
        goal: "No excessive back payments in the Kosmosviertel",
        reports: [
          "Research: 40 households asked; back payments run up to €1,800.",
          "412 signatures collected; handing them to the district mayor is planned.",
          "Signatures handed over; the district mayor invites the landlord.",
          "The landlord suspends the back payments for 120 flats – negotiating the statement.",
          "Action outside the property management office with 80 tenants.",
          "Second round of talks: the landlord considers refunds; asks for the large assembly.",
        ],
      },
      schoolRoutes: {
        name: "Safe school routes",
        goal: "A traffic light on Dahmestraße before the school year starts",
        reports: [
          "Parents at the primary school count the traffic on Dahmestraße.",
          "The traffic light on Dahmestraße is promised, to be built by the summer.",
          "The site visit with the roads and parks office took place.",
          "The traffic light is built – the campaign is won.",
        ],
      },
      estate: {
        name: "Weiße Siedlung: fix the repairs",
        goal: "Mould and broken lifts fixed within a year",
        reports: [
          "House meetings in the Weiße Siedlung, 38 households took part.",
          "A list of 212 defects handed to the housing company.",
          "The housing company agrees to a site visit with the action team.",
        ],
      },
    },
    notes: [
      "Talked about the back payment and the fear of losing the flat.",
      "The children cross Dahmestraße to school; she takes them every morning.",
      "Works as a nurse at the hospital; the shifts are barely manageable.",
      "Has been looking for a childcare place for the youngest for a year.",
      "Wants the teenagers to have a place to meet.",
      "Active in the parish; knows many families in the neighbourhood.",
      "Has waited months for an appointment with a specialist.",
      "Annoyed by the litter in the courtyard; the management does not respond.",
    ],
    nextSteps: [
      "comes to the next house meeting",
      "brings two neighbours to the Kernkreis",
      "collects signatures in the building",
      "asks the parish for a room for a meeting",
      "joins the one-to-one training",
    ],
  },
};

/** mulberry32: a small, fixed-seed generator, so the demo is the same on every run for the same day. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(random: () => number, choices: Array<[T, number]>): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return choices.at(-1)![0];
}

/**
 * Adds the teams, campaigns and conversations, and returns the hook that records the campaigns' reports at the
 * Kernkreis with index `index` (call it for each past meeting, in order, before its minutes are approved).
 */
export function seedOrganizing(db: Db, audit: Audit, lang: Lang, today: string): (meeting: Meeting, index: number) => void {
  const texts = TEXTS[lang];
  const person = (name: string) => resolvePerson(db, name, today);

  for (const key of ["wohnen", "schulwege"] as const) {
    addTeam(db, audit, { name: texts.teams[key], short: key, kind: "action" });
    const team = resolveTeam(db, key);
    for (const [name, role] of TEAM_MEMBERS[key]) joinTeam(db, audit, team, person(name), { role, from: shiftDate(today, -365, "d"), until: null }, "");
  }
  for (const plan of PLANS) {
    const c = texts.campaigns[plan.key];
    addCampaign(db, audit, { name: c.name, topic: texts.topics[plan.topic], team: resolveTeam(db, plan.team), goal: c.goal, date: shiftDate(today, -plan.startedDaysAgo, "d") }, today);
  }
  seedConversations(db, audit, texts, today);

  return (meeting, index) => {
    for (const plan of PLANS) {
      const { name, reports } = texts.campaigns[plan.key];
      const at = plan.atMeeting[index];
      // Read afresh each time: an update changes the campaign's status.
      if (at && meeting.date >= resolveCampaign(db, name).started)
        addUpdate(db, audit, resolveCampaign(db, name), { text: reports[at.text]!, date: meeting.date, meeting, status: at.status }, today);
      const later = plan.between[index];
      const date = shiftDate(meeting.date, 20, "d");
      if (later && date < today) addUpdate(db, audit, resolveCampaign(db, name), { text: reports[later.text]!, date, status: later.status }, today);
    }
  };
}

function seedConversations(db: Db, audit: Audit, texts: Texts, today: string): void {
  const random = generator(20_260_301);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const coldFrom = shiftDate(today, -7, "m");
  const topicKeys = Object.keys(WEIGHTS) as TopicKey[];
  const holders = HOLDERS.map(([name, weight]) => [resolvePerson(db, name, today), weight] as [Person, number]);
  for (let i = 0; i < CONVERSATIONS; i++) {
    const daysAgo = 364 - Math.floor((i * 362) / CONVERSATIONS);
    const date = shiftDate(today, -daysAgo, "d");
    const t = 1 - daysAgo / 365;
    const holder = weighted(random, holders);
    // People who acted for a member group on the day; some key persons dropped out of sight half a year ago.
    const members = new Set(listGroups(db, date, { all: true }).filter((g) => isMemberOn(g, date)).map((g) => g.name));
    const pool = listPeople(db, date).filter(
      (p) => p.groups.some((g) => members.has(g.group)) && p.id !== holder.id && !NEVER.includes(p.name ?? "") && !(date >= coldFrom && GONE_COLD.includes(p.name ?? "")),
    );
    const kind = i % 9 === 4 ? "house-meeting" : i % 13 === 7 ? "research" : "one-to-one";
    let partners: Person[];
    let group: string | undefined;
    if (kind === "house-meeting") {
      // A house meeting: up to five people of one group, who speak for it.
      const host = pick(pool);
      group = host.groups.find((g) => members.has(g.group))!.group;
      const sameGroup = pool.filter((p) => p.groups.some((g) => g.group === group));
      partners = [host, ...sameGroup.filter((p) => p.id !== host.id).slice(0, 2 + Math.floor(random() * 3))];
    } else partners = [pick(pool)];
    const count = kind === "research" ? 1 : 1 + Math.floor(random() * 3);
    const topics: string[] = [];
    while (topics.length < count) {
      const key = weighted(
        random,
        topicKeys.map((k) => [k, WEIGHTS[k](t)] as [TopicKey, number]),
      );
      if (!topics.includes(texts.topics[key])) topics.push(texts.topics[key]);
    }
    const followUp = random() < 0.4 ? shiftDate(date, 14 + 7 * Math.floor(random() * 3), "d") : null;
    addConversation(
      db,
      audit,
      {
        kind,
        date,
        holder,
        partners,
        group: group !== undefined ? resolveGroup(db, group, today) : undefined,
        topics,
        notes: pick(texts.notes),
        nextStep: followUp !== null ? pick(texts.nextSteps) : undefined,
        followUp,
      },
      today,
    );
  }
}
