import init from "./0001_init.js";
import meetings from "./0002_meetings.js";
import votes from "./0003_votes.js";
import elections from "./0004_elections.js";
import organizing from "./0005_organizing.js";
import commitments from "./0006_commitments.js";
import fundraising from "./0007_fundraising.js";
import indexes from "./0008_indexes.js";
import approvalQuorum from "./0009_approval_quorum.js";

/**
 * The schema's history, in order. Migration N (1-based) brings a file from user_version N-1 to N.
 * Kept as TypeScript strings rather than .sql files so that they travel inside the one bundled file.
 */
export const MIGRATIONS: readonly string[] = [init, meetings, votes, elections, organizing, commitments, fundraising, indexes, approvalQuorum];

export const SCHEMA_VERSION = MIGRATIONS.length;
