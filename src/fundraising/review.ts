// `fundraising income review`: the treasurer goes through the bank bookings nothing classified, one by one, and
// says what each is. Every answer is saved in its own write the moment it is given, so Ctrl-C loses nothing; a
// group's IBAN can be kept on the way, so that its next transfer is recognised by itself.
import type { Context } from "../core/context.js";
import { formatDate } from "../core/dates.js";
import { CliError } from "../core/errors.js";
import { formatMoney } from "../core/money.js";
import { isPromptExit, type PromptChoice, type Prompter } from "../core/prompts.js";
import { editGroup, getGroup, membersOn, resolveGroup } from "../groups/index.js";
import type { IncomeKind } from "./model.js";
import { editIncome, resolveFunder, type Source } from "./service.js";
import { getApplication, listFunders, listIncome, openGrantsOf, payerIbanOf } from "./store.js";

export interface ReviewOutcome {
  classified: number;
  skipped: number;
  /** the person pressed Ctrl-C or chose to stop: what was answered is saved */
  stopped: boolean;
}

type Answer = IncomeKind | "skip" | "stop";

/** The walk, with the prompts passed in (tests give scripted ones). */
export async function reviewIncome(ctx: Context, prompter: Prompter, say: (line: string) => void, day: string): Promise<ReviewOutcome> {
  const outcome: ReviewOutcome = { classified: 0, skipped: 0, stopped: false };
  const forgotten = ctx.t("people.forgottenName");
  const pending = listIncome(ctx.db, { unclassified: true }, forgotten);
  if (pending.length === 0) {
    say(ctx.t("funds.review.none"));
    return outcome;
  }
  say(ctx.t("funds.review.start", { n: pending.length }));
  try {
    for (const [index, income] of pending.entries()) {
      const payer = income.source?.name ?? "–";
      say(ctx.t("funds.review.booking", { n: index + 1, of: pending.length, id: income.id, date: formatDate(income.date, ctx.lang), amount: formatMoney(income.amount, ctx.lang), payer, purpose: income.note ?? "" }));
      const kinds: Array<PromptChoice<Answer>> = [
        { name: ctx.t("funds.review.donation"), value: "donation" },
        { name: ctx.t("funds.review.dues"), value: "dues" },
        { name: ctx.t("funds.review.grant"), value: "grant" },
        { name: ctx.t("funds.review.skip"), value: "skip" },
        { name: ctx.t("funds.review.stop"), value: "stop" },
      ];
      const answer = await prompter.select({ message: ctx.t("funds.review.what"), choices: kinds });
      if (answer === "stop") {
        outcome.stopped = true;
        break;
      }
      if (answer === "skip") {
        outcome.skipped++;
        continue;
      }
      let source: Source | null = null;
      let application: number | null = null;
      if (answer === "dues") {
        const groups = membersOn(ctx.db, income.date);
        const id = await prompter.select({ message: ctx.t("funds.review.whichGroup"), choices: groups.map((g) => ({ name: g.short ? `${g.name} (${g.short})` : g.name, value: g.id })) });
        source = { kind: "group", group: resolveGroup(ctx.db, String(id), day) };
      } else if (answer === "grant" || answer === "donation") {
        const funders = listFunders(ctx.db);
        const choices: Array<PromptChoice<number>> = [...(answer === "donation" ? [{ name: ctx.t("funds.review.noFunder"), value: 0 }] : []), ...funders.map((f) => ({ name: f.name, value: f.id }))];
        if (answer === "grant" && choices.length === 0) throw new CliError("error.funds.reviewNoFunders", {}, 1);
        const id = await prompter.select({ message: ctx.t("funds.review.whichFunder"), choices });
        if (id !== 0) {
          source = { kind: "funder", funder: resolveFunder(ctx.db, String(id)) };
          const open = answer === "grant" ? openGrantsOf(ctx.db, id) : [];
          if (open.length === 1) application = open[0]!;
        }
      }
      const iban = payerIbanOf(ctx.db, income.id);
      ctx.write((audit) => {
        editIncome(
          ctx.db,
          audit,
          income.id,
          {
            kind: answer,
            ...(source !== null ? { source } : {}),
            ...(application !== null ? { application: getApplication(ctx.db, application)! } : {}),
            ...(answer === "dues" ? { year: String(duesYearOf(income.note ?? "", income.date)) } : {}),
          },
          day,
          forgotten,
        );
      });
      outcome.classified++;
      // A group's account, remembered: its next transfer is its dues without asking.
      if (source?.kind === "group" && iban !== null && source.group.iban === null) {
        const keep = await prompter.confirm({ message: ctx.t("funds.review.keepIban", { iban, group: source.group.name }), default: true });
        if (keep) {
          const groupId = source.group.id;
          ctx.write((audit) => {
            // the group as it is inside the write: only the IBAN changes, whatever else was edited meanwhile
            const group = getGroup(ctx.db, groupId, day)!;
            editGroup(ctx.db, audit, group, { ...group, iban });
          });
        }
      }
    }
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    outcome.stopped = true;
  }
  say(ctx.t("funds.review.summary", { classified: outcome.classified, skipped: outcome.skipped, left: pending.length - outcome.classified }));
  return outcome;
}

/** The year a dues transfer pays for: the one year its purpose names, else the year it came in (as the import does). */
function duesYearOf(purpose: string, date: string): number {
  const years = new Set([...purpose.matchAll(/(?<!\d)(2\d{3})(?!\d)/g)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0]! : Number(date.slice(0, 4));
}
