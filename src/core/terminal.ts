// Colour and tables for the terminal, without chalk and cli-table3: the benchmark (npm run bench) measured
// those two at 40–60 ms per command (module set-up, and cli-table3's per-cell work on a 40-row list), more than
// Node's own start. Output is identical to what they printed (test/unit/terminal.test.ts compares them).

/** The styles the CLI uses; each can be chained like chalk's (`c.bold.underline(text)`). */
export type StyleName = "bold" | "dim" | "italic" | "underline" | "red" | "green" | "yellow" | "blue" | "magenta" | "cyan" | "gray";
export type Style = ((text: string) => string) & { readonly [K in StyleName]: Style };

/** The SGR codes (on, off) of util.inspect.colors, which chalk writes too; kept here so node:util is not loaded. */
const CODES: Record<StyleName, readonly [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  gray: [90, 39],
};
const STYLE_NAMES = Object.keys(CODES) as StyleName[];

function makeStyle(formats: readonly StyleName[], enabled: boolean): Style {
  const apply = (text: string): string => {
    if (!enabled) return String(text);
    let out = String(text);
    // Applied inside out, as chalk nests them.
    for (let i = formats.length - 1; i >= 0; i--) {
      const [open, close] = CODES[formats[i]!];
      out = `\u001b[${open}m${out}\u001b[${close}m`;
    }
    return out;
  };
  for (const name of STYLE_NAMES)
    Object.defineProperty(apply, name, { get: () => makeStyle([...formats, name], enabled), enumerable: false });
  return apply as Style;
}

/** Style functions that colour when `enabled`, and return the text unchanged otherwise. */
export function styles(enabled: boolean): Style {
  return makeStyle([], enabled);
}

// ---- width of text on a terminal (as string-width 4, which cli-table3 used)

// eslint-disable-next-line no-control-regex
const ANSI = /[\u001b\u009b][[\]()#;?]*(?:(?:(?:[a-zA-Z\d]*(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;
const EMOJI = /\p{RI}\p{RI}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\uFE0F|\p{EMod})?(?:\u200D\p{Extended_Pictographic}(?:\uFE0F|\p{EMod})?)*/gu;

function isFullwidth(code: number): boolean {
  return (
    code >= 0x1100 &&
    (code <= 0x115f ||
      code === 0x2329 ||
      code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
      (code >= 0x3250 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0xa4c6) ||
      (code >= 0xa960 && code <= 0xa97c) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6b) ||
      (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1b000 && code <= 0x1b001) ||
      (code >= 0x1f200 && code <= 0x1f251) ||
      (code >= 0x20000 && code <= 0x3fffd))
  );
}

/** Columns the text takes on a terminal: wide East Asian characters and emoji count 2, combining marks 0. */
export function displayWidth(text: string): number {
  let plain = text.includes("\u001b") || text.includes("\u009b") ? text.replace(ANSI, "") : text;
  // ASCII only: one column per character (the common case, kept cheap).
  if (/^[\u0020-\u007e]*$/.test(plain)) return plain.length;
  plain = plain.replace(EMOJI, "  ");
  let width = 0;
  for (const ch of plain) {
    const code = ch.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) continue;
    if (code >= 0x300 && code <= 0x36f) continue;
    width += isFullwidth(code) ? 2 : 1;
  }
  return width;
}

// ---- tables

const BOX = { top: ["┌", "─", "┬", "┐"], bottom: ["└", "─", "┴", "┘"], side: "│" } as const;

/**
 * A table as text: on a terminal (`boxed`) with a frame and one space of padding, as cli-table3 drew it with
 * its row separators off; in a pipe, plain columns separated by two spaces. Cells are single-line text.
 */
export function renderTable(head: string[], rows: string[][], boxed: boolean): string {
  const columns = Math.max(head.length, ...rows.map((r) => r.length));
  const all = [head, ...rows];
  const widths = Array.from({ length: columns }, (_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ""))));
  const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));
  if (!boxed) return all.map((r) => widths.map((w, i) => pad(r[i] ?? "", w)).join("  ")).join("\n");
  const rule = ([left, line, mid, right]: readonly string[]) => left + widths.map((w) => line!.repeat(w + 2)).join(mid) + right;
  const line = (r: string[]) => `${BOX.side}${widths.map((w, i) => ` ${pad(r[i] ?? "", w)} `).join(BOX.side)}${BOX.side}`;
  return [rule(BOX.top), ...all.map(line), rule(BOX.bottom)].join("\n");
}
