import type { Contribution } from "../core/contributes.js";
import { SCHEMA_VERSION } from "../migrations/index.js";
import { readSettings } from "./store.js";

export const platform: Contribution = {
  area: "platform", text: {
    settings: { key: "none", value: "none" },
    audit_log: { at: "none", actor: "area", command: "area", entity: "none", action: "none", changes: "area", hash: "none" },
    audit_head: { hash: "none" },
  },
  status: [
    {
      key: "platform",
      rank: 10,
      build: (ctx) => {
        const settings = readSettings(ctx.db);
        return { name: settings.name, language: settings.language };
      },
      details: (ctx, p) => [[30, ctx.t("status.language"), (p as { language: string }).language]],
    },
    { key: "dataFile", rank: 20, build: (ctx) => ctx.dataFile.path, details: (ctx, path) => [[40, ctx.t("status.dataFile"), path as string]] },
    { key: "schemaVersion", rank: 30, build: () => SCHEMA_VERSION },
    { key: "today", rank: 40, build: (_ctx, day) => day },
  ],
};
