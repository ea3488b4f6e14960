// The people of a server platform as PostgreSQL roles (`plattform users`). Each platform (a database and schema)
// has four group roles without login, one per plattform role, holding that role's grants on this schema's tables
// only; a user is a login role that is a member of one of them. So a user of one platform reaches no other
// platform's tables, and one login may belong to several platforms (a member of a group role of each).
// No password passes through plattform: the administrator sets it with psql's \password (which sends only a
// SCRAM verifier), or the server authenticates by certificate or peer.
import { createHash } from "node:crypto";
import type { Db } from "../db.js";

export const PLATFORM_ROLES = ["organizer", "secretary", "treasurer", "reader"] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** The money: only the treasurer and the organizer (who raises the funds, DOMAIN.md) change it. */
const MONEY = new Set(["application_stages", "applications", "bank_rules", "budget_lines", "closed_years", "dues_assessments", "funder_contacts", "funders", "income", "reporting_deadlines"]);

/**
 * The Kernkreis's record, kept by the secretary: meetings, agenda, attendance, votes, elections (and the team
 * terms they certify), tasks, minutes and their amendments. The treasurer changes none of it.
 */
const MINUTES = new Set([
  "agenda_items", "approved_minutes", "assembly_turnout", "attendance", "ballot_receipts", "ballots", "candidates", "elections", "invitations",
  "item_notes", "meetings", "minutes_amendments", "tasks", "team_members", "vote_casts", "vote_corrections", "votes", "votes_withdrawable",
]);

/** The log: every writer appends to it; nobody updates or deletes an entry (see `forget` below). */
const AUDIT = new Set(["audit_log", "audit_head"]);

/** Whether `role` may change the rows of `table` (every role reads every table). */
function writes(role: PlatformRole, table: string): boolean {
  if (role === "organizer") return true;
  if (role === "secretary") return MINUTES.has(table);
  if (role === "treasurer") return MONEY.has(table);
  return false;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface Where {
  database: string;
  schema: string;
}

function where(db: Db): Where {
  return db.prepare("SELECT current_database() AS database, current_schema() AS schema").get() as Where;
}

/**
 * The group role of `role` on this platform: plattform_<database>_<role>, the schema added when it is not
 * public; a name longer than PostgreSQL's 63 bytes is cut and made unique by a hash.
 */
export function groupRoleName(at: Where, role: PlatformRole): string {
  const platform = at.schema === "public" ? at.database : `${at.database}.${at.schema}`;
  const name = `plattform_${platform}_${role}`;
  if (Buffer.byteLength(name) <= 63) return name;
  const hash = createHash("sha256").update(platform).digest("hex").slice(0, 8);
  let cut = platform;
  while (Buffer.byteLength(`plattform_${cut}~${hash}_${role}`) > 63) cut = cut.slice(0, -1);
  return `plattform_${cut}~${hash}_${role}`;
}

function exists(db: Db, role: string): boolean {
  return db.prepare("SELECT count(*) FROM pg_roles WHERE rolname = ?").pluck().get(role) === 1;
}

/**
 * Creates the platform's group roles where missing and gives each its grants on the tables as they are now (run
 * again by every `users add`, so a table a later version adds gets its grants too).
 */
function grantGroups(db: Db, at: Where): void {
  const tables = db.prepare("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").pluck().all() as string[];
  for (const role of PLATFORM_ROLES) {
    const group = quote(groupRoleName(at, role));
    if (!exists(db, groupRoleName(at, role))) db.exec(`CREATE ROLE ${group} NOLOGIN`);
    db.exec(`GRANT CONNECT ON DATABASE ${quote(at.database)} TO ${group}`);
    db.exec(`GRANT USAGE ON SCHEMA ${quote(at.schema)} TO ${group}`);
    const all = tables.map((t) => `${quote(at.schema)}.${quote(t)}`).join(", ");
    if (all) {
      db.exec(`REVOKE ALL ON ${all} FROM ${group}`);
      db.exec(`GRANT SELECT ON ${all} TO ${group}`);
    }
    if (role === "reader") continue;
    db.exec(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${quote(at.schema)} TO ${group}`);
    for (const table of tables) {
      const name = `${quote(at.schema)}.${quote(table)}`;
      if (table === "audit_log") {
        db.exec(`GRANT INSERT ON ${name} TO ${group}`);
        // people forget rewrites what earlier entries say about the person (and logs that it did): the organizer's
        // command, so the organizer may change those columns of an entry, never its time, subject or existence.
        if (role === "organizer") db.exec(`GRANT UPDATE (actor, command, changes, hash) ON ${name} TO ${group}`);
      } else if (table === "audit_head") db.exec(`GRANT INSERT, UPDATE ON ${name} TO ${group}`);
      else if (!AUDIT.has(table) && writes(role, table)) db.exec(`GRANT INSERT, UPDATE, DELETE ON ${name} TO ${group}`);
    }
  }
}

export function isValidUserName(name: string): boolean {
  return name.length > 0 && Buffer.byteLength(name) <= 63 && !/^pg_/i.test(name) && !/[\u0000-\u001f]/.test(name);
}

/**
 * Makes the login role `name` a member of this platform's group role for `role` (creating the login without a
 * password when it does not exist, and leaving any other role it had on this platform). Returns whether the
 * login was created.
 */
export function addUser(db: Db, name: string, role: PlatformRole): { created: boolean; previous: PlatformRole | null } {
  const at = where(db);
  grantGroups(db, at);
  const created = !exists(db, name);
  if (created) db.exec(`CREATE ROLE ${quote(name)} LOGIN`);
  const previous = roleOfUser(db, at, name);
  for (const other of PLATFORM_ROLES) if (other !== role && isMember(db, name, groupRoleName(at, other))) db.exec(`REVOKE ${quote(groupRoleName(at, other))} FROM ${quote(name)}`);
  db.exec(`GRANT ${quote(groupRoleName(at, role))} TO ${quote(name)}`);
  return { created, previous };
}

/** Removes `name` from this platform's group roles (the login stays: it may belong to other platforms). */
export function removeUser(db: Db, name: string): PlatformRole | null {
  const at = where(db);
  const role = roleOfUser(db, at, name);
  for (const each of PLATFORM_ROLES) if (isMember(db, name, groupRoleName(at, each))) db.exec(`REVOKE ${quote(groupRoleName(at, each))} FROM ${quote(name)}`);
  return role;
}

function isMember(db: Db, user: string, group: string): boolean {
  return (
    db
      .prepare("SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = ? AND u.rolname = ?")
      .pluck()
      .get(group, user) === 1
  );
}

function roleOfUser(db: Db, at: Where, user: string): PlatformRole | null {
  return PLATFORM_ROLES.find((role) => isMember(db, user, groupRoleName(at, role))) ?? null;
}

/** The users of this platform: the direct members of its group roles, by name. */
export function listUsers(db: Db): Array<{ name: string; role: PlatformRole; canLogin: boolean }> {
  const at = where(db);
  const groups = new Map(PLATFORM_ROLES.map((role) => [groupRoleName(at, role), role]));
  const rows = db
    .prepare(
      `SELECT g.rolname AS "group", u.rolname AS name, u.rolcanlogin AS "canLogin"
         FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
        WHERE g.rolname IN (${[...groups.keys()].map(() => "?").join(", ")})
        ORDER BY u.rolname`,
    )
    .all(...groups.keys()) as Array<{ group: string; name: string; canLogin: number | boolean }>;
  return rows.map((r) => ({ name: r.name, role: groups.get(r.group)!, canLogin: r.canLogin === 1 || r.canLogin === true }));
}

/** The database user of this connection and its plattform role on this platform (null: none of the four). */
export function whoAmI(db: Db): { user: string; role: PlatformRole | null } {
  const user = db.prepare("SELECT current_user").pluck().get() as string;
  const at = where(db);
  // pg_has_role fails on a role that does not exist: asked only about the platform's existing group roles
  const role = PLATFORM_ROLES.find((r) => exists(db, groupRoleName(at, r)) && db.prepare("SELECT pg_has_role(current_user, ?, 'MEMBER')").pluck().get(groupRoleName(at, r)) === 1) ?? null;
  return { user, role };
}
