// A plain-text chart of the income per month against the monthly budget, drawn with asciichart (loaded only
// when a chart is shown). Each month is a bar four columns wide; the budget per month is the line across.
import type { Lang } from "../core/i18n.js";
import { translate } from "../core/i18n.js";
import { formatMoney } from "../core/money.js";

const BAR = 5; // columns per month: rise, three columns of top, fall
const HEIGHT = 10;

/** A round upper end for the axis (1, 2 or 5 × 10ⁿ euros), so the rows read as even steps. */
function niceMax(euros: number): number {
  if (euros <= 0) return 1;
  const step = euros / HEIGHT;
  const power = 10 ** Math.floor(Math.log10(step));
  const nice = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= step)!;
  return nice * HEIGHT;
}

/** Whole euros in the language's format: 3.000 € / €3,000. */
function euroLabel(euros: number, lang: Lang): string {
  const text = formatMoney(Math.round(euros) * 100, lang);
  return lang === "de" ? text.replace(/,00 €$/, " €") : text.replace(/\.00$/, "");
}

export async function incomeChart(byMonth: number[], monthlyBudget: number[], lang: Lang, color: boolean): Promise<string> {
  // A CommonJS module: its exports arrive as `default` (the library also has a colour named "default").
  type Chart = typeof import("asciichart");
  const loaded = (await import("asciichart")) as unknown as Chart & { default: unknown };
  const asciichart = typeof loaded.default === "object" && loaded.default !== null ? (loaded.default as Chart) : loaded;
  // Cents become euros for drawing only; every sum stays in integer cents elsewhere.
  const bars = byMonth.flatMap((cents) => [0, cents / 100, cents / 100, cents / 100, 0]);
  const budget = monthlyBudget.flatMap((cents) => Array<number>(BAR).fill(cents / 100));
  const max = niceMax(Math.max(...bars, ...budget));
  const width = Math.max(euroLabel(max, lang).length, euroLabel(0, lang).length);
  const chart = asciichart.plot([budget, bars], {
    height: HEIGHT,
    min: 0,
    max,
    format: (x: number) => euroLabel(x, lang).padStart(width),
    colors: color ? [asciichart.yellow, asciichart.green] : undefined,
  });
  const months = Array.from({ length: 12 }, (_, m) =>
    new Intl.DateTimeFormat(lang === "de" ? "de-DE" : "en-GB", { month: "short", timeZone: "UTC" }).format(Date.UTC(2000, m, 1)).replace(".", "").slice(0, 3),
  );
  // The plot starts two columns after the labels (a space and the axis); each bar's top begins one column in.
  const axis = " ".repeat(width + 3) + months.map((m) => m.padEnd(BAR)).join("").trimEnd();
  const legend = " ".repeat(width + 3) + translate(lang, "funds.chart.legend");
  return `${chart.replace(/ +$/gm, "")}\n${axis}\n${legend}`;
}
