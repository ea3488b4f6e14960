import type { Contribution, Problem } from "../core/contributes.js";
import { problem } from "../core/contributes.js";
import { isServer } from "../core/engine.js";
import { columnsOf, duplicateReceipts, receiptAndBallotCounts, receiptTableSql } from "./store.js";

const BALLOT_COLUMNS = ["id", "election_id", "weight", "content"];
const RECEIPT_COLUMNS = ["election_id", "group_id"];

export const elections: Contribution = {
  area: "elections", text: {
    elections: { method: "none", status: "none", source: "none", tally: "none", certified_on: "none", created_at: "none" },
    candidates: { status: "none" },
    ballots: { content: "none" },
  },
  checks: [
    {
      name: "one-vote-per-group",
      rank: 30,
      run: (db) =>
        duplicateReceipts(db).map((r) => problem("one-vote-per-group", "duplicateBallot", { election: r.election, group: r.group, groupId: r.groupId, count: r.n })),
    },
    {
      /**
       * No ballot can be linked to a group: ballots carry no group (nor time), receipts carry no ballot (nor id, nor
       * time), and per election the receipts and the ballots cast one by one agree in number.
       */
      name: "ballot-secrecy",
      rank: 40,
      run(db) {
        const found: Problem[] = [];
        const extraBallot = columnsOf(db, "ballots").filter((c) => !BALLOT_COLUMNS.includes(c));
        if (extraBallot.length > 0) found.push(problem("ballot-secrecy", "ballotColumns", { table: "ballots", columns: extraBallot.join(", ") }));
        const extraReceipt = columnsOf(db, "ballot_receipts").filter((c) => !RECEIPT_COLUMNS.includes(c));
        if (extraReceipt.length > 0) found.push(problem("ballot-secrecy", "ballotColumns", { table: "ballot_receipts", columns: extraReceipt.join(", ") }));
        // A file's hidden rowid would number the receipts in the order of voting; a server has none to check.
        if (!isServer(db) && !/WITHOUT\s+ROWID/i.test(receiptTableSql(db))) found.push(problem("ballot-secrecy", "receiptRowid"));
        for (const c of receiptAndBallotCounts(db)) {
          // A BLT file brings ballots without receipts; ballots cast one by one come with one receipt each.
          const expected = c.source === "blt" ? 0 : c.ballots;
          if (c.receipts !== expected) found.push(problem("ballot-secrecy", "ballotCount", { election: c.election, receipts: c.receipts, ballots: c.ballots }));
        }
        return found;
      },
    },
  ],
};
