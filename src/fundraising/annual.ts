// The fundraising section of the annual report (report annual <year>): the year's fundraising report, its
// sections under the annual report's level-2 heading.
import { translate } from "../core/i18n.js";
import type { AnnualInput, AnnualSection } from "../core/contributes.js";
import { fundraisingSection } from "./reportDocument.js";

export function fundraisingAnnualSection(input: AnnualInput): AnnualSection {
  const { model, blocks } = fundraisingSection(input.db, input.year, input.lang, { asOf: input.today, forgottenLabel: input.forgottenLabel });
  // fundraisingSection starts with its own level-2 heading; the annual report sets that heading itself.
  return { key: "fundraising", title: translate(input.lang, "funds.section.title"), data: model, blocks: blocks.slice(1) };
}
