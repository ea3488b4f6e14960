import type { Contribution } from "../core/contributes.js";

/** The eight sections reports/annual.ts builds, ranked 10 to 80 in the order of ANNUAL_SECTIONS. */
export const reports: Contribution = {
  area: "reports",
  annual: Array.from({ length: 8 }, (_, i) => ({
    rank: (i + 1) * 10,
    section: async () => (await import("./annual.js")).ANNUAL_SECTIONS[i]!,
  })),
};
