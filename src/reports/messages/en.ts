// The English words of the reports area. de.ts has exactly the same keys.
import type { Message } from "../../core/i18n.js";

export const en = {
  "minutes.none": "held, no minutes",
  "help.report": "Reports: the agenda (invitation) and the minutes of a meeting, the organizing reports, the annual report",
  "help.report.agenda": "The invitation: date, place, agenda with presenters and durations, minutes up for approval, tasks due",
  "help.report.minutes": "The minutes (Protokoll) of a meeting, as Markdown, printable HTML or PDF",
  "opt.agendaFormat": "md or html (default: md)",
  "opt.minutesFormat": "md, html or pdf (default: md)",
  "error.pdfToTerminal": "a PDF is not written onto a terminal",
  "error.pdfToTerminal.hint": "add --out <file.pdf>, or redirect: > protokoll.pdf",
  "help.report.commitments": "Commitments by decision maker and body, with the kept rate and the overdue ones",
  "help.report.attendance": "Each member group's attendance at the Kernkreis, with the groups drifting away",
  "help.report.annual": "The annual report (Jahresbericht), as Markdown or printable HTML",
  "opt.reportCommitmentsSince": "only commitments given on or after this date",
  "opt.reportAttendanceSince": "only Kernkreis meetings on or after this date",
  "opt.organizingReportFormat": "md or html instead of the terminal table",
  "opt.annualFormat": "md or html (default: md)",
  "error.reports.invalidYear": "“{value}” is not a year",
  "help.report.conversations": "Conversations per holder per month, new people versus repeat",
  "help.report.coverage": "Key persons per group and when someone last spoke with each; cold ones marked",
  "help.report.listening": "Topics ranked by the distinct people and groups who raised them, per quarter (last 12 months unless --since)",
  "opt.orgReportSince": "only from this date on (default: everything)",
  "opt.orgReportMonths": "months without a conversation that make a key person cold (default: 6)",
  "opt.orgReportFormat": "md or html (default: a table on the terminal)",
} satisfies Record<string, Message>;
