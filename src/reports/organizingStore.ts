// Reads of the conversations and campaigns tables (schema version 5) for the annual report and the dashboard.
// Read-only; the conversations area owns these tables and writes them.
import type { Db } from "../core/db.js";

export interface CampaignRow {
  id: number;
  name: string;
  topic: string;
  team: string;
  goal: string | null;
  started: string;
  startedStatus: string;
}

export interface CampaignUpdateRow {
  campaignId: number;
  date: string;
  text: string;
  status: string;
}

/** Campaigns started on or before `until`, by name. */
export function campaignsStartedBy(db: Db, until: string): CampaignRow[] {
  return db
    .prepare(
      `SELECT c.id, c.name, t.name AS topic, tm.name AS team, c.goal, c.started_on AS started, c.started_status AS startedStatus
         FROM campaigns c JOIN topics t ON t.id = c.topic_id JOIN teams tm ON tm.id = c.team_id
        WHERE c.started_on <= ? ORDER BY c.name COLLATE NOCASE, c.id`,
    )
    .all(until) as CampaignRow[];
}

/** The status updates of all campaigns up to `until`, oldest first. */
export function campaignUpdatesBy(db: Db, until: string): CampaignUpdateRow[] {
  return db
    .prepare(
      `SELECT campaign_id AS campaignId, on_date AS date, text, status FROM campaign_updates
        WHERE on_date <= ? ORDER BY campaign_id, on_date, id`,
    )
    .all(until) as CampaignUpdateRow[];
}

export interface ConversationFigures {
  count: number;
  /** distinct people spoken with */
  people: number;
  /** distinct groups those people were spoken with for */
  groups: number;
  byKind: Array<{ kind: string; count: number }>;
  byHolder: Array<{ holderId: number; holder: string | null; count: number }>;
}

/** Conversations held from `from` to `until` (inclusive). */
export function conversationFigures(db: Db, from: string, until: string): ConversationFigures {
  const totals = db
    .prepare(
      `SELECT (SELECT count(*) FROM conversations WHERE held_on BETWEEN @from AND @until) AS count,
              (SELECT count(DISTINCT p.person_id) FROM conversation_people p JOIN conversations c ON c.id = p.conversation_id
                WHERE c.held_on BETWEEN @from AND @until) AS people,
              (SELECT count(DISTINCT p.group_id) FROM conversation_people p JOIN conversations c ON c.id = p.conversation_id
                WHERE c.held_on BETWEEN @from AND @until AND p.group_id IS NOT NULL) AS "groups"`,
    )
    .get({ from, until }) as { count: number; people: number; groups: number };
  const byKind = db
    .prepare("SELECT kind, count(*) AS count FROM conversations WHERE held_on BETWEEN ? AND ? GROUP BY kind ORDER BY count DESC, kind")
    .all(from, until) as ConversationFigures["byKind"];
  const byHolder = db
    .prepare(
      `SELECT c.holder_id AS holderId, p.name AS holder, count(*) AS count
         FROM conversations c JOIN people p ON p.id = c.holder_id
        WHERE c.held_on BETWEEN ? AND ? GROUP BY c.holder_id ORDER BY count DESC, p.name COLLATE NOCASE`,
    )
    .all(from, until) as ConversationFigures["byHolder"];
  return { ...totals, byKind, byHolder };
}

export interface FollowUp {
  conversation: number;
  date: string;
  followUp: string;
  holder: string | null;
  holderId: number;
  /** the people spoken with, by name (null for a forgotten person) */
  with: Array<string | null>;
  nextStep: string | null;
}

/**
 * Conversations whose follow-up date is on or before `until` and that have not been followed up yet: no later
 * conversation with any of the same people exists.
 */
export function followUpsDue(db: Db, until: string): FollowUp[] {
  const rows = db
    .prepare(
      `SELECT c.id AS conversation, c.held_on AS date, c.follow_up_on AS followUp, h.name AS holder, c.holder_id AS holderId,
              c.next_step AS nextStep,
              (SELECT json_group_array(p.name) FROM conversation_people cp JOIN people p ON p.id = cp.person_id
                WHERE cp.conversation_id = c.id) AS people
         FROM conversations c JOIN people h ON h.id = c.holder_id
        WHERE c.follow_up_on IS NOT NULL AND c.follow_up_on <= ?
          AND NOT EXISTS (
            SELECT 1 FROM conversation_people mine
              JOIN conversation_people theirs ON theirs.person_id = mine.person_id AND theirs.conversation_id <> mine.conversation_id
              JOIN conversations later ON later.id = theirs.conversation_id
             WHERE mine.conversation_id = c.id AND (later.held_on > c.held_on OR (later.held_on = c.held_on AND later.id > c.id)))
        ORDER BY c.follow_up_on, c.id`,
    )
    .all(until) as Array<Omit<FollowUp, "with"> & { people: string }>;
  return rows.map(({ people, ...rest }) => ({ ...rest, with: JSON.parse(people) as Array<string | null> }));
}
