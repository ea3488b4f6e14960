// The campaigns' part of the agenda and the minutes: the report model asks here, the renderers show it.
import type { Db } from "../core/db.js";
import { isCampaignsItem, reportsOn, type CampaignReport } from "./model.js";
import { campaignsWithUpdates } from "./store.js";

/** The latest update of each campaign active on `date`. */
export function campaignReportsOn(db: Db, date: string): CampaignReport[] {
  return reportsOn(campaignsWithUpdates(db, date), date);
}

/**
 * The agenda items of a meeting on `date`, the first campaigns item (see isCampaignsItem) carrying the
 * campaigns' reports. Items stay as they are when there is no such item or nothing to report.
 */
export function withCampaignReports<T extends { title: string; type: string }>(db: Db, date: string, items: T[]): Array<T & { campaigns?: CampaignReport[] }> {
  const at = items.findIndex(isCampaignsItem);
  if (at < 0) return items;
  const reports = campaignReportsOn(db, date);
  if (reports.length === 0) return items;
  return items.map((item, index) => (index === at ? { ...item, campaigns: reports } : item));
}
