// The man page, man/plattform.1 (English) and man/de/plattform.1 (German), written from the command definitions
// by scripts/man.mjs: every command with its arguments, options and help text in the catalogue's words. The page is
// committed, so that `npm install` installs it (package.json "man"); test/cli/man.test.ts keeps it current.
import { loadMessages, translate, type Lang, type MessageKey } from "../core/i18n.js";
import { CODE_LISTS, GLOBAL_OPTIONS } from "./complete.js";
import { PROGRAM_EXAMPLES } from "./program.js";
import { commandTree, type LeafCommand } from "./tree.js";

/** The page's own words: section names and the few sentences the catalogues do not hold. */
const WORDS = {
  en: {
    name: "NAME",
    synopsis: "SYNOPSIS",
    description: "DESCRIPTION",
    commands: "COMMANDS",
    globalOptions: "GLOBAL OPTIONS",
    environment: "ENVIRONMENT",
    files: "FILES",
    exitStatus: "EXIT STATUS",
    examples: "EXAMPLES",
    seeAlso: "SEE ALSO",
    manual: "User Commands",
    command: "command",
    arguments: "arguments",
    options: "options",
    intro: [
      "Every command has --help, which starts with examples. Global options are accepted before or after the command.",
      "Entities are named by numeric id or by their unique name; groups also by their short code, meetings also by next, last or a date.",
    ],
    alias: "Alias:",
    writes: "Changes the data file (recorded in the audit log).",
    values: "Values:",
    required: "Required.",
    environmentList: [
      ["PLATTFORM_DB", "the data file, when --db is not given"],
      ["PLATTFORM_LANG", "the language of messages and reports (de or en), when --lang is not given"],
      ["PLATTFORM_USER", "who acts, for the audit log, when --as is not given; else the login name"],
      ["PLATTFORM_SMTP_PASSWORD", "the SMTP password for meetings invite; else it is asked on a terminal"],
      ["NO_COLOR", "plain output without colour, as --no-color"],
      ["DEBUG", "DEBUG=plattform shows stack traces on errors, as --debug"],
      ["LC_ALL, LC_MESSAGES, LANG", "a German locale (de_DE.UTF-8) selects German when neither --lang, PLATTFORM_LANG nor the platform's setting does"],
      ["XDG_DATA_HOME, XDG_CONFIG_HOME", "where the default data file and the config file lie"],
    ],
    filesList: [
      ["$XDG_DATA_HOME/plattform/plattform.db", "the data file when neither --db, PLATTFORM_DB nor the config file names one (~/.local/share/plattform/plattform.db)"],
      ["$XDG_CONFIG_HOME/plattform/config.json", 'the config file; {"db": "<file>"} names the data file (a relative path is relative to its folder)'],
    ],
    exitList: [
      ["0", "success"],
      ["1", "the request cannot be done: invalid value, unknown name, conflict, rule violated; plattform check found a problem"],
      ["2", "usage error: unknown command or option, missing argument"],
      ["3", "the data file is unusable: missing (run plattform init), locked, corrupt, or of a newer schema"],
      ["70", "internal error: a bug, please report it with the command and the --debug output"],
    ],
    seeAlsoText: "sqlite3(1); README.md and docs/CLI.md in the package, which document every command and the JSON shapes.",
  },
  de: {
    name: "BEZEICHNUNG",
    synopsis: "ÜBERSICHT",
    description: "BESCHREIBUNG",
    commands: "BEFEHLE",
    globalOptions: "GLOBALE OPTIONEN",
    environment: "UMGEBUNGSVARIABLEN",
    files: "DATEIEN",
    exitStatus: "EXIT-STATUS",
    examples: "BEISPIELE",
    seeAlso: "SIEHE AUCH",
    manual: "Benutzerbefehle",
    command: "Befehl",
    arguments: "Argumente",
    options: "Optionen",
    intro: [
      "Jeder Befehl hat --help, das mit Beispielen beginnt. Globale Optionen stehen vor oder nach dem Befehl.",
      "Einträge werden mit ihrer Nummer oder ihrem eindeutigen Namen genannt, Gruppen auch mit ihrem Kürzel, Sitzungen auch mit next, last oder einem Datum.",
    ],
    alias: "Alias:",
    writes: "Ändert die Datendatei (im Änderungsprotokoll vermerkt).",
    values: "Werte:",
    required: "Pflicht.",
    environmentList: [
      ["PLATTFORM_DB", "die Datendatei, wenn --db fehlt"],
      ["PLATTFORM_LANG", "die Sprache der Meldungen und Berichte (de oder en), wenn --lang fehlt"],
      ["PLATTFORM_USER", "wer handelt, für das Änderungsprotokoll, wenn --as fehlt; sonst der Anmeldename"],
      ["PLATTFORM_SMTP_PASSWORD", "das SMTP-Passwort für meetings invite; sonst wird es am Terminal erfragt"],
      ["NO_COLOR", "schlichte Ausgabe ohne Farbe, wie --no-color"],
      ["DEBUG", "DEBUG=plattform zeigt bei Fehlern den Stacktrace, wie --debug"],
      ["LC_ALL, LC_MESSAGES, LANG", "eine deutsche Locale (de_DE.UTF-8) wählt Deutsch, wenn weder --lang, PLATTFORM_LANG noch die Einstellung der Plattform es tun"],
      ["XDG_DATA_HOME, XDG_CONFIG_HOME", "wo die vorgegebene Datendatei und die Konfigurationsdatei liegen"],
    ],
    filesList: [
      ["$XDG_DATA_HOME/plattform/plattform.db", "die Datendatei, wenn weder --db, PLATTFORM_DB noch die Konfigurationsdatei eine nennen (~/.local/share/plattform/plattform.db)"],
      ["$XDG_CONFIG_HOME/plattform/config.json", 'die Konfigurationsdatei; {"db": "<Datei>"} nennt die Datendatei (ein relativer Pfad gilt relativ zu ihrem Ordner)'],
    ],
    exitList: [
      ["0", "Erfolg"],
      ["1", "die Anfrage ist nicht ausführbar: ungültiger Wert, unbekannter Name, Konflikt, verletzte Regel; plattform check hat ein Problem gefunden"],
      ["2", "Aufruffehler: unbekannter Befehl oder unbekannte Option, fehlendes Argument"],
      ["3", "die Datendatei ist unbrauchbar: fehlt (plattform init ausführen), gesperrt, beschädigt oder von einem neueren Schema"],
      ["70", "interner Fehler: ein Programmfehler, bitte mit dem Befehl und der Ausgabe von --debug melden"],
    ],
    seeAlsoText: "sqlite3(1); README.md und docs/CLI.md im Paket (englisch), die jeden Befehl und die JSON-Formen beschreiben.",
  },
} as const satisfies Record<Lang, unknown>;

/**
 * Text for roff: backslashes as \e, every character beyond ASCII as \[uXXXX] (the page is ASCII, so no reader
 * needs to guess its encoding), a leading . or ' protected by \&. With `code`, every hyphen is a minus (\-), as
 * options and values are typed; else only the dashes that start an option in running text.
 */
export function roff(text: string, code = false): string {
  let out = text.replace(/\\/g, "\\e");
  out = code ? out.replace(/-/g, "\\-") : out.replace(/(^|[\s([`"'/|=])(-+)(?=[A-Za-z0-9])/g, (_, before: string, dashes: string) => before + dashes.replace(/-/g, "\\-"));
  out = out.replace(/[^\x00-\x7f]/gu, (c) => `\\[u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}]`);
  return out.replace(/^[.']/gm, "\\&$&");
}

const bold = (text: string) => `\\fB${roff(text, true)}\\fR`;
const italic = (text: string) => `\\fI${roff(text, true)}\\fR`;

/** "--kind <kind>" → bold flag, italic placeholder. */
function flags(spec: string): string {
  return spec
    .split(/ (?=[<[])/)
    .map((part, i) => (i === 0 ? bold(part) : italic(part)))
    .join(" ");
}

/** A definition list: .TP, the term, its text. */
function entries(list: ReadonlyArray<readonly [string, string]>, term: (text: string) => string = bold): string[] {
  return list.flatMap(([name, text]) => [".TP", term(name), roff(text)]);
}

function commandSection(command: LeafCommand, t: (key: string) => string, words: (typeof WORDS)[Lang]): string[] {
  const lines = [`.SS ${roff(command.path, true)}`];
  const usage = [bold(`plattform ${command.path}`), ...command.args.map(italic)];
  if (command.specs.length > 0) usage.push(`[${italic(words.options)}]`);
  lines.push(usage.join(" "), ".br", roff(t(command.help)));
  const notes = [command.alias ? `${words.alias} ${bold(command.alias)}` : "", command.write ? roff(words.writes) : ""].filter(Boolean);
  if (notes.length > 0) lines.push(".br", notes.join(" "));
  if (command.specs.length > 0) {
    lines.push(".RS");
    for (const spec of command.specs) {
      lines.push(".TP", flags(spec.flags), roff(t(spec.help)), ...values(spec.choices, words));
      if (spec.mandatory) lines.push(".br", roff(words.required));
    }
    lines.push(".RE");
  }
  if (command.examples.length > 0) lines.push(".PP", ".RS", ...examples(command.examples), ".RE");
  return lines;
}

/** The words an option allows, on a line of their own: "Values: csv | json | xlsx". */
function values(list: readonly string[] | undefined, words: (typeof WORDS)[Lang]): string[] {
  return list ? [".br", `${roff(words.values)} ${list.map(bold).join(" | ")}`] : [];
}

function examples(list: readonly string[]): string[] {
  return [".nf", ...list.map((example) => roff(`$ plattform ${example}`, true)), ".fi"];
}

/** "--no-input" → opt.noInput, the key of its help text in the program's options. */
function globalHelpKey(long: string): string {
  return `opt.${long.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}`;
}

/** The man page in one language, for the package's version. */
export async function manPage(lang: Lang, version: string, commands: readonly LeafCommand[] = commandTree()): Promise<string> {
  await loadMessages(lang);
  const t = (key: string) => translate(lang, key as MessageKey);
  const words = WORDS[lang];
  const globals = GLOBAL_OPTIONS.map((o) => ({
    spec: o.long === "--help" ? "-h, --help" : o.value ? `${o.long} <${o.value}>` : o.long,
    help: t(globalHelpKey(o.long)),
    allowed: o.value ? CODE_LISTS[o.value]?.[""] : undefined,
  }));
  globals.push({ spec: "-V, --version", help: t("opt.version"), allowed: undefined });
  const lines = [
    `.\\" Generated by scripts/man.mjs from the command definitions (src/cli/man.ts); do not edit: npm run man`,
    `.TH PLATTFORM 1 "" "plattform ${roff(version, true)}" "${words.manual}"`,
    `.SH ${roff(words.name)}`,
    `plattform \\- ${roff(t("help.program"))}`,
    `.SH ${roff(words.synopsis)}`,
    `${bold("plattform")} [${italic(words.options)}] ${italic(words.command)} [${italic(words.arguments)}]`,
    `.SH ${roff(words.description)}`,
    roff(t("help.program")),
    ...words.intro.flatMap((text) => [".PP", roff(text)]),
    `.SH ${roff(words.commands)}`,
    ...commands.flatMap((command) => commandSection(command, t, words)),
    `.SH ${roff(words.globalOptions)}`,
    ...globals.flatMap(({ spec, help, allowed }) => [".TP", spec.split(", ").map(flags).join(", "), roff(help), ...values(allowed, words)]),
    `.SH ${roff(words.environment)}`,
    ...entries(words.environmentList),
    `.SH ${roff(words.files)}`,
    ...entries(words.filesList, italic),
    `.SH ${roff(words.exitStatus)}`,
    ...entries(words.exitList),
    `.SH ${roff(words.examples)}`,
    ...examples(PROGRAM_EXAMPLES),
    `.SH ${roff(words.seeAlso)}`,
    roff(words.seeAlsoText),
  ];
  return `${lines.join("\n")}\n`;
}
