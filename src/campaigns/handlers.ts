import type { Context } from "../core/context.js";
import { formatDate, parseDate, today } from "../core/dates.js";
import { heading, note, printDetails, printJson, printTable, say, warn } from "../core/output.js";
import { resolveMeeting } from "../meetings/service.js";
import { resolveTeam } from "../teams/service.js";
import type { Campaign, CampaignUpdate } from "./model.js";
import { addCampaign, addUpdate, resolveCampaign } from "./service.js";
import { getCampaign, getUpdate, listCampaigns, updatesOf } from "./store.js";

type Options = Record<string, string | boolean | undefined>;
const text = (opts: Options, key: string) => (typeof opts[key] === "string" ? (opts[key] as string) : undefined);

function status(ctx: Context, value: Campaign["status"]): string {
  return ctx.t(`campaigns.status.${value}`);
}

export async function add(ctx: Context, [name]: string[], opts: Options): Promise<void> {
  const day = today();
  const team = resolveTeam(ctx.db, text(opts, "team") ?? "");
  const date = text(opts, "date") !== undefined ? parseDate(text(opts, "date")!, "--date", day) : day;
  const { id, createdTopics } = ctx.write((audit) =>
    addCampaign(ctx.db, audit, { name: name!, topic: text(opts, "topic") ?? "", team, goal: text(opts, "goal"), status: text(opts, "status"), date }, day),
  );
  const campaign = getCampaign(ctx.db, id)!;
  for (const topic of createdTopics) note(ctx.t("conversations.newTopic", { name: topic }));
  if (team.kind !== "action") warn(ctx, ctx.t("campaigns.notActionTeam", { team: team.name }));
  if (ctx.json) return printJson(campaign);
  say(ctx.t("campaigns.added", { id, name: campaign.name, team: campaign.team, status: status(ctx, campaign.status) }));
}

export async function list(ctx: Context, _args: string[], opts: Options): Promise<void> {
  const campaigns = listCampaigns(ctx.db, { all: opts.all === true });
  if (ctx.json) return printJson(campaigns);
  if (campaigns.length === 0) return say(ctx.t(opts.all === true ? "campaigns.none" : "campaigns.noneActive"));
  printTable(
    ctx,
    ["#", ctx.t("label.name"), ctx.t("campaigns.label.topic"), ctx.t("label.team"), ctx.t("label.status"), ctx.t("campaigns.label.latest")],
    campaigns.map((c) => [
      c.id,
      c.name,
      c.topic,
      c.team,
      status(ctx, c.status),
      c.latest ? `${formatDate(c.latest.date, ctx.lang)}: ${c.latest.text}` : "",
    ]),
  );
}

function updateRows(ctx: Context, updates: CampaignUpdate[]): unknown[][] {
  return updates.map((u) => [
    formatDate(u.date, ctx.lang),
    u.previousStatus ? `${status(ctx, u.previousStatus)} → ${status(ctx, u.status)}` : status(ctx, u.status),
    u.meeting === null ? "" : `#${u.meeting}`,
    u.text,
  ]);
}

export async function show(ctx: Context, [ref]: string[]): Promise<void> {
  const campaign = resolveCampaign(ctx.db, ref!);
  const updates = updatesOf(ctx.db, campaign.id);
  if (ctx.json) return printJson({ ...campaign, updates });
  printDetails(ctx, [
    ["#", campaign.id],
    [ctx.t("label.name"), campaign.name],
    [ctx.t("campaigns.label.topic"), campaign.topic],
    [ctx.t("label.team"), campaign.team],
    [ctx.t("campaigns.label.goal"), campaign.goal],
    [ctx.t("label.status"), status(ctx, campaign.status)],
    [ctx.t("campaigns.label.started"), formatDate(campaign.started, ctx.lang)],
  ]);
  heading(ctx, ctx.t("campaigns.updates"));
  if (updates.length === 0) return say(ctx.t("campaigns.noUpdates"));
  printTable(ctx, [ctx.t("label.date"), ctx.t("label.status"), ctx.t("label.meeting"), ctx.t("campaigns.label.report")], updateRows(ctx, updates));
}

/** `campaigns update <c> <text>`: a dated status report, optionally given at a meeting, optionally a new status. */
export async function update(ctx: Context, [ref, report]: string[], opts: Options): Promise<void> {
  const day = today();
  const campaign = resolveCampaign(ctx.db, ref!);
  const meeting = text(opts, "meeting") !== undefined ? resolveMeeting(ctx.db, text(opts, "meeting")!, day) : undefined;
  // Given at a meeting: dated that day, unless the meeting is still ahead (a report prepared for it is dated today).
  const fallback = meeting && meeting.date < day ? meeting.date : day;
  const date = text(opts, "date") !== undefined ? parseDate(text(opts, "date")!, "--date", day) : fallback;
  const id = ctx.write((audit) => addUpdate(ctx.db, audit, campaign, { text: report!, date, meeting, status: text(opts, "status") }, day));
  const created = getUpdate(ctx.db, id)!;
  if (ctx.json) return printJson({ ...created, campaign: campaign.name });
  say(
    created.previousStatus
      ? ctx.t("campaigns.updatedStatus", { name: campaign.name, date: formatDate(date, ctx.lang), from: status(ctx, created.previousStatus), to: status(ctx, created.status) })
      : ctx.t("campaigns.updated", { name: campaign.name, date: formatDate(date, ctx.lang), status: status(ctx, created.status) }),
  );
}
