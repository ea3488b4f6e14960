// The public face of campaigns: other areas import only this file (scripts/check-boundaries.mjs).
export { withCampaignReports } from "./agenda.js";
export type { CampaignReport } from "./model.js";
export { addCampaign, addUpdate, resolveCampaign } from "./service.js";
export { campaignsStartedBy, campaignUpdatesBy } from "./store.js";
export type { CampaignUpdateRow, StartedCampaign } from "./store.js";
