// The rules of campaigns: an existing team owns each, status changes are dated updates, approved minutes stay as
// they were approved.
import type { AuditEntry } from "../core/context.js";
import type { Db } from "../core/db.js";
import { CliError, dateParam } from "../core/errors.js";
import { ambiguousName, resolveByFolding } from "../core/nameMatch.js";
import { cleanText, oneOf } from "../core/validate.js";
import { ensureTopics } from "../conversations/index.js";
import type { Meeting } from "../meetings/index.js";
import { currentMeeting, ensureEditable } from "../meetings/index.js";
import { listItems, listMeetings } from "../meetings/index.js";
import type { Team } from "../teams/index.js";
import { CAMPAIGN_STATUSES, isCampaignsItem, latestOn, statusOn, type Campaign, type CampaignStatus } from "./model.js";
import { campaignNamed, campaignNames, findCampaigns, insertCampaign, insertUpdate, setCampaignStatus, updatesOf } from "./store.js";

type Audit = (entry: AuditEntry) => void;

export function parseStatus(raw: string): CampaignStatus {
  return oneOf(raw, CAMPAIGN_STATUSES, "--status");
}

/** The one campaign a user means by `ref` (id or name), or a clear error. */
export function resolveCampaign(db: Db, ref: string): Campaign {
  let found = findCampaigns(db, ref);
  if (found.length === 0) found = findCampaigns(db, `#${resolveByFolding(campaignNames(db), ref, "error.campaigns.unknown", "error.campaigns.unknown.hint")}`);
  if (found.length === 1) return found[0]!;
  throw ambiguousName(ref, found);
}

export interface CampaignInput {
  name: string;
  topic: string;
  team: Team;
  goal?: string;
  status?: string;
  date: string;
}

export function addCampaign(db: Db, audit: Audit, input: CampaignInput, today: string): { id: number; createdTopics: string[] } {
  const name = cleanText(input.name, "name", { required: true })!;
  const existing = campaignNamed(db, name);
  if (existing) throw new CliError("error.campaigns.exists", { name: existing.name }, 1, "error.campaigns.exists.hint");
  const status = input.status !== undefined ? parseStatus(input.status) : "research";
  const goal = input.goal !== undefined ? cleanText(input.goal, "--goal", { max: 500 }) : null;
  if (input.date > today) throw new CliError("error.campaigns.future", { date: dateParam(input.date) });
  const topic = ensureTopics(db, audit, [cleanText(input.topic, "--topic", { required: true, max: 80 })!]);
  const id = insertCampaign(db, { name, topicId: topic.ids[0]!, teamId: input.team.id, goal, started: input.date, status });
  audit({ entity: "campaign", id, action: "add", changes: { name, topic: topic.ids[0], team: input.team.id, goal, started: input.date, status } });
  return { id, createdTopics: topic.created };
}

export interface UpdateInput {
  text: string;
  date: string;
  meeting?: Meeting;
  status?: string;
}

/**
 * Records a dated status report. The status it gives (or the one in force on its date) is stored with it, and
 * the campaign's status becomes that of its latest update. An update that would change what approved minutes
 * say about the campaigns is refused: approved minutes are locked.
 */
export function addUpdate(db: Db, audit: Audit, campaign: Campaign, input: UpdateInput, today: string): number {
  const text = cleanText(input.text, "text", { required: true, max: 2000 })!;
  const status = input.status !== undefined ? parseStatus(input.status) : undefined;
  if (input.date > today) throw new CliError("error.campaigns.future", { date: dateParam(input.date) });
  if (input.date < campaign.started) throw new CliError("error.campaigns.beforeStart", { date: dateParam(input.date), started: dateParam(campaign.started) }, 1, "error.campaigns.beforeStart.hint");
  if (input.meeting) {
    // the meeting as it is now, inside the transaction: its minutes may have been approved meanwhile
    const meeting = currentMeeting(db, input.meeting);
    if (meeting.status === "cancelled") throw new CliError("error.meetingCancelled", { id: meeting.id });
    ensureEditable(meeting);
  }
  const updates = updatesOf(db, campaign.id);
  const before = statusOn(campaign.startedStatus, updates, input.date);
  ensureMinutesUnchanged(db, updates, input.date);
  const after = status ?? before;
  const id = insertUpdate(db, {
    campaignId: campaign.id,
    date: input.date,
    text,
    meetingId: input.meeting?.id ?? null,
    status: after,
    previousStatus: after !== before ? before : null,
  });
  const current = latestOn(updatesOf(db, campaign.id), "9999-12-31")!.status;
  if (current !== campaign.status) setCampaignStatus(db, campaign.id, current);
  audit({
    entity: "campaign_update",
    id,
    action: "add",
    changes: { campaign: campaign.id, date: input.date, meeting: input.meeting?.id ?? null, status: after, ...(after !== before ? { from: before } : {}) },
  });
  return id;
}

/**
 * A new update dated `date` becomes the campaign's latest as of every later day up to its next update. Minutes
 * approved for a meeting in that stretch, with a campaigns item, would then say something else: refused.
 */
function ensureMinutesUnchanged(db: Db, updates: Array<{ date: string }>, date: string): void {
  const next = updates
    .map((u) => u.date)
    .filter((d) => d > date)
    .sort()[0];
  for (const m of listMeetings(db, { from: date })) {
    if (next !== undefined && m.date >= next) break;
    if (m.minutes !== "approved") continue;
    if (!listItems(db, m.id).some(isCampaignsItem)) continue;
    throw new CliError("error.campaigns.approvedMinutes", { id: m.id, date: dateParam(m.date) }, 1, "error.campaigns.approvedMinutes.hint");
  }
}
