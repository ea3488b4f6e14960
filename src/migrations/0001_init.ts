// Schema version 1: the platform's settings, member groups, people and their roles, and the audit log.
// Names are chosen so that `sqlite3 plattform.db .schema` documents the data.
export default /* sql */ `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE groups (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE,     -- the name case-folded (any script): what lookups and the unique check use
  short      TEXT,
  short_key  TEXT UNIQUE,              -- the short code case-folded
  kind       TEXT NOT NULL,
  joined_on  TEXT NOT NULL,            -- YYYY-MM-DD: member from this day
  left_on    TEXT,                     -- YYYY-MM-DD: no longer a member from this day; NULL while a member
  email      TEXT,
  phone      TEXT,
  notes      TEXT,
  created_at TEXT NOT NULL,
  CHECK (left_on IS NULL OR left_on >= joined_on)
) STRICT;

CREATE TABLE people (
  id           INTEGER PRIMARY KEY,
  name         TEXT,                   -- NULL once the person has been forgotten
  name_key     TEXT,                   -- the name case-folded (any script), for lookups and the unique check
  email        TEXT,
  phone        TEXT,
  notes        TEXT,
  created_at   TEXT NOT NULL,
  forgotten_at TEXT,                   -- set by 'people forget': personal data erased, history kept
  CHECK (name IS NOT NULL OR forgotten_at IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX people_by_name ON people (name_key) WHERE name_key IS NOT NULL;

-- A person acts for a group in a role, from 'since' until the day before 'until'.
CREATE TABLE group_roles (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people (id),
  group_id  INTEGER NOT NULL REFERENCES groups (id),
  role      TEXT NOT NULL CHECK (role IN ('representative', 'key-person', 'member')),
  since     TEXT NOT NULL,
  until     TEXT,
  CHECK (until IS NULL OR until >= since)
) STRICT;
CREATE INDEX group_roles_by_group ON group_roles (group_id, role);
CREATE INDEX group_roles_by_person ON group_roles (person_id);

-- Every write: when, who, the command line (a JSON array of its arguments) and what changed (JSON).
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,             -- ISO timestamp, UTC
  actor     TEXT NOT NULL,
  command   TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  action    TEXT NOT NULL,
  changes   TEXT
) STRICT;
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id);
`;
