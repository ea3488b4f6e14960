import type { ChalkInstance } from "chalk";
import stringWidth from "fast-string-width";
import { createRequire } from "node:module";
import type { Context } from "./context.js";
import { io } from "./io.js";

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

/** A table on a terminal, or plain aligned columns in a pipe: the same data either way. */
export function printTable(ctx: Context, head: string[], rows: unknown[][]): void {
  const cells = rows.map((row) => row.map(cell));
  if (ctx.color && cells.length <= BOXED_ROWS) {
    // cli-table3 draws the boxed table for people at a terminal. It is loaded only here: scripts read plain
    // columns, and the benchmark measured its set-up and per-cell work at tens of milliseconds on long lists.
    const Table = createRequire(import.meta.url)("cli-table3") as typeof import("cli-table3");
    const c = colours(ctx);
    const table = new Table({ head: head.map((h) => c.bold(h)), style: { head: [], border: [] }, chars: ROW_SEPARATORS_OFF });
    for (const row of cells) table.push(row);
    io().stdout.write(`${table.toString()}\n`);
    return;
  }
  // In a pipe, and for a long list on a terminal (cli-table3 builds the whole box in memory: 150,000 audit entries
  // took minutes and gigabytes): columns two spaces apart, padded by display width, for grep and awk.
  const widths = head.map(displayWidth);
  for (const row of cells) fitWidths(widths, row);
  printStreamedTable(ctx, head, widths, cells);
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
export function printTableTwice(ctx: Context, head: string[], rawRows: () => Iterable<string[]>): number {
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
  if (ctx.color && count <= BOXED_ROWS) printTable(ctx, head, [...rows()]);
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
    io().stdout.write(`${c.bold(label.padEnd(width))}  ${cell(value)}\n`);
  }
}

export function heading(ctx: Context, text: string): void {
  io().stdout.write(`\n${colours(ctx).bold.underline(sanitize(text))}\n`);
}

/** Primary output: a line on stdout. */
export function say(text: string): void {
  io().stdout.write(`${sanitize(text)}\n`);
}

/** Secondary output (warnings, hints): a line on stderr. */
export function warn(ctx: Context, text: string): void {
  io().stderr.write(`${colours(ctx).yellow(ctx.t("label.warning"))}: ${sanitize(text)}\n`);
}

export function note(text: string): void {
  io().stderr.write(`${sanitize(text)}\n`);
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
