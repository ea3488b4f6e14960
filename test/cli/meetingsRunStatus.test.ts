// `meetings run` without a terminal, and what `status` tells about meetings, tasks and minutes.
import { describe, expect, it } from "vitest";
import { fileHash, newPlatform } from "../helpers.js";
import { fails, ok, okJson } from "./util.js";

const ENV = { PLATTFORM_TODAY: "2026-11-01" };

describe("meetings run without a terminal", () => {
  it("refuses with exit 1 and one line saying why; the data file is unchanged", async () => {
    const db = await newPlatform();
    await ok(["meetings", "add", "kernkreis", "--date", "2026-12-03", "--time", "19:00", "--template", "standard"], { db, env: ENV });
    const before = fileHash(db);
    // spawned with pipes: neither standard input nor output is a terminal
    const result = await fails(["meetings", "run", "next"], { db, env: ENV }, 1);
    expect(result.stderr).toMatch(/^error: meetings run asks its questions on a terminal.* — /);
    expect((await fails(["meetings", "run", "next", "--no-input"], { db, env: ENV }, 1)).stderr).toMatch(/--no-input/);
    expect((await fails(["meetings", "run", "next", "--lang", "de"], { db, env: ENV }, 1)).stderr).toMatch(/^Fehler: meetings run stellt seine Fragen im Terminal/);
    expect(fileHash(db)).toBe(before);
  });
});

describe("status: meetings, tasks and minutes", () => {
  it("an empty platform: no next meeting, no tasks, no minutes waiting", async () => {
    const db = await newPlatform();
    const status = await okJson(["status"], { db, env: ENV });
    expect(status.nextMeeting).toBeNull();
    expect(status.tasks).toEqual({ open: 0, overdue: 0 });
    expect(status.minutesAwaitingApproval).toEqual([]);
    expect((await ok(["status"], { db, env: ENV })).stdout).toMatch(/Next meeting\s+none planned/);
  });

  it("shows the next planned meeting, open and overdue tasks, and the draft minutes", async () => {
    const db = await newPlatform();
    const o = { db, env: ENV };
    await ok(["groups", "add", "St. Josef", "--short", "JOSEF", "--joined", "2020-01-01"], o);
    await ok(["people", "add", "Maria Schmidt", "--group", "JOSEF", "--role", "representative"], o);
    await ok(["meetings", "add", "kernkreis", "--date", "2026-09-03", "--time", "19:00"], o); // 1: held, minutes approved at 2
    await ok(["meetings", "add", "kernkreis", "--date", "2026-10-01", "--time", "19:00", "--place", "Saal"], o); // 2: held, draft
    await ok(["meetings", "add", "team", "--date", "2026-11-05", "--time", "18:00"], o); // 3: cancelled
    await ok(["meetings", "add", "kernkreis", "--date", "2026-12-03", "--time", "19:00", "--place", "Gemeindesaal"], o); // 4: next
    await ok(["meetings", "close", "1"], o);
    await ok(["meetings", "close", "2"], o);
    await ok(["meetings", "approve", "1", "--at", "2", "--without-quorum"], o);
    await ok(["meetings", "cancel", "3"], o);
    await ok(["tasks", "add", "Saal buchen", "--owner", "Maria Schmidt", "--due", "2026-10-15"], o); // overdue
    await ok(["tasks", "add", "Flyer", "--owner", "JOSEF", "--due", "2026-11-20"], o);
    await ok(["tasks", "add", "Protokoll", "--owner", "JOSEF"], o);
    await ok(["tasks", "done", "3"], o);

    const status = await okJson(["status"], o);
    expect(status.nextMeeting).toMatchObject({ id: 4, kind: "kernkreis", date: "2026-12-03", time: "19:00", place: "Gemeindesaal", status: "planned" });
    expect(status.tasks).toEqual({ open: 2, overdue: 1 });
    expect(status.minutesAwaitingApproval.map((m: { id: number; minutes: string }) => [m.id, m.minutes])).toEqual([[2, "draft"]]);
    // the keys that were there before are still there
    expect(status).toHaveProperty("groups");
    expect(status).toHaveProperty("groupsWithoutRepresentative");

    const human = (await ok(["status"], o)).stdout;
    expect(human).toMatch(/Next meeting\s+Kernkreis, 2026-12-03 19:00, Gemeindesaal \(#4\)/);
    expect(human).toMatch(/Tasks\s+2 open, 1 overdue/);
    expect(human).toMatch(/Minutes awaiting approval\n\s+• Kernkreis, 2026-10-01 19:00, Saal \(#2\)/);
    const german = (await ok(["status", "--lang", "de"], o)).stdout;
    expect(german).toMatch(/Nächste Sitzung\s+Kernkreis, 03\.12\.2026 19:00, Gemeindesaal/);
    expect(german).toMatch(/Aufgaben\s+2 offen, 1 überfällig/);
  });
});
