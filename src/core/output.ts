import type { ChalkInstance } from "chalk";
import stringWidth from "fast-string-width";
import { createRequire } from "node:module";
import type { Context } from "./context.js";
import { io, type OutStream } from "./io.js";

// C0 and C1 control characters (except tab and newline, which are mapped to spaces in cells), and escape
// sequences whole: CSI (ESC [ or U+009B), and OSC (ESC ], e.g. a window title) up to its terminator.
const CONTROL = /(?:\u001b\[|\u009b)[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** User text as it may be shown on a terminal: no escape sequences or control characters. */
export function sanitize(text: string): string {
  return text.replace(CONTROL, "");
}

/** A value as one table cell: text made safe for the terminal, on one line. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  return sanitize(String(value)).replace(/[\t\n]/g, " ");
}

// chalk costs 20–30 ms to load (measured), so it is loaded only for a terminal with colour. Everywhere else the
// styles are this chainable identity: PLAIN.bold.underline(text) is text.
const PLAIN: ChalkInstance = new Proxy(((text: unknown) => String(text)) as unknown as ChalkInstance, { get: () => PLAIN });
let chalk: ChalkInstance | undefined;

/** Loads chalk when this run shows colour; awaited before a command runs, since chalk is an ES module. */
export async function loadColours(ctx: Context): Promise<void> {
  if (ctx.color && chalk === undefined) chalk = new (await import("chalk")).Chalk({ level: 1 });
}

export function colours(ctx: Context): ChalkInstance {
  return ctx.color && chalk !== undefined ? chalk : PLAIN;
}

export function printJson(value: unknown): void {
  io().stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A JSON array written element by element (as printJson would print it), for lists of any length. */
export function printJsonLines(items: Iterable<unknown>): void {
  for (const text of jsonArrayParts(items, "")) io().stdout.write(text);
  io().stdout.write("\n");
}

/**
 * An object whose `listKey` holds a list of any length, written as printJson would print
 * `{ ...fields, [listKey]: [...items] }`, the list element by element.
 */
export function printJsonWithList(fields: Record<string, unknown>, listKey: string, items: Iterable<unknown>): void {
  const head = JSON.stringify({ ...fields, [listKey]: [] }, null, 2);
  io().stdout.write(head.slice(0, head.lastIndexOf("[]")));
  for (const text of jsonArrayParts(items, "  ")) io().stdout.write(text);
  io().stdout.write("\n}\n");
}

/** The JSON text of an array indented by `indent`, a thousand elements per part. */
export function* jsonArrayParts(items: Iterable<unknown>, indent: string): Generator<string> {
  let chunk: string[] = [];
  let first = true;
  for (const item of items) {
    const text = JSON.stringify(item, null, 2).replace(/\n/g, `\n  ${indent}`);
    chunk.push(`${first ? "[\n" : ",\n"}  ${indent}${text}`);
    first = false;
    if (chunk.length >= 1000) {
      yield chunk.join("");
      chunk = [];
    }
  }
  chunk.push(first ? "[]" : `\n${indent}]`);
  yield chunk.join("");
}

const ROW_SEPARATORS_OFF = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };

/**
 * How a list wants one of its columns shown on a terminal narrower than the table: `priority` (higher stays
 * longer; by default the earlier column is the more important), `align` ("right" for money and counts; by default
 * right when every cell is a number or an amount), `wrap` (long text wrapped at word boundaries within its share;
 * by default any column that is not right-aligned). A column that may not wrap keeps its width, and is cut with
 * "…" only when it alone is wider than the terminal. Pipes ignore all of it: plain, unlimited columns.
 */
export interface Column {
  priority?: number;
  align?: "left" | "right";
  wrap?: boolean;
}

/** A table on a terminal, or plain aligned columns in a pipe: the same data either way. */
export function printTable(ctx: Context, head: string[], rows: unknown[][], columns?: Column[]): void {
  const cells = rows.map((row) => row.map(cell));
  const widths = head.map(displayWidth);
  for (const row of cells) fitWidths(widths, row);
  const fit = io().stdout.isTTY === true ? fitTerminal(ctx, head, widths, cells, columns, ctx.color && cells.length <= BOXED_ROWS) : undefined;
  if (fit && fit.boxed) {
    // cli-table3 draws the boxed table for people at a terminal. It is loaded only here: scripts read plain
    // columns, and the benchmark measured its set-up and per-cell work at tens of milliseconds on long lists.
    const Table = createRequire(import.meta.url)("cli-table3") as typeof import("cli-table3");
    const c = colours(ctx);
    const table = new Table({
      head: fit.head.map((h) => c.bold(h)),
      colAligns: fit.aligns,
      style: { head: [], border: [] },
      chars: ROW_SEPARATORS_OFF,
    });
    for (const row of fit.rows) table.push(row);
    io().stdout.write(`${table.toString()}\n`);
  } else if (fit) {
    printFitted(ctx, fit);
  } else {
    // In a pipe, and for a long list on a terminal (cli-table3 builds the whole box in memory: 150,000 audit entries
    // took minutes and gigabytes): columns two spaces apart, padded by display width, for grep and awk.
    printStreamedTable(ctx, head, widths, cells);
  }
  if (fit && fit.hidden > 0) note(ctx.t("table.hidden", { count: fit.hidden }));
}

interface Fitted {
  boxed: boolean;
  head: string[];
  /** Each cell as its lines (joined by newlines), cut or wrapped to its column's width. */
  rows: string[][];
  widths: number[];
  aligns: Array<"left" | "right">;
  hidden: number;
}

/** The terminal's width in columns: 80 when it does not say. */
export function terminalColumns(): number {
  const columns = io().stdout.columns;
  return columns !== undefined && columns > 0 ? columns : 80;
}

/**
 * The table made to fit the terminal: low-priority columns left out while the others cannot fit even at their
 * narrowest, then the widest wrapping columns narrowed until the table fits. `--wide` shows every column at its
 * full width.
 */
function fitTerminal(ctx: Context, head: string[], natural: number[], cells: string[][], columns: Column[] | undefined, boxed: boolean): Fitted {
  const n = head.length;
  const aligns = head.map((_, i) => columns?.[i]?.align ?? (cells.length > 0 && cells.every((row) => NUMERIC.test(row[i] ?? "")) ? "right" : "left"));
  const wraps = head.map((_, i) => columns?.[i]?.wrap ?? aligns[i] === "left");
  const priorities = head.map((_, i) => columns?.[i]?.priority ?? n - i);
  const total = ctx.options.wide === true ? Infinity : terminalColumns();
  // A box takes "│ " before each cell, " " after it and "│" at the end; plain columns are two spaces apart.
  const overhead = (count: number) => (boxed ? 3 * count + 1 : 2 * (count - 1));
  const minimum = (i: number) => (wraps[i] ? Math.min(natural[i]!, Math.max(MIN_WRAP, displayWidth(head[i]!))) : natural[i]!);
  const shown = head.map((_, i) => i);
  const sum = (of: (i: number) => number) => shown.reduce((s, i) => s + of(i), 0);
  while (shown.length > 1 && sum(minimum) + overhead(shown.length) > total) {
    let drop = 0;
    for (let k = 1; k < shown.length; k++) if (priorities[shown[k]!]! <= priorities[shown[drop]!]!) drop = k;
    shown.splice(drop, 1);
  }
  const widths = shown.map((i) => natural[i]!);
  const room = total - overhead(shown.length);
  // Narrow the widest wrapping column one step at a time (the column widths are few, the steps cheap).
  for (let excess = widths.reduce((s, w) => s + w, 0) - room; excess > 0; excess--) {
    let widest = -1;
    for (let k = 0; k < shown.length; k++) {
      const i = shown[k]!;
      if (wraps[i] && widths[k]! > minimum(i) && (widest < 0 || widths[k]! > widths[widest]!)) widest = k;
    }
    if (widest < 0) {
      // Nothing left to wrap: a single column wider than the terminal is cut.
      if (shown.length === 1) widths[0] = Math.max(1, room);
      break;
    }
    widths[widest]!--;
  }
  const shape = (text: string, k: number) => {
    const width = widths[k]!;
    if (displayWidth(text) <= width) return text;
    return wraps[shown[k]!] ? wrapText(text, width).join("\n") : clip(text, width);
  };
  return {
    boxed,
    head: shown.map((i, k) => shape(head[i]!, k)),
    rows: cells.map((row) => shown.map((i, k) => shape(row[i] ?? "", k))),
    widths,
    aligns: shown.map((i) => aligns[i]!),
    hidden: n - shown.length,
  };
}

/** Numbers, amounts ("1.234,56 €", "€1,234.56", "-5"), percentages and counts: right-aligned on a terminal. */
const NUMERIC = /^$|^[-−+]?(?:[€$]\s?)?\d{1,3}(?:(?:[.,\u202f\u00a0 ]\d{3})*|\d*)(?:[.,]\d+)?(?:\s?(?:€|%))?$/;

/** A wrapping column is never narrowed below this (or its heading). */
const MIN_WRAP = 12;

/** `text` cut to `width` columns, ending in "…". */
export function clip(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * `text` in lines of at most `width` columns, broken at spaces, and where a word is longer than a line after its
 * hyphens ("Alt-Schöneweide"); a part still longer than a line is cut with "…".
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    const parts = displayWidth(word) > width ? word.split(/(?<=-)(?=.)/).map((part) => clip(part, width)) : [word];
    parts.forEach((piece, k) => {
      const glue = k === 0 ? " " : "";
      if (line === "") line = piece;
      else if (displayWidth(line) + glue.length + displayWidth(piece) <= width) line += glue + piece;
      else {
        lines.push(line);
        line = piece;
      }
    });
  }
  lines.push(line);
  return lines;
}

/** A fitted table without boxes (NO_COLOR, or a long list): wrapped cells take several lines. */
function printFitted(ctx: Context, fit: Fitted): void {
  const bold = colours(ctx).bold;
  const out: string[] = [];
  const emit = (row: string[], style?: (text: string) => string) => {
    const parts = row.map((text) => text.split("\n"));
    const height = Math.max(...parts.map((p) => p.length));
    for (let l = 0; l < height; l++) {
      const line = parts.map((p) => p[l] ?? "");
      const padded = fit.widths.map((width, k) => {
        const text = line[k]!;
        const pad = " ".repeat(Math.max(0, width - displayWidth(text)));
        const shown = style && text !== "" ? style(text) : text;
        return fit.aligns[k] === "right" ? pad + shown : shown + pad;
      });
      out.push(padded.join("  ").trimEnd());
    }
  };
  emit(fit.head, ctx.color ? (h) => bold(h) : undefined);
  for (const row of fit.rows) {
    emit(row);
    if (out.length >= 1000) {
      io().stdout.write(`${out.join("\n")}\n`);
      out.length = 0;
    }
  }
  if (out.length > 0) io().stdout.write(`${out.join("\n")}\n`);
}

// Printable ASCII, the Latin letters (umlauts, ß, Ş, ł …), dashes, quotes and currency signs are one column each,
// as fast-string-width counts them too: for such text, which is nearly all of it, the length is the width. The
// library's general rules cost 20–25 ms on a list of 4,000 people, and its first call compiles large Unicode
// patterns.
const ONE_COLUMN_EACH = /^[\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]*$/;

/** The number of terminal columns a cell takes (wide characters count two, escape sequences none). */
export function displayWidth(text: string): number {
  return ONE_COLUMN_EACH.test(text) ? text.length : stringWidth(text);
}

/** Up to this many rows a terminal table gets cli-table3's boxes. */
export const BOXED_ROWS = 1000;

/**
 * A table too long to hold: the caller reads its rows twice, once for the column widths (`widths`, which start
 * from the head's) and once to print them here, a thousand lines at a time, under a bold header on a terminal.
 */
export function printStreamedTable(ctx: Context, head: string[], widths: number[], rows: Iterable<string[]>): void {
  const bold = colours(ctx).bold;
  let chunk: string[] = [alignedLine(widths, head, ctx.color ? head.map((h) => bold(h)) : head)];
  for (const cells of rows) {
    chunk.push(alignedLine(widths, cells));
    if (chunk.length >= 1000) {
      io().stdout.write(`${chunk.join("\n")}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) io().stdout.write(`${chunk.join("\n")}\n`);
}

/**
 * A table of any length, read twice from `rows` (a fresh iteration each call): once for the column widths, once
 * to print. Up to BOXED_ROWS rows a terminal gets the boxed table. Returns the number of rows (0: nothing printed).
 */
export function printTableTwice(ctx: Context, head: string[], rawRows: () => Iterable<string[]>, columns?: Column[]): number {
  const rows = function* () {
    for (const cells of rawRows()) yield cells.map(cell);
  };
  const widths = head.map(displayWidth);
  let count = 0;
  for (const cells of rows()) {
    fitWidths(widths, cells);
    count++;
  }
  if (count === 0) return 0;
  // A terminal's table is fitted to its width, and so is held; a long list there keeps full-width lines.
  if (io().stdout.isTTY === true && count <= BOXED_ROWS) printTable(ctx, head, [...rows()], columns);
  else printStreamedTable(ctx, head, widths, rows());
  return count;
}

/** Widens `widths` to fit `cells` (by display width). */
export function fitWidths(widths: number[], cells: string[]): void {
  for (let i = 0; i < cells.length; i++) widths[i] = Math.max(widths[i] ?? 0, displayWidth(cells[i]!));
}

/** Rows as aligned columns without trailing spaces. Plain loops: a list may have hundreds of thousands of rows. */
export function plainColumns(lines: string[][]): string {
  const widths: number[] = [];
  for (const line of lines) fitWidths(widths, line);
  return lines.map((line) => alignedLine(widths, line)).join("\n");
}

/** One line of aligned columns, two spaces apart, without trailing spaces; `shown` may add escape sequences (bold). */
function alignedLine(widths: number[], cells: string[], shown: string[] = cells): string {
  return widths.map((width, i) => (shown[i] ?? "") + " ".repeat(width - displayWidth(cells[i] ?? ""))).join("  ").trimEnd();
}

/** Label/value lines for `show` commands. */
export function printDetails(ctx: Context, pairs: Array<[string, unknown]>): void {
  const c = colours(ctx);
  const width = Math.max(...pairs.map(([label]) => label.length));
  for (const [label, value] of pairs) {
    if (value === null || value === undefined || value === "") continue;
    // On a terminal a long value wraps at word boundaries, its further lines under its first.
    const room = terminalColumns() - width - 2;
    const text = cell(value);
    const lines = io().stdout.isTTY === true && ctx.options.wide !== true && displayWidth(text) > room ? wrapText(text, Math.max(MIN_WRAP, room)) : [text];
    io().stdout.write(`${c.bold(label.padEnd(width))}  ${lines.join(`\n${" ".repeat(width + 2)}`)}\n`);
  }
}

export function heading(ctx: Context, text: string): void {
  io().stdout.write(`\n${colours(ctx).bold.underline(sanitize(text))}\n`);
}

/** Primary output: a line on stdout. */
export function say(text: string): void {
  io().stdout.write(`${fitLines(io().stdout, sanitize(text))}\n`);
}

/**
 * Text for a terminal: each line wider than it wrapped at word boundaries, its further lines indented under the
 * first's text (after a bullet "• " or "- "). Pipes and files get the text as it is.
 */
export function fitLines(stream: OutStream, text: string): string {
  if (stream.isTTY !== true) return text;
  const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
  return text
    .split("\n")
    .map((line) => {
      if (displayWidth(line) <= columns) return line;
      const indent = /^ *(?:[•\-*] )?/.exec(line)![0].length;
      const room = Math.max(MIN_WRAP, columns - indent);
      return wrapText(line.slice(indent), room)
        .map((part, k) => (k === 0 ? line.slice(0, indent) : " ".repeat(indent)) + part)
        .join("\n");
    })
    .join("\n");
}

/** Secondary output (warnings, hints): a line on stderr. */
export function warn(ctx: Context, text: string): void {
  io().stderr.write(`${fitLines(io().stderr, `${colours(ctx).yellow(ctx.t("label.warning"))}: ${sanitize(text)}`)}\n`);
}

export function note(text: string): void {
  io().stderr.write(`${fitLines(io().stderr, sanitize(text))}\n`);
}

/** The data file of this run (with its -wal, -shm and -journal): no `--out` may write over it. */
let guarded: string[] = [];

/** Called by each run's Context: its data file is never a target of `writeOut`. */
export function guardFromOutput(dataFile: string): void {
  guarded = ["", "-wal", "-shm", "-journal"].map((suffix) => dataFile + suffix);
}

/**
 * Writes `content` to the file `path` (mode 0600), or to standard output without a path. The file is written
 * to a temporary name in the same folder and renamed into place, so that a failed write (a full disk) leaves
 * an existing file as it was. The data file, its companions and any link to them are refused as targets; a
 * symbolic link to another file is written through. `content` may come in parts, written as they are made, so
 * that an export of any length is never held whole.
 */
export async function writeOut(path: string | undefined, content: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  const parts: Iterable<string | Uint8Array> = typeof content === "string" || content instanceof Uint8Array ? [content] : content;
  if (!path) {
    let last = "";
    for (const part of parts) {
      if (part.length === 0) continue;
      io().stdout.write(part);
      last = typeof part === "string" ? part.slice(-1) : part[part.length - 1] === 0x0a ? "\n" : "";
    }
    if (typeof content === "string" && last !== "\n") io().stdout.write("\n");
    return;
  }
  const fs = await import("node:fs");
  const { basename, dirname, join, resolve } = await import("node:path");
  const { CliError } = await import("./errors.js");
  let target = resolve(path);
  if (fs.existsSync(target)) {
    if (fs.statSync(target).isDirectory()) throw new CliError("error.outIsDirectory", { path: target });
    target = fs.realpathSync(target);
  }
  const dir = dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new CliError("error.noSuchDirectory", { path: dir });
  if (isGuarded(fs, resolve, target)) throw new CliError("error.outIsDataFile", { path: resolve(path) }, 1, "error.outIsDataFile.hint");
  const temp = join(dir, `.${basename(target)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, "wx", 0o600);
    for (const part of parts) {
      const bytes = typeof part === "string" ? Buffer.from(part, "utf8") : part;
      for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    if (error instanceof CliError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "ENOSPC" || code === "EDQUOT") throw new CliError("error.diskFull", { path: target });
    throw new CliError("error.cannotWrite", { path: target });
  }
}

/** Whether `target` is the data file or a companion of it, by name, through a link, or as a hard link. */
function isGuarded(fs: typeof import("node:fs"), resolve: (p: string) => string, target: string): boolean {
  const here = fs.existsSync(target) ? fs.statSync(target) : undefined;
  return guarded.some((file) => {
    const path = resolve(file);
    if (path === target) return true;
    if (!fs.existsSync(path)) return false;
    if (fs.realpathSync(path) === target) return true;
    const there = fs.statSync(path);
    return here !== undefined && here.dev === there.dev && here.ino === there.ino;
  });
}
