// The reports commands: one definition each, read at start-up (keep this file free of heavy imports).
import { command, group, lazy, option, type Runnable } from "../core/define.js";

export const report = group({
  path: "report",
  help: "help.report",
  examples: [
    "report agenda next",
    "report minutes last --format pdf --out protokoll.pdf",
    "report commitments",
    "report annual 2026 --format html --out jahresbericht.html",
  ],
});

export const agenda = command({
  path: "report agenda",
  args: ["<meeting>"],
  help: "help.report.agenda",
  options: {
    format: option("--format <format>", "opt.agendaFormat", { choices: ["md", "html", "pdf"] }),
    out: option("--out <file>", "opt.out"),
  },
  examples: [
    "report agenda next",
    "report agenda next --format html --out einladung.html",
    "report agenda next --format pdf --out einladung.pdf",
    "report agenda 3.12.2026 --lang en",
  ],
});

export const minutes = command({
  path: "report minutes",
  args: ["<meeting>"],
  help: "help.report.minutes",
  options: {
    format: option("--format <format>", "opt.minutesFormat", { choices: ["md", "html", "pdf"] }),
    out: option("--out <file>", "opt.out"),
  },
  examples: [
    "report minutes last",
    "report minutes last --format html --out protokoll.html",
    "report minutes 12 --format pdf --out protokoll.pdf",
    "report minutes last --format pdf | lpr",
  ],
});

export const conversations = command({
  path: "report conversations",
  help: "help.report.conversations",
  options: {
    since: option("--since <date>", "opt.orgReportSince"),
    format: option("--format <format>", "opt.orgReportFormat", { choices: ["md", "html"] }),
    out: option("--out <file>", "opt.out"),
  },
  examples: [
    "report conversations",
    "report conversations --since 1.1.2026 --format md --out gespraeche.md",
    "report conversations --json",
  ],
});

export const coverageReport = command({
  path: "report coverage",
  help: "help.report.coverage",
  options: {
    months: option("--months <n>", "opt.orgReportMonths"),
    format: option("--format <format>", "opt.orgReportFormat", { choices: ["md", "html"] }),
    out: option("--out <file>", "opt.out"),
  },
  examples: ["report coverage", "report coverage --months 3", "report coverage --json"],
});

export const listeningReport = command({
  path: "report listening",
  help: "help.report.listening",
  options: {
    since: option("--since <date>", "opt.listeningSince"),
    format: option("--format <format>", "opt.orgReportFormat", { choices: ["md", "html"] }),
    out: option("--out <file>", "opt.out"),
  },
  examples: [
    "report listening",
    "report listening --since -1y --format html --out zuhoeren.html",
    "report listening --json",
  ],
});

export const commitments = command({
  path: "report commitments",
  help: "help.report.commitments",
  options: {
    since: option("--since <date>", "opt.reportCommitmentsSince"),
    format: option("--format <format>", "opt.organizingReportFormat", { choices: ["md", "html"] }),
    out: option("--out <file>", "opt.out"),
  },
  examples: [
    "report commitments",
    "report commitments --since 1.1.2027 --json",
    "report commitments --format md --out zusagen.md",
  ],
});

export const attendance = command({
  path: "report attendance",
  help: "help.report.attendance",
  options: {
    since: option("--since <date>", "opt.reportAttendanceSince"),
    format: option("--format <format>", "opt.organizingReportFormat", { choices: ["md", "html"] }),
    out: option("--out <file>", "opt.out"),
  },
  examples: [
    "report attendance",
    "report attendance --since -1y",
    "report attendance --json",
    "report attendance --format md",
  ],
});

export const annual = command({
  path: "report annual",
  args: ["<year>"],
  help: "help.report.annual",
  options: {
    format: option("--format <format>", "opt.annualFormat", { choices: ["md", "html"] }),
    out: option("--out <file>", "opt.out"),
  },
  examples: [
    "report annual 2026",
    "report annual 2026 --format html --out jahresbericht-2026.html",
    "report annual 2026 --lang en --json",
  ],
});

const handlers = () => import("./handlers.js");

/** In the order of the help's command lists. */
export const commands: Runnable[] = [
  report,
  lazy(agenda, handlers, "agenda"),
  lazy(minutes, handlers, "minutes"),
  lazy(conversations, () => import("../conversations/reports.js"), "conversations"),
  lazy(coverageReport, () => import("../conversations/reports.js"), "coverageReport"),
  lazy(listeningReport, () => import("../conversations/reports.js"), "listeningReport"),
  lazy(commitments, handlers, "commitments"),
  lazy(attendance, handlers, "attendance"),
  annual, // handled in src/app (app/commands.ts): every area adds its section
];
