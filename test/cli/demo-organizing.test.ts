// The demo's organizing work: action teams, campaigns reported at the Kernkreis, a year of conversations.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers.js";
import { ok, okJson, type RunOptions } from "./util.js";

const TODAY = "2026-03-01";
let at: RunOptions;
beforeAll(async () => {
  at = { db: join(tempDir(), "demo.db"), env: { PLATTFORM_TODAY: TODAY } };
  await ok(["demo", "--db", at.db!], at);
}, 60_000);

type Conversation = { id: number; kind: string; date: string; by: string; with: Array<{ person: string; group: string | null }>; topics: string[] };
type Campaign = { id: number; name: string; team: string; status: string; active: boolean };

describe("the demo's organizing work", () => {
  it("has two action teams and three campaigns, one of them won", async () => {
    const teams = (await okJson<Array<{ name: string; kind: string; members: number }>>(["teams", "list"], at)).filter((t) => t.kind === "action");
    expect(teams.map((t) => [t.name, t.members])).toEqual([
      ["Housing action team", 4],
      ["School routes action team", 3],
    ]);
    const campaigns = await okJson<Campaign[]>(["campaigns", "list", "--all"], at);
    expect(campaigns.map((c) => [c.name, c.status])).toEqual([
      ["Heating costs", "negotiation"],
      ["Weiße Siedlung: fix the repairs", "action"],
      ["Safe school routes", "won"],
    ]);
  });

  it("the campaigns report at the Kernkreis meetings: several updates each, some given at a meeting", async () => {
    const updates = async (name: string) => (await okJson<{ updates: Array<{ date: string; meeting: number | null }> }>(["campaigns", "show", name], at)).updates;
    const all: Array<Awaited<ReturnType<typeof updates>>> = [];
    for (const name of ["Heating costs", "Safe school routes", "Weiße Siedlung: fix the repairs"]) all.push(await updates(name));
    expect(all.map((u) => u.length)).toEqual([6, 4, 3]);
    expect(all.flat().filter((u) => u.meeting !== null).length).toBe(11);
    const kernkreis = new Set((await okJson<Array<{ id: number; kind: string }>>(["meetings", "list", "--kind", "kernkreis"], at)).map((m) => m.id));
    expect(all.flat().every((u) => u.meeting === null || kernkreis.has(u.meeting))).toBe(true);
  });

  it("the next Kernkreis lists the two active campaigns' latest reports under the campaigns item", async () => {
    const agenda = await okJson<{ items: Array<{ position: number; campaigns?: Array<{ campaign: string; status: string }> }> }>(["report", "agenda", "next"], at);
    const withReports = agenda.items.filter((i) => i.campaigns);
    expect(withReports.map((i) => i.position)).toEqual([3]);
    expect(withReports[0]!.campaigns!.map((c) => [c.campaign, c.status])).toEqual([
      ["Heating costs", "negotiation"],
      ["Weiße Siedlung: fix the repairs", "action"],
    ]);
  });

  it("has 150 conversations over the past year, of all three kinds, with topics", async () => {
    const conversations = await okJson<Conversation[]>(["conversations", "list"], at);
    expect(conversations).toHaveLength(150);
    expect(conversations[0]!.date >= "2025-03-01").toBe(true);
    expect(conversations.at(-1)!.date < TODAY).toBe(true);
    expect(new Set(conversations.map((c) => c.kind))).toEqual(new Set(["one-to-one", "house-meeting", "research"]));
    expect(conversations.every((c) => c.topics.length > 0 && c.with.length > 0)).toBe(true);
    expect(conversations.every((c) => c.with.every((p) => p.group !== null && !p.group.includes("Blau-Weiß")))).toBe(true);
    expect((await okJson<unknown[]>(["topics", "list"], at)).length).toBeGreaterThanOrEqual(10);
  });

  it("some key persons have gone cold", async () => {
    const cold = (await okJson<Array<{ person: string; cold: boolean }>>(["report", "coverage"], at))
      .filter((r) => r.cold)
      .map((r) => r.person);
    expect(cold).toEqual(expect.arrayContaining(["Jonas Lehmann", "Daniel Feldmann", "Leila Mansour", "Stefan Wagner", "Luca Romano"]));
  });

  it("is the same on every run for the same day", async () => {
    const again = { ...at, db: join(tempDir(), "again.db") };
    await ok(["demo", "--db", again.db], again);
    expect(await okJson(["conversations", "list"], again)).toEqual(await okJson(["conversations", "list"], at));
    expect(await okJson(["report", "listening"], again)).toEqual(await okJson(["report", "listening"], at));
  });
});
