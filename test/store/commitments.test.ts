// The commitments store and rules on a temporary data file, and migration 6: team meetings that had their team
// as free text get linked to the team of that name.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDataFile, migrate, openDataFile } from "../../src/core/db.js";
import { MIGRATIONS } from "../../src/migrations/index.js";
import { addCommitment, updateCommitment } from "../../src/commitments/service.js";
import { getCommitment, listCommitments, updatesOf } from "../../src/commitments/store.js";
import { addMeeting, meetingFields } from "../../src/meetings/service.js";
import { getMeeting } from "../../src/meetings/store.js";
import { tempDir } from "../helpers.js";
import { auditLog, cliError, count, freshDb, track } from "./support.js";

const TODAY = "2026-06-15";

describe("migration 6", () => {
  it("links meetings whose free-text team names a team (by name or short name, any case); others stay unlinked", () => {
    const path = join(tempDir(), "v5.db");
    createDataFile(path);
    const db = track(openDataFile(path));
    migrate(db, MIGRATIONS.slice(0, 5));
    db.prepare("INSERT INTO teams (name, name_key, short, short_key, kind, created_at) VALUES ('Aktionsteam Wohnen', 'aktionsteam wohnen', 'wohnen', 'wohnen', 'action', 'x')").run();
    const meeting = db.prepare("INSERT INTO meetings (kind, date, team, created_at) VALUES ('team', ?, ?, 'x')");
    meeting.run("2026-01-10", "Wohnen");
    meeting.run("2026-02-10", "Aktionsteam Wohnen");
    meeting.run("2026-03-10", "Redaktion");
    meeting.run("2026-04-10", null);
    migrate(db);
    expect(db.prepare("SELECT team, team_id AS teamId FROM meetings ORDER BY id").all()).toEqual([
      { team: "Wohnen", teamId: 2 },
      { team: "Aktionsteam Wohnen", teamId: 2 },
      { team: "Redaktion", teamId: null },
      { team: null, teamId: null },
    ]);
    // an unlinked one keeps showing its free text
    expect(getMeeting(db, 3)).toMatchObject({ team: "Redaktion", teamId: null });
    expect(getMeeting(db, 1)).toMatchObject({ team: "Aktionsteam Wohnen", teamId: 2 });
  });
});

describe("commitments", () => {
  it("add and update write the rows and the audit log; a rejected update writes nothing", () => {
    const db = freshDb();
    const { entries, audit } = auditLog();
    const assembly = addMeeting(db, audit, meetingFields(db, { kind: "assembly", date: "2026-05-09" }, TODAY));
    const id = addCommitment(db, audit, { ask: "Tempo 30", from: "Anna Weber", body: "Bezirksamt", answer: "yes", meeting: getMeeting(db, assembly)!, date: null, due: "2026-06-01" }, TODAY);
    addCommitment(db, audit, { ask: "Runder Tisch", from: "ANNA WEBER", answer: "partial", meeting: null, date: "2026-05-10", due: null }, TODAY);
    expect(count(db, "decision_makers")).toBe(1);
    expect(entries.map((e) => [e.entity, e.action])).toEqual([
      ["meeting", "add"],
      ["decision_maker", "add"],
      ["commitment", "add"],
      ["commitment", "add"],
    ]);
    updateCommitment(db, audit, getCommitment(db, id)!, { status: "in-progress", note: "läuft", date: "2026-05-20" });
    expect(getCommitment(db, id)).toMatchObject({ status: "in-progress", statusDate: "2026-05-20", date: "2026-05-09" });
    expect(cliError(() => updateCommitment(db, audit, getCommitment(db, id)!, { status: "kept", date: "2026-05-01" })).key).toBe("error.commitments.updateBeforeDate");
    expect(cliError(() => updateCommitment(db, audit, getCommitment(db, id)!, { status: "done", date: "2026-05-21" })).key).toBe("error.notOneOf");
    expect(updatesOf(db, id)).toEqual([{ date: "2026-05-20", status: "in-progress", note: "läuft" }]);
    expect(listCommitments(db, { overdueOn: TODAY }).map((c) => c.id)).toEqual([id]);
    expect(listCommitments(db, { meetingId: assembly }).map((c) => c.id)).toEqual([id]);
  });

  it("the table refuses a due date before the answer, a status it does not know, and a negative turnout", () => {
    const db = freshDb();
    db.prepare("INSERT INTO decision_makers (name, name_key, created_at) VALUES ('A', 'a', 'x')").run();
    const insert = db.prepare("INSERT INTO commitments (ask, decision_maker_id, answer, given_on, due_on, status, status_on, created_at) VALUES ('x', 1, 'yes', ?, ?, ?, ?, 'x')");
    expect(() => insert.run("2026-05-10", "2026-05-01", "pending", "2026-05-10")).toThrow(/CHECK|check constraint/);
    expect(() => insert.run("2026-05-10", null, "done", "2026-05-10")).toThrow(/CHECK|check constraint/);
    db.prepare("INSERT INTO groups (name, name_key, kind, joined_on, created_at) VALUES ('G', 'g', 'other', '2020-01-01', 'x')").run();
    db.prepare("INSERT INTO meetings (kind, date, created_at) VALUES ('assembly', '2026-05-09', 'x')").run();
    expect(() => db.prepare("INSERT INTO assembly_turnout (meeting_id, group_id, pledged) VALUES (1, 1, -1)").run()).toThrow(/CHECK|check constraint/);
  });
});
