// Campaigns and their status reports: pure rules, no I/O.
import { compareIso } from "../core/dates.js";
import { compareNames } from "../core/validate.js";

export const CAMPAIGN_STATUSES = ["research", "action", "negotiation", "won", "lost", "paused"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A campaign is active while it is being researched, acted on or negotiated. */
export const ACTIVE_STATUSES: readonly CampaignStatus[] = ["research", "action", "negotiation"];

export function isActive(status: CampaignStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

export interface CampaignUpdate {
  id: number;
  campaignId: number;
  date: string;
  text: string;
  /** the meeting it was reported at */
  meeting: number | null;
  /** the campaign's status from this update on */
  status: CampaignStatus;
  /** the status before, when this update changed it; null otherwise */
  previousStatus: CampaignStatus | null;
}

export interface Campaign {
  id: number;
  name: string;
  topic: string;
  topicId: number;
  team: string;
  teamId: number;
  goal: string | null;
  started: string;
  startedStatus: CampaignStatus;
  status: CampaignStatus;
  active: boolean;
  latest: CampaignUpdate | null;
}

/** Updates in the order they happened: by date, and on one date in the order they were recorded. */
export function byDate(a: Pick<CampaignUpdate, "date" | "id">, b: Pick<CampaignUpdate, "date" | "id">): number {
  return compareIso(a.date, b.date) || a.id - b.id;
}

/** The latest update on or before `date`, if any. */
export function latestOn<T extends Pick<CampaignUpdate, "date" | "id">>(updates: T[], date: string): T | undefined {
  return updates.filter((u) => u.date <= date).sort(byDate).at(-1);
}

/** The status in force on `date`: that of the latest update up to then, else the one the campaign started with. */
export function statusOn(startedStatus: CampaignStatus, updates: CampaignUpdate[], date: string): CampaignStatus {
  return latestOn(updates, date)?.status ?? startedStatus;
}

/**
 * The agenda item that carries the campaigns' reports: a report item whose title speaks of campaigns, as the
 * standard template's "Berichte aus den Kampagnen und Aktionsteams" / "Reports from the campaigns and action
 * teams" does. Custom templates keep working as long as their item says so.
 */
export function isCampaignsItem(item: { title: string; type: string }): boolean {
  return item.type === "report" && /kampagne|campaign/i.test(item.title);
}

/** What the agenda and the minutes say about one campaign. */
export interface CampaignReport {
  campaign: string;
  team: string;
  topic: string;
  status: CampaignStatus;
  date: string;
  text: string;
  meeting: number | null;
}

/**
 * The reports for a meeting on `date`: of each campaign, its latest update on or before that day, if the
 * campaign was active then (a campaign that was won, lost or paused by then has nothing to report).
 */
export function reportsOn(campaigns: Array<Pick<Campaign, "name" | "team" | "topic"> & { updates: CampaignUpdate[] }>, date: string): CampaignReport[] {
  const reports: CampaignReport[] = [];
  for (const c of campaigns) {
    const latest = latestOn(c.updates, date);
    if (!latest || !isActive(latest.status)) continue;
    reports.push({ campaign: c.name, team: c.team, topic: c.topic, status: latest.status, date: latest.date, text: latest.text, meeting: latest.meeting });
  }
  return reports.sort((a, b) => compareNames(a.campaign, b.campaign));
}
