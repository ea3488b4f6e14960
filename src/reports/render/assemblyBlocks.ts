// The assembly's sections of the minutes as blocks: turnout per member group and the asks with their answers.
import type { Params } from "../../core/errors.js";
import { translate, type Lang, type MessageKey } from "../../core/i18n.js";
import type { AssemblyEntry } from "../assembly.js";
import type { Block } from "../../core/document.js";

/** The minutes' sections for an assembly (level-2 headings), in the document's language. */
export function assemblyBlocks(lang: Lang, entry: AssemblyEntry, formatDate: (d: string | null) => string): Block[] {
  const t = (key: MessageKey, params: Params = {}) => translate(lang, key, params);
  const blocks: Block[] = [];
  if (entry.turnout.length > 0) {
    blocks.push({ type: "heading", level: 2, text: t("minutes.turnout") });
    blocks.push({
      type: "table",
      head: [t("label.group"), t("col.pledged"), t("col.came")],
      rows: [
        ...entry.turnout.map((r) => [r.group, r.pledged === null ? "" : String(r.pledged), r.actual === null ? "" : String(r.actual)]),
        [t("col.sum"), String(entry.totals.pledged), String(entry.totals.actual)],
      ],
      numeric: [1, 2],
    });
  }
  if (entry.asks.length > 0) {
    blocks.push({ type: "heading", level: 2, text: t("minutes.asks") });
    blocks.push({
      type: "table",
      head: [t("commitments.label.from"), t("commitments.label.ask"), t("commitments.label.answer"), t("col.due")],
      rows: entry.asks.map((a) => [[a.from, a.office, a.body].filter(Boolean).join(", "), a.ask, t(`commitments.answer.${a.answer}` as MessageKey), formatDate(a.due) || "–"]),
    });
  }
  return blocks;
}
