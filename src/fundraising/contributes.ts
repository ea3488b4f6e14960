import type { Check, Contribution, Problem, StatusPart } from "../core/contributes.js";
import { problem } from "../core/contributes.js";
import { tableNames } from "../core/db.js";
import { fundraisingStatusPart } from "./status.js";
import { duesWithoutGroup, eraseFromIncome, incomeWithBadAmount, negativeAmounts, overpaidGrants } from "./store.js";

const cents = (value: number) => (value / 100).toFixed(2);

/**
 * Income (fundraising, schema version 7): positive amounts in cents, dues paid by a group, no more received for
 * a grant than was awarded, no negative dues or budget lines. Skipped on a file without those tables.
 */
const income: Check & { rank: number } = {
  name: "income",
  rank: 60,
  run(db) {
    const tables = tableNames(db);
    if (!tables.has("income")) return [];
    const found: Problem[] = [];
    for (const r of incomeWithBadAmount(db)) found.push(problem("income", "incomeAmount", { income: r.id, amount: String(r.amount) }));
    for (const id of duesWithoutGroup(db)) found.push(problem("income", "duesWithoutGroup", { income: id }));
    if (tables.has("applications"))
      for (const r of overpaidGrants(db)) found.push(problem("income", "grantOverpaid", { application: r.application, awarded: cents(r.awarded), received: cents(r.received) }));
    for (const table of ["dues_assessments", "budget_lines"] as const) {
      if (!tables.has(table)) continue;
      for (const id of negativeAmounts(db, table)) found.push(problem("income", "negativeAmount", { table, row: id }));
    }
    return found;
  },
};

export const fundraising: Contribution = {
  area: "fundraising", text: {
    funders: { name: "none", name_key: "none", kind: "none", website: "none", notes: "scrub", created_at: "none", iban: "none" },
    funder_contacts: { name: "scrub", role: "scrub", email: "scrub", phone: "scrub" },
    applications: { title: "scrub", deadline: "none", decision_expected: "none", purpose: "scrub", stage: "none", stage_since: "none", period_start: "none", period_end: "none", created_at: "none" },
    application_stages: { stage: "none", changed_on: "none", note: "scrub", created_at: "none" },
    // a cancel reason may name anyone; cancelled_by and closed_by are who acted, as in the audit log
    income: { received_on: "none", kind: "none", source_text: "area", fund: "none", note: "area", import_key: "none", created_at: "none", cancelled_on: "none", cancel_reason: "scrub", cancelled_by: "scrub", payer_iban: "area" },
    closed_years: { closed_on: "none", closed_by: "scrub", created_at: "none" },
    bank_rules: { pattern: "scrub", kind: "none", created_at: "none" },
    reporting_deadlines: { kind: "none", due_on: "none", submitted_on: "none", created_at: "none" },
    budget_lines: { line: "none", line_key: "none" },
  },
  status: [fundraisingStatusPart as StatusPart],
  checks: [income],
  annual: [{ rank: 90, section: async () => (await import("./annual.js")).fundraisingAnnualSection }],
  // Bank statements name payers: the income's texts are personal data too.
  erase: (db, person) => eraseFromIncome(db, person.personId, person.pattern, person.placeholder),
};
