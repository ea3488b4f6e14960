// The fundraising commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, exportOptions, flag, group, lazy, option, type Runnable } from "../core/define.js";

/** Which income the list and the export show. */
const incomeFilters = {
  year: option("--year <year>", "opt.fundsFilterYear"),
  kind: option("--kind <kind>", "opt.fundsFilterKind"),
  from: option("--from <source>", "opt.fundsFilterFrom"),
};

export const fundraising = group({
  path: "fundraising",
  help: "help.fundraising",
  alias: "funds",
  examples: [
    "fundraising report",
    "funds deadlines --within 30d",
    "funds dues status --year 2026",
    "funds apply \"Stiftung Nord\" \"Organizer-Stelle 2027\" --amount 40.000,00 --deadline 31.3.2027 --probability 60",
  ],
});

export const funders = group({
  path: "fundraising funders",
  help: "help.fundraising.funders",
  examples: [
    "funds funders list",
    "funds funders add \"Stiftung Nord\" --kind foundation --contact \"Dr. Petra Lang\" --email lang@stiftung-nord.example",
  ],
});

export const fundersAdd = command({
  path: "fundraising funders add",
  args: ["<name>"],
  help: "help.fundraising.funders.add",
  write: true,
  options: {
    kind: option("--kind <kind>", "opt.fundsFunderKind"),
    contact: option("--contact <name>", "opt.fundsContact"),
    role: option("--role <role>", "opt.fundsContactRole"),
    email: option("--email <email>", "opt.email"),
    phone: option("--phone <phone>", "opt.phone"),
    website: option("--website <url>", "opt.fundsWebsite"),
    notes: option("--notes <text>", "opt.notes"),
    iban: option("--iban <iban>", "opt.iban"),
  },
  examples: [
    "funds funders add \"Stiftung Nord\" --kind foundation --contact \"Dr. Petra Lang\" --role Referentin --email lang@stiftung-nord.example",
    "funds funders add \"Ev. Kirchenkreis Süd\" --kind church --notes \"Kollektenmittel, Antrag formlos\"",
  ],
});

export const fundersList = command({
  path: "fundraising funders list",
  help: "help.fundraising.funders.list",
  examples: ["funds funders list", "funds funders list --json"],
});

export const fundersShow = command({
  path: "fundraising funders show",
  args: ["<funder>"],
  help: "help.fundraising.funders.show",
  examples: ["funds funders show \"Stiftung Nord\"", "funds funders show 3 --json"],
});

export const fundersEdit = command({
  path: "fundraising funders edit",
  args: ["<funder>"],
  help: "help.fundraising.funders.edit",
  write: true,
  options: {
    name: option("--name <name>", "opt.fundsFunderName"),
    kind: option("--kind <kind>", "opt.fundsFunderKind"),
    website: option("--website <url>", "opt.fundsWebsite"),
    notes: option("--notes <text>", "opt.notes"),
    iban: option("--iban <iban>", "opt.iban"),
  },
  examples: [
    "funds funders edit \"Stiftung Nord\" --website https://stiftung-nord.example",
    "funds funders edit 3 --name \"Stiftung Nord-Ost\" --notes \"\"",
  ],
});

export const fundersContact = command({
  path: "fundraising funders contact",
  args: ["<funder>", "<name>"],
  help: "help.fundraising.funders.contact",
  write: true,
  options: {
    role: option("--role <role>", "opt.fundsContactRole"),
    email: option("--email <email>", "opt.email"),
    phone: option("--phone <phone>", "opt.phone"),
  },
  examples: ["funds funders contact \"Stiftung Nord\" \"Jan Weber\" --role Buchhaltung --phone \"040 123456\""],
});

export const apply = command({
  path: "fundraising apply",
  args: ["<funder>", "<title>"],
  help: "help.fundraising.apply",
  write: true,
  options: {
    amount: option("--amount <money>", "opt.fundsAmount", { mandatory: true }),
    deadline: option("--deadline <date>", "opt.fundsDeadline"),
    decision: option("--decision <date>", "opt.fundsDecision"),
    probability: option("--probability <0-100>", "opt.fundsProbability"),
    purpose: option("--purpose <text>", "opt.fundsPurpose"),
    restricted: flag("--restricted", "opt.fundsRestricted"),
    stage: option("--stage <stage>", "opt.fundsInitialStage"),
    date: option("--date <date>", "opt.fundsStageDate"),
  },
  examples: [
    "funds apply \"Stiftung Nord\" \"Organizer-Stelle 2027\" --amount 40.000,00 --deadline 31.3.2027 --decision 30.6.2027 --probability 60",
    "funds apply \"Ev. Kirchenkreis Süd\" \"Trainings für Leiter:innen\" --amount \"4.500,00 €\" --purpose Trainings --restricted --stage drafting",
  ],
});

export const applications = group({
  path: "fundraising applications",
  help: "help.fundraising.applications",
  examples: ["funds applications list", "funds applications show 4", "funds applications export --out antraege.csv"],
});

export const applicationsList = command({
  path: "fundraising applications list",
  help: "help.fundraising.applications.list",
  options: {
    stage: option("--stage <stage>", "opt.fundsFilterStage"),
    funder: option("--funder <funder>", "opt.fundsFilterFunder"),
  },
  examples: [
    "funds applications list",
    "funds applications list --stage submitted",
    "funds applications list --funder \"Stiftung Nord\" --json",
  ],
});

export const applicationsShow = command({
  path: "fundraising applications show",
  args: ["<application>"],
  help: "help.fundraising.applications.show",
  examples: ["funds applications show 4", "funds applications show 4 --json"],
});

export const applicationsExport = command({
  path: "fundraising applications export",
  help: "help.fundraising.applications.export",
  options: exportOptions,
  examples: ["funds applications export > antraege.csv", "funds applications export --format xlsx --out antraege.xlsx"],
});

export const stage = command({
  path: "fundraising stage",
  args: ["<application>", "<stage>"],
  help: "help.fundraising.stage",
  write: true,
  options: {
    date: option("--date <date>", "opt.fundsStageDate"),
    reopen: flag("--reopen", "opt.fundsReopen"),
    awarded: option("--awarded <money>", "opt.fundsAwarded"),
    from: option("--from <date>", "opt.fundsPeriodFrom"),
    until: option("--until <date>", "opt.fundsPeriodUntil"),
    note: option("--note <text>", "opt.fundsNote"),
  },
  examples: [
    "funds stage 4 submitted",
    "funds stage 4 approved --awarded 36.000,00 --from 1.1.2027 --until 31.12.2027",
    "funds stage 5 rejected --date 12.6.2026 --note \"Programm überzeichnet\"",
    "funds stage 5 submitted --reopen",
  ],
});

export const reportDue = group({
  path: "fundraising report-due",
  help: "help.fundraising.report-due",
  examples: ["funds report-due add 4 interim 30.6.2027", "funds report-due done 2"],
});

export const reportDueAdd = command({
  path: "fundraising report-due add",
  args: ["<application>", "<kind>", "<date>"],
  help: "help.fundraising.report-due.add",
  write: true,
  examples: ["funds report-due add 4 interim 30.6.2027", "funds report-due add 4 proof-of-use 30.6.2028"],
});

export const reportDueDone = command({
  path: "fundraising report-due done",
  args: ["<deadline>"],
  help: "help.fundraising.report-due.done",
  write: true,
  options: {
    date: option("--date <date>", "opt.fundsSubmittedDate"),
  },
  examples: ["funds report-due done 2", "funds report-due done 2 --date yesterday"],
});

export const income = group({
  path: "fundraising income",
  help: "help.fundraising.income",
  examples: [
    "funds income add 12.000,00 --date 15.1.2027 --application 4",
    "funds income list --year 2027",
    "funds income cancel 17 --reason \"doppelt erfasst\"",
    "funds income export --year 2027 --out einnahmen.csv",
  ],
});

export const incomeAdd = command({
  path: "fundraising income add",
  args: ["<amount>"],
  help: "help.fundraising.income.add",
  write: true,
  options: {
    date: option("--date <date>", "opt.fundsIncomeDate"),
    kind: option("--kind <kind>", "opt.fundsIncomeKind"),
    from: option("--from <source>", "opt.fundsIncomeFrom"),
    application: option("--application <application>", "opt.fundsApplication"),
    fund: option("--fund <purpose>", "opt.fundsFund"),
    year: option("--year <year>", "opt.fundsDuesYear"),
    note: option("--note <text>", "opt.fundsNote"),
    reopen: flag("--reopen", "opt.fundsReopenYear"),
  },
  examples: [
    "funds income add 12.000,00 --date 15.1.2027 --application 4",
    "funds income add 240 --kind dues --from KOSMOS --date 3.2.2027",
    "funds income add \"50,00 €\" --kind donation --from \"Maria Schmidt\"",
    "funds income add 500 --kind donation --from funder:3 --fund Kinderbetreuung",
  ],
});

export const incomeEdit = command({
  path: "fundraising income edit",
  args: ["<income>"],
  help: "help.fundraising.income.edit",
  write: true,
  options: {
    date: option("--date <date>", "opt.fundsEditDate"),
    amount: option("--amount <money>", "opt.fundsEditAmount"),
    kind: option("--kind <kind>", "opt.fundsIncomeKind"),
    from: option("--from <source>", "opt.fundsEditFrom"),
    application: option("--application <application>", "opt.fundsEditApplication"),
    fund: option("--fund <purpose>", "opt.fundsEditFund"),
    year: option("--year <year>", "opt.fundsDuesYear"),
    note: option("--note <text>", "opt.fundsNote"),
    reopen: flag("--reopen", "opt.fundsReopenYear"),
  },
  examples: [
    "funds income edit 17 --amount 50,50",
    "funds income edit 17 --kind dues --from KOSMOS --year 2026",
    "funds income edit 23 --date 2.1.2026 --reopen",
  ],
});

export const incomeCancel = command({
  path: "fundraising income cancel",
  args: ["<income>"],
  help: "help.fundraising.income.cancel",
  write: true,
  options: {
    reason: option("--reason <text>", "opt.fundsCancelReason", { mandatory: true }),
    reopen: flag("--reopen", "opt.fundsReopenYear"),
  },
  examples: ["funds income cancel 17 --reason \"doppelt erfasst\"", "funds income cancel 23 --reason \"Rücküberweisung\" --reopen"],
});

export const incomeList = command({
  path: "fundraising income list",
  help: "help.fundraising.income.list",
  options: {
    ...incomeFilters,
    unclassified: flag("--unclassified", "opt.fundsUnclassified"),
    all: flag("--all", "opt.fundsAllIncome"),
  },
  examples: [
    "funds income list --year 2027",
    "funds income list --unclassified",
    "funds income list --kind dues --from KOSMOS",
    "funds income list --json",
    "funds income list --all",
  ],
});

export const incomeReview = command({
  path: "fundraising income review",
  help: "help.fundraising.income.review",
  examples: ["funds income review"],
});

export const incomeExport = command({
  path: "fundraising income export",
  help: "help.fundraising.income.export",
  options: {
    ...incomeFilters,
    ...exportOptions,
  },
  examples: [
    "funds income export > einnahmen.csv",
    "funds income export --year 2027 --format xlsx --out einnahmen-2027.xlsx",
    "funds income export --year 2027 --format json --out einnahmen.json",
  ],
});

export const dues = group({
  path: "fundraising dues",
  help: "help.fundraising.dues",
  examples: ["funds dues set 2027 --all 240", "funds dues status"],
});

export const duesSet = command({
  path: "fundraising dues set",
  args: ["<year>", "<group-or-amount>", "[amount]"],
  help: "help.fundraising.dues.set",
  write: true,
  options: {
    all: flag("--all", "opt.fundsAllGroups"),
  },
  examples: [
    "funds dues set 2027 --all 240",
    "funds dues set 2027 KOSMOS 120",
    "funds dues set 2027 \"Kath. Pfarrei St. Josef\" \"480,00 €\"",
  ],
});

export const duesStatusCommand = command({
  path: "fundraising dues status",
  help: "help.fundraising.dues.status",
  options: {
    year: option("--year <year>", "opt.fundsYear"),
  },
  examples: ["funds dues status", "funds dues status --year 2026 --json"],
});

export const duesExport = command({
  path: "fundraising dues export",
  help: "help.fundraising.dues.export",
  options: {
    year: option("--year <year>", "opt.fundsYear"),
    ...exportOptions,
  },
  examples: ["funds dues export --year 2026 > beitraege-2026.csv", "funds dues export --format xlsx --out beitraege.xlsx"],
});

export const rules = group({
  path: "fundraising rules",
  help: "help.fundraising.rules",
  examples: ["funds rules add \"Spende\" --kind donation", "funds rules list"],
});

export const rulesAdd = command({
  path: "fundraising rules add",
  args: ["<words>"],
  help: "help.fundraising.rules.add",
  write: true,
  options: {
    kind: option("--kind <kind>", "opt.fundsRuleKind"),
    from: option("--from <source>", "opt.fundsRuleSource"),
  },
  examples: ["funds rules add \"Kollekte\" --kind donation --from \"Ev. Kirchenkreis Süd\"", "funds rules add \"Beitrag Kosmos\" --kind dues --from KOSMOS"],
});

export const rulesList = command({
  path: "fundraising rules list",
  help: "help.fundraising.rules.list",
  examples: ["funds rules list", "funds rules list --json"],
});

export const rulesRemove = command({
  path: "fundraising rules remove",
  args: ["<id>"],
  help: "help.fundraising.rules.remove",
  write: true,
  examples: ["funds rules remove 2"],
});

export const budget = group({
  path: "fundraising budget",
  help: "help.fundraising.budget",
  examples: ["funds budget set 2027 \"Organizer-Stelle\" 58.000,00", "funds budget show"],
});

export const budgetSet = command({
  path: "fundraising budget set",
  args: ["<year>", "<line>", "<amount>"],
  help: "help.fundraising.budget.set",
  write: true,
  examples: ["funds budget set 2027 \"Organizer-Stelle\" 58.000,00", "funds budget set 2027 Trainings \"3.500,00 €\""],
});

export const budgetShow = command({
  path: "fundraising budget show",
  help: "help.fundraising.budget.show",
  options: {
    year: option("--year <year>", "opt.fundsYear"),
  },
  examples: ["funds budget show", "funds budget show --year 2027 --json"],
});

export const report = command({
  path: "fundraising report",
  help: "help.fundraising.report",
  options: {
    year: option("--year <year>", "opt.fundsYear"),
    format: option("--format <format>", "opt.fundsReportFormat", { choices: ["md", "html"] }),
    out: option("--out <file>", "opt.out"),
    chart: flag("--chart", "opt.fundsChart"),
    noChart: flag("--no-chart", "opt.fundsNoChart"),
  },
  examples: [
    "funds report",
    "funds report --year 2026 --chart",
    "funds report --format html --out fundraising-2026.html",
    "funds report --json",
  ],
});

export const closeYear = command({
  path: "fundraising close-year",
  args: ["<year>"],
  help: "help.fundraising.close-year",
  write: true,
  examples: ["funds close-year 2025"],
});

export const deadlines = command({
  path: "fundraising deadlines",
  help: "help.fundraising.deadlines",
  options: {
    within: option("--within <span>", "opt.fundsWithin"),
  },
  examples: ["funds deadlines", "funds deadlines --within 30d", "funds deadlines --within 3m --json"],
});

export const importBank = command({
  path: "fundraising import",
  args: ["<file>"],
  help: "help.fundraising.import",
  write: true,
  options: {
    dryRun: flag("--dry-run", "opt.dryRun"),
    dateColumn: option("--date-column <name>", "opt.fundsDateColumn"),
    amountColumn: option("--amount-column <name>", "opt.fundsAmountColumn"),
    textColumn: option("--text-column <name>", "opt.fundsTextColumn"),
    delimiter: option("--delimiter <char>", "opt.fundsDelimiter"),
    kind: option("--kind <kind>", "opt.fundsImportKind"),
    profile: option("--profile <profile>", "opt.fundsProfile"),
    encoding: option("--encoding <encoding>", "opt.encoding"),
    reopen: flag("--reopen", "opt.fundsReopenYear"),
    verbose: flag("--verbose", "opt.importVerbose"),
  },
  examples: [
    "funds import kontoauszug.csv --dry-run",
    "funds import camt053.xml",
    "funds import kontoauszug.csv --kind donation",
    "funds import umsaetze.csv --date-column Valuta --amount-column \"Betrag (EUR)\" --text-column Verwendungszweck --kind dues",
  ],
});

const handlers = () => import("./handlers.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  fundraising,
  funders,
  lazy(fundersAdd, handlers, "fundersAdd"),
  lazy(fundersList, handlers, "fundersList"),
  lazy(fundersShow, handlers, "fundersShow"),
  lazy(fundersEdit, handlers, "fundersEdit"),
  lazy(fundersContact, handlers, "fundersContact"),
  lazy(apply, handlers, "apply"),
  applications,
  lazy(applicationsList, handlers, "applicationsList"),
  lazy(applicationsShow, handlers, "applicationsShow"),
  lazy(applicationsExport, handlers, "applicationsExport"),
  lazy(stage, handlers, "stage"),
  reportDue,
  lazy(reportDueAdd, handlers, "reportDueAdd"),
  lazy(reportDueDone, handlers, "reportDueDone"),
  income,
  lazy(incomeAdd, handlers, "incomeAdd"),
  lazy(incomeEdit, handlers, "incomeEdit"),
  lazy(incomeCancel, handlers, "incomeCancel"),
  lazy(incomeList, handlers, "incomeList"),
  lazy(incomeExport, handlers, "incomeExport"),
  lazy(incomeReview, handlers, "incomeReview"),
  dues,
  lazy(duesSet, handlers, "duesSet"),
  lazy(duesStatusCommand, handlers, "duesStatusCommand"),
  lazy(duesExport, handlers, "duesExport"),
  budget,
  lazy(budgetSet, handlers, "budgetSet"),
  lazy(budgetShow, handlers, "budgetShow"),
  lazy(report, handlers, "report"),
  lazy(closeYear, handlers, "closeYear"),
  lazy(deadlines, handlers, "deadlines"),
  lazy(importBank, handlers, "importBank"),
  rules,
  lazy(rulesAdd, handlers, "rulesAdd"),
  lazy(rulesList, handlers, "rulesList"),
  lazy(rulesRemove, handlers, "rulesRemove"),
];
