// The SQL of campaigns and their status updates; nothing else in the program queries these tables.
import type { NameCandidate } from "../core/nameMatch.js";
import type { Db } from "../core/db.js";
import { jsonIds } from "../core/engine.js";
import { compareNames, nameKey } from "../core/validate.js";
import { isActive, type Campaign, type CampaignStatus, type CampaignUpdate } from "./model.js";

interface CampaignRow {
  id: number;
  name: string;
  topic: string;
  topic_id: number;
  team: string;
  team_id: number;
  goal: string | null;
  started_on: string;
  started_status: CampaignStatus;
  status: CampaignStatus;
}

interface UpdateRow {
  id: number;
  campaign_id: number;
  on_date: string;
  text: string;
  meeting_id: number | null;
  status: CampaignStatus;
  previous_status: CampaignStatus | null;
}

const SELECT_CAMPAIGN = `
  SELECT c.id, c.name, t.name AS topic, c.topic_id, tm.name AS team, c.team_id, c.goal, c.started_on, c.started_status, c.status
    FROM campaigns c JOIN topics t ON t.id = c.topic_id JOIN teams tm ON tm.id = c.team_id`;

const SELECT_UPDATE = "SELECT id, campaign_id, on_date, text, meeting_id, status, previous_status FROM campaign_updates";

function toUpdate(r: UpdateRow): CampaignUpdate {
  return { id: r.id, campaignId: r.campaign_id, date: r.on_date, text: r.text, meeting: r.meeting_id, status: r.status, previousStatus: r.previous_status };
}

function toCampaigns(db: Db, rows: CampaignRow[]): Campaign[] {
  if (rows.length === 0) return [];
  // The latest update of each, in one query.
  const latest = db
    .prepare(
      `SELECT id, campaign_id, on_date, text, meeting_id, status, previous_status FROM (
         SELECT u.*, row_number() OVER (PARTITION BY u.campaign_id ORDER BY u.on_date DESC, u.id DESC) AS n
           FROM campaign_updates u WHERE u.campaign_id IN (${jsonIds(db)})) latest
        WHERE n = 1`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as UpdateRow[];
  const byCampaign = new Map(latest.map((u) => [u.campaign_id, toUpdate(u)]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    topic: r.topic,
    topicId: r.topic_id,
    team: r.team,
    teamId: r.team_id,
    goal: r.goal,
    started: r.started_on,
    startedStatus: r.started_status,
    status: r.status,
    active: isActive(r.status),
    latest: byCampaign.get(r.id) ?? null,
  }));
}

export interface NewCampaign {
  name: string;
  topicId: number;
  teamId: number;
  goal: string | null;
  started: string;
  status: CampaignStatus;
}

export function insertCampaign(db: Db, c: NewCampaign): number {
  return Number(
    db
      .prepare(
        `INSERT INTO campaigns (name, name_key, topic_id, team_id, goal, started_on, started_status, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck().get(c.name, nameKey(c.name), c.topicId, c.teamId, c.goal, c.started, c.status, c.status, new Date().toISOString()),
  );
}

export function getCampaign(db: Db, id: number): Campaign | undefined {
  return toCampaigns(db, db.prepare(`${SELECT_CAMPAIGN} WHERE c.id = ?`).all(id) as CampaignRow[])[0];
}

/** Campaigns a user may mean by `ref`: the id or the name (case-insensitive). */
export function findCampaigns(db: Db, ref: string): Campaign[] {
  const trimmed = ref.trim();
  const byId = /^#?\d+$/.test(trimmed) ? Number(trimmed.replace("#", "")) : -1;
  return toCampaigns(db, db.prepare(`${SELECT_CAMPAIGN} WHERE c.id = ? OR c.name_key = ? ORDER BY c.id`).all(byId, nameKey(trimmed)) as CampaignRow[]);
}

/** Every campaign's id and name: what a name that matched nothing exactly is compared with. */
export function campaignNames(db: Db): NameCandidate[] {
  return db.prepare("SELECT id, name FROM campaigns ORDER BY id").all() as NameCandidate[];
}

export function campaignNamed(db: Db, name: string): { id: number; name: string } | undefined {
  return db.prepare("SELECT id, name FROM campaigns WHERE name_key = ?").get(nameKey(name)) as { id: number; name: string } | undefined;
}

/** Active campaigns, or with `all` every campaign; active ones first, then by name. */
export function listCampaigns(db: Db, options: { all?: boolean; teamId?: number } = {}): Campaign[] {
  const rows = db
    .prepare(
      `${SELECT_CAMPAIGN}
        WHERE (? = 1 OR c.status IN ('research', 'action', 'negotiation')) AND (CAST(? AS BIGINT) IS NULL OR c.team_id = ?)`,
    )
    .all(options.all ? 1 : 0, options.teamId ?? null, options.teamId ?? null) as CampaignRow[];
  // Sorted here: SQLite's NOCASE would put Ä after Z.
  return toCampaigns(db, rows).sort((a, b) => Number(!a.active) - Number(!b.active) || compareNames(a.name, b.name) || a.id - b.id);
}

export function updatesOf(db: Db, campaignId: number): CampaignUpdate[] {
  return (db.prepare(`${SELECT_UPDATE} WHERE campaign_id = ? ORDER BY on_date, id`).all(campaignId) as UpdateRow[]).map(toUpdate);
}

/** Every campaign with its updates up to `until`: what the agenda of a meeting on that day reports. */
export function campaignsWithUpdates(db: Db, until: string): Array<Campaign & { updates: CampaignUpdate[] }> {
  const campaigns = toCampaigns(db, db.prepare(`${SELECT_CAMPAIGN} WHERE c.started_on <= ? ORDER BY c.id`).all(until) as CampaignRow[]);
  const updates = (db.prepare(`${SELECT_UPDATE} WHERE on_date <= ? ORDER BY on_date, id`).all(until) as UpdateRow[]).map(toUpdate);
  return campaigns.map((c) => ({ ...c, updates: updates.filter((u) => u.campaignId === c.id) }));
}

export interface NewUpdate {
  campaignId: number;
  date: string;
  text: string;
  meetingId: number | null;
  status: CampaignStatus;
  previousStatus: CampaignStatus | null;
}

export function insertUpdate(db: Db, u: NewUpdate): number {
  return Number(
    db
      .prepare("INSERT INTO campaign_updates (campaign_id, on_date, text, meeting_id, status, previous_status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
      .pluck().get(u.campaignId, u.date, u.text, u.meetingId, u.status, u.previousStatus, new Date().toISOString()),
  );
}

export function getUpdate(db: Db, id: number): CampaignUpdate | undefined {
  const row = db.prepare(`${SELECT_UPDATE} WHERE id = ?`).get(id) as UpdateRow | undefined;
  return row && toUpdate(row);
}

export function setCampaignStatus(db: Db, id: number, status: CampaignStatus): void {
  db.prepare("UPDATE campaigns SET status = ? WHERE id = ?").run(status, id);
}

// Read by the annual report (through index.ts).
export interface StartedCampaign {
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
export function campaignsStartedBy(db: Db, until: string): StartedCampaign[] {
  return db
    .prepare(
      `SELECT c.id, c.name, t.name AS topic, tm.name AS team, c.goal, c.started_on AS started, c.started_status AS "startedStatus"
         FROM campaigns c JOIN topics t ON t.id = c.topic_id JOIN teams tm ON tm.id = c.team_id
        WHERE c.started_on <= ? ORDER BY c.name COLLATE NOCASE, c.id`,
    )
    .all(until) as StartedCampaign[];
}

/** The status updates of all campaigns up to `until`, oldest first. */
export function campaignUpdatesBy(db: Db, until: string): CampaignUpdateRow[] {
  return db
    .prepare(
      `SELECT campaign_id AS "campaignId", on_date AS date, text, status FROM campaign_updates
        WHERE on_date <= ? ORDER BY campaign_id, on_date, id`,
    )
    .all(until) as CampaignUpdateRow[];
}
