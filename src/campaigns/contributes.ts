import type { Contribution } from "../core/contributes.js";

/** Campaigns add nothing to status or check; their free text is reached by `people forget`. */
export const campaigns: Contribution = {
  area: "campaigns",
  text: {
    campaigns: { name: "none", name_key: "none", goal: "scrub", started_on: "none", started_status: "none", status: "none", created_at: "none" },
    campaign_updates: { on_date: "none", text: "scrub", status: "none", previous_status: "none", created_at: "none" },
  },
};
