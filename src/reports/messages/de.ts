// The German words of the reports area, typed as the same keys as en.ts, so a missing one does not compile.
import type { Messages } from "../../core/i18n.js";
import type { en } from "./en.js";

export const de: Messages<typeof en> = {
  "minutes.none": "stattgefunden, ohne Protokoll",
  "help.report": "Berichte: Einladung mit Tagesordnung und Protokoll einer Sitzung, die Berichte der Organizing-Arbeit, der Jahresbericht",
  "help.report.agenda": "Die Einladung: Datum, Ort, Tagesordnung mit Berichterstattung und Dauer, Protokoll zur Genehmigung, fällige Aufgaben",
  "help.report.minutes": "Das Protokoll einer Sitzung, als Markdown, druckbares HTML oder PDF",
  "opt.agendaFormat": "md oder html (Standard: md)",
  "opt.minutesFormat": "md, html oder pdf (Standard: md)",
  "error.pdfToTerminal": "ein PDF wird nicht auf das Terminal geschrieben",
  "error.pdfToTerminal.hint": "--out <datei.pdf> angeben oder umleiten: > protokoll.pdf",
  "help.report.commitments": "Zusagen nach Entscheidungsträger/in und Institution, mit Einhaltungsquote und den überfälligen",
  "help.report.attendance": "Die Anwesenheit jeder Mitgliedsgruppe im Kernkreis, mit den Gruppen, die abdriften",
  "help.report.annual": "Der Jahresbericht, als Markdown oder druckbares HTML",
  "opt.reportCommitmentsSince": "nur Zusagen ab diesem Datum",
  "opt.reportAttendanceSince": "nur Kernkreise ab diesem Datum",
  "opt.organizingReportFormat": "md oder html statt der Tabelle im Terminal",
  "opt.annualFormat": "md oder html (Standard: md)",
  "error.reports.invalidYear": "„{value}“ ist keine Jahreszahl",
  "help.report.conversations": "Gespräche je Gesprächsführung und Monat, neue Personen und Wiederholungen",
  "help.report.coverage": "Schlüsselpersonen je Gruppe und wann zuletzt jemand mit ihnen sprach; kalte markiert",
  "help.report.listening": "Themen nach der Zahl verschiedener Personen und Gruppen, die sie nannten, je Quartal (ohne --since die letzten 12 Monate)",
  "opt.orgReportSince": "erst ab diesem Datum (Vorgabe: alles)",
  "opt.orgReportMonths": "Monate ohne Gespräch, nach denen eine Schlüsselperson als kalt gilt (Vorgabe: 6)",
  "opt.orgReportFormat": "md oder html (Vorgabe: eine Tabelle im Terminal)",
};
