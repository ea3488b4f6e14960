import init from "./0001_init.js";
import meetings from "./0002_meetings.js";
import votes from "./0003_votes.js";
import elections from "./0004_elections.js";
import organizing from "./0005_organizing.js";
import commitments from "./0006_commitments.js";
import fundraising from "./0007_fundraising.js";
import indexes from "./0008_indexes.js";
import approvalQuorum from "./0009_approval_quorum.js";
import sealedRecord from "./0010_sealed_record.js";
import incomeCorrections from "./0011_income_corrections.js";
import bankClassification from "./0012_bank_classification.js";
import invitations from "./0013_invitations.js";

/**
 * A migration that needs more than SQL: the named data steps run after its SQL, in the same transaction. A
 * step whose code lives in an area is provided at run time (core/db.ts provideDataStep), so that the start-up
 * path of every command does not load it.
 */
export interface Migration {
  sql: string;
  steps: ReadonlyArray<{ name: string; /** a query giving 1 when the step has work to do (absent: always) */ when?: string }>;
  /** it drops and recreates a table others refer to: run with foreign keys off, then checked as a whole */
  rebuildsTables?: boolean;
  /**
   * The same change on a PostgreSQL server. Migrations up to the first server schema (13) need none: a server
   * platform starts with the whole schema at once (core/pg/schema.ts).
   */
  serverSql?: string;
}

/**
 * The schema's history, in order. Migration N (1-based) brings a file from user_version N-1 to N.
 * Kept as TypeScript strings rather than .sql files so that they travel inside the one bundled file.
 */
export const MIGRATIONS: ReadonlyArray<string | Migration> = [
  init,
  meetings,
  votes,
  elections,
  organizing,
  commitments,
  fundraising,
  indexes,
  approvalQuorum,
  // Approved minutes are frozen as they render now; the audit log's existing entries are chained.
  {
    sql: sealedRecord,
    rebuildsTables: true,
    steps: [{ name: "freeze-minutes", when: "SELECT EXISTS (SELECT 1 FROM meetings WHERE minutes = 'approved')" }, { name: "chain-audit" }],
  },
  incomeCorrections,
  bankClassification,
  invitations,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
