import type { Context } from "./context.js";
import { renderTable, styles, type Style } from "./terminal.js";

// C0 and C1 control characters (except tab and newline, which are mapped to spaces in cells), and escape
// sequences whole: CSI (ESC [ or U+009B), and OSC (ESC ], e.g. a window title) up to its terminator.
const CONTROL = /(?:\u001b\[|\u009b)[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** User text as it may be shown on a terminal: no escape sequences or control characters. */
export function sanitize(text: string): string {
  return text.replace(CONTROL, "");
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  return sanitize(String(value)).replace(/[\t\n]/g, " ");
}

export function colours(ctx: Context): Style {
  return styles(ctx.color);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A table on a terminal, or plain aligned columns in a pipe: the same data either way. */
export function printTable(ctx: Context, head: string[], rows: unknown[][]): void {
  const c = colours(ctx);
  // On a terminal: a boxed table; in a pipe: plain aligned columns that grep and awk read easily.
  const text = renderTable(head.map((h) => c.bold(h)), rows.map((row) => row.map(cell)), ctx.color);
  process.stdout.write(`${ctx.color ? text : text.replace(/ +$/gm, "")}\n`);
}

/** Label/value lines for `show` commands. */
export function printDetails(ctx: Context, pairs: Array<[string, unknown]>): void {
  const c = colours(ctx);
  const width = Math.max(...pairs.map(([label]) => label.length));
  for (const [label, value] of pairs) {
    if (value === null || value === undefined || value === "") continue;
    process.stdout.write(`${c.bold(label.padEnd(width))}  ${cell(value)}\n`);
  }
}

export function heading(ctx: Context, text: string): void {
  process.stdout.write(`\n${colours(ctx).bold.underline(sanitize(text))}\n`);
}

/** Primary output: a line on stdout. */
export function say(text: string): void {
  process.stdout.write(`${sanitize(text)}\n`);
}

/** Secondary output (warnings, hints): a line on stderr. */
export function warn(ctx: Context, text: string): void {
  process.stderr.write(`${colours(ctx).yellow(ctx.t("label.warning"))}: ${sanitize(text)}\n`);
}

export function note(text: string): void {
  process.stderr.write(`${sanitize(text)}\n`);
}

/**
 * Writes a report or export to --out (readable by its owner only, as it may hold personal data), or to stdout.
 * Text gets a final newline; bytes (a PDF) are written as they are.
 */
export async function writeOut(path: string | undefined, content: string | Uint8Array): Promise<void> {
  if (!path) {
    process.stdout.write(typeof content !== "string" || content.endsWith("\n") ? content : `${content}\n`);
    return;
  }
  const { writeFileSync, chmodSync, existsSync, statSync } = await import("node:fs");
  const { dirname, resolve } = await import("node:path");
  const { CliError } = await import("./errors.js");
  const target = resolve(path);
  const dir = dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError("error.noSuchDirectory", { path: dir });
  if (existsSync(target) && statSync(target).isDirectory()) throw new CliError("error.outIsDirectory", { path: target });
  try {
    writeFileSync(target, content, { mode: 0o600 });
    chmodSync(target, 0o600);
  } catch {
    throw new CliError("error.cannotWrite", { path: target });
  }
}
