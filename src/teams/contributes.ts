import type { Contribution, StatusPart } from "../core/contributes.js";
import { formatDate } from "../core/dates.js";
import { warn } from "../core/output.js";
import type { TermStatus } from "./model.js";
import { currentTerm } from "./service.js";
import { membershipsOfTeam, teamOfKind } from "./store.js";

type Term = (TermStatus & { team: string }) | null;

/** The Strategy & Finance team's term (null before it has one); due: a new election within 60 days. */
const strategyFinanceTerm: StatusPart<Term> = {
  key: "strategyFinanceTerm",
  rank: 110,
  build(ctx, day) {
    const team = teamOfKind(ctx.db, "strategy-finance");
    if (!team) return null;
    const term = currentTerm(ctx.db, team, membershipsOfTeam(ctx.db, team.id, ctx.t("people.forgottenName")), day);
    return term && { team: team.name, ...term };
  },
  details: (ctx, term) => [
    [
      70,
      ctx.t("status.teamTerm"),
      term
        ? ctx.t(term.overdue ? "status.teamTermOver" : "status.teamTermValue", { team: term.team, until: formatDate(term.until, ctx.lang), days: term.daysLeft })
        : null,
    ],
  ],
  after: {
    rank: 10,
    print(ctx, term) {
      if (term && (term.due || term.overdue))
        warn(ctx, ctx.t(term.overdue ? "teams.electionOverdue" : "teams.electionDue", { team: term.team, until: formatDate(term.until, ctx.lang), days: term.daysLeft }));
    },
  },
};

export const teams: Contribution = { area: "teams", text: {
    teams: { name: "none", name_key: "none", short: "none", short_key: "none", kind: "none", created_at: "none" },
    team_members: { role: "none", since: "none", until: "none" },
  }, status: [strategyFinanceTerm as StatusPart] };
