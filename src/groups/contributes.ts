import type { Contribution, StatusPart } from "../core/contributes.js";
import { countGroups } from "./store.js";

const groupCounts: StatusPart<{ active: number; left: number }> = {
  key: "groups",
  rank: 50,
  build: (ctx, day) => countGroups(ctx.db, day),
  details: (ctx, counts) => [[10, ctx.t("status.groups"), ctx.t("status.groupsValue", counts)]],
};

export const groups: Contribution = { area: "groups", status: [groupCounts as StatusPart] };
