// `plattform status`: the dashboard, put together from what each area contributes (app/contributions.ts).
import type { Context } from "../core/context.js";
import { today } from "../core/dates.js";
import { heading, printDetails, printJson } from "../core/output.js";
import type { StatusPart } from "../core/contributes.js";
import { statusParts } from "./contributions.js";

/** The keys of `status --json`, each filled by the area that owns it (see the StatusPart ranks). */
export function buildStatus(ctx: Context, parts: readonly StatusPart[] = statusParts()): Record<string, unknown> {
  const day = today();
  return Object.fromEntries(parts.map((part) => [part.key, part.build(ctx, day)]));
}

export async function status(ctx: Context): Promise<void> {
  const parts = statusParts();
  const report = buildStatus(ctx, parts);
  if (ctx.json) return printJson(report);
  heading(ctx, (report.platform as { name: string }).name);
  const rows = parts.flatMap((part) => part.details?.(ctx, report[part.key]) ?? []);
  printDetails(ctx, rows.sort((a, b) => a[0] - b[0]).map(([, label, value]) => [label, value]));
  const after = parts.filter((part) => part.after).sort((a, b) => a.after!.rank - b.after!.rank);
  for (const part of after) part.after!.print(ctx, report[part.key], report);
}
