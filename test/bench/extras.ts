// The areas of the benchmark's year beyond groups, meetings, tasks, votes and elections: 2,000 conversations
// (organizing), 50 funding applications and 1,000 income rows (fundraising), through those areas' stores.
import { shiftDate } from "../../src/core/dates.js";
import { insertConversation, insertTopic } from "../../src/conversations/store.js";
import { insertApplication, insertFunder, insertIncome, updateStage } from "../../src/fundraising/store.js";
import type { ExtraArea, YearContext } from "./generate.js";

const TOPICS = ["Mieten", "Schulwege", "Pflege", "Heizkosten", "Nahverkehr", "Jugend", "Sprachkurse", "Grünflächen"];
const FUNDERS = ["Stiftung Nachbarschaft", "Kirchenkreis Süd", "Bezirksamt", "Bürgerstiftung", "Sparkassenstiftung"];

export const PER_YEAR_EXTRAS = { conversations: 2000, applications: 50, income: 1000 } as const;

function conversations(): ExtraArea {
  let topicIds: number[] = [];
  return {
    name: "conversations",
    perYear: (y: YearContext) => {
      if (topicIds.length === 0) topicIds = TOPICS.map((name) => insertTopic(y.db, name));
      const last = y.until >= y.today;
      for (let i = 0; i < PER_YEAR_EXTRAS.conversations; i++) {
        const date = shiftDate(y.from, Math.floor((i * 364) / PER_YEAR_EXTRAS.conversations), "d");
        const holder = y.personIds[((i * 7) % 40) * 10]!; // the year's representatives hold them
        const at = y.random.int(y.personIds.length);
        const partner = y.personIds[at]!;
        const group = y.groupIds[Math.floor(at / 10)] ?? null; // ten people per group, in order
        // Follow-ups are open only in the last weeks before today; older ones were followed up long ago.
        const followUp = last && date >= shiftDate(y.today, -42, "d") && i % 5 === 0 ? shiftDate(date, 14, "d") : null;
        const id = insertConversation(y.db, {
          kind: i % 20 === 0 ? "house-meeting" : "one-to-one",
          date,
          holderId: holder,
          partners: partner === holder ? [] : [{ personId: partner, groupId: group }],
          topicIds: y.random.sample(topicIds, 1 + y.random.int(2)),
          notes: "Einzelgespräch: Sorgen um die Miete, Interesse an der Hausversammlung.",
          nextStep: followUp ? "Zur Hausversammlung einladen" : null,
          followUp,
        });
        y.audit({ entity: "conversation", id, action: "add", changes: { date, holder } });
      }
      y.count("conversations", PER_YEAR_EXTRAS.conversations);
    },
  };
}

function fundraising(): ExtraArea {
  let funderIds: number[] = [];
  return {
    name: "fundraising",
    perYear: (y: YearContext) => {
      if (funderIds.length === 0) funderIds = FUNDERS.map((name) => insertFunder(y.db, { name, kind: "foundation", website: null, notes: null }));
      const current = y.until >= y.today;
      const approved: number[] = [];
      for (let a = 0; a < PER_YEAR_EXTRAS.applications; a++) {
        const date = shiftDate(y.from, 5 + a * 7, "d");
        const open = current && a >= PER_YEAR_EXTRAS.applications - 8;
        const id = insertApplication(y.db, {
          funderId: y.random.pick(funderIds),
          title: `Antrag ${a + 1}: Organizerstelle und Sachkosten`,
          amount: 500_000 + y.random.int(40) * 100_000,
          deadline: shiftDate(date, 30, "d"),
          decisionExpected: shiftDate(date, 90, "d"),
          probability: 50,
          purpose: null,
          restricted: false,
          stage: open ? "submitted" : "drafting",
          date,
        });
        if (!open) {
          const won = a % 3 !== 0;
          updateStage(y.db, id, {
            stage: won ? "approved" : "rejected",
            date: shiftDate(date, 60, "d"),
            awarded: won ? 400_000 : null,
            periodStart: won ? shiftDate(date, 60, "d") : null,
            periodEnd: won ? shiftDate(date, 425, "d") : null,
          });
          if (won) approved.push(id);
        }
        y.audit({ entity: "application", id, action: "add", changes: { date } });
      }
      for (let k = 0; k < PER_YEAR_EXTRAS.income; k++) {
        const date = shiftDate(y.from, Math.floor((k * 364) / PER_YEAR_EXTRAS.income), "d");
        const dues = k < y.groupIds.length;
        const grant = !dues && k % 25 === 0 && approved.length > 0;
        const id = insertIncome(y.db, {
          date,
          amount: dues ? 12_000 : grant ? 100_000 : 1_000 + y.random.int(200) * 100,
          kind: dues ? "dues" : grant ? "grant" : "donation",
          funderId: null,
          groupId: dues ? y.groupIds[k]! : null,
          personId: !dues && !grant ? y.random.pick(y.personIds) : null,
          sourceText: null,
          applicationId: grant ? y.random.pick(approved) : null,
          fund: null,
          duesYear: dues ? Number(y.from.slice(0, 4)) : null,
          note: null,
          importKey: null,
        });
        y.audit({ entity: "income", id, action: "add", changes: { date } });
      }
      y.count("applications", PER_YEAR_EXTRAS.applications);
      y.count("income", PER_YEAR_EXTRAS.income);
    },
  };
}

/** The extra areas, each as its own generator (state such as topics and funders lives per platform). */
export function extraAreas(): ExtraArea[] {
  return [conversations(), fundraising()];
}
