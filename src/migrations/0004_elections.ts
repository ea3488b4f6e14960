// Schema version 4: teams and their members' terms; elections with candidates and secret ballots.
//
// Ballot secrecy (DOMAIN.md): who has voted (ballot_receipts) is kept apart from what was voted (ballots), so
// that no query can pair a group with its ballot. Neither table has a timestamp; ballots carry no group and get
// a random id (chosen by the program, not by SQLite), so their ids and their order on disk say nothing about
// the order in which they were cast; receipts have no id at all (WITHOUT ROWID, keyed by election and group).
// No table uses AUTOINCREMENT, so there is no sqlite_sequence either.
export default /* sql */ `
CREATE TABLE teams (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE,     -- the name case-folded, for lookups and the unique check
  short      TEXT,                     -- what people type: strategy-finance, wohnen …
  short_key  TEXT UNIQUE,
  kind       TEXT NOT NULL CHECK (kind IN ('strategy-finance', 'action', 'other')),
  created_at TEXT NOT NULL
) STRICT;
-- There is one Strategy & Finance team, elected every year by the Kernkreis.
CREATE UNIQUE INDEX teams_one_strategy_finance ON teams (kind) WHERE kind = 'strategy-finance';
INSERT INTO teams (name, name_key, short, short_key, kind, created_at)
VALUES ('Strategie- und Finanzteam', 'strategie- und finanzteam', 'strategy-finance', 'strategy-finance', 'strategy-finance',
        strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

-- A person serves on a team from 'since' until the day before 'until' (NULL: open-ended). Rows are never
-- deleted: a term that ends gets its 'until', so the team's history stays.
CREATE TABLE team_members (
  id          INTEGER PRIMARY KEY,
  team_id     INTEGER NOT NULL REFERENCES teams (id),
  person_id   INTEGER NOT NULL REFERENCES people (id),
  role        TEXT NOT NULL CHECK (role IN ('lead', 'member')),
  since       TEXT NOT NULL,
  until       TEXT,
  election_id INTEGER REFERENCES elections (id),   -- the certified election that gave this term, if any
  CHECK (until IS NULL OR until > since)
) STRICT;
CREATE INDEX team_members_by_team ON team_members (team_id, since);
CREATE INDEX team_members_by_person ON team_members (person_id);

CREATE TABLE elections (
  id           INTEGER PRIMARY KEY,
  meeting_id   INTEGER NOT NULL REFERENCES meetings (id),
  item_id      INTEGER REFERENCES agenda_items (id),
  team_id      INTEGER NOT NULL REFERENCES teams (id),
  seats        INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 99),
  method       TEXT NOT NULL CHECK (method IN ('scottish-stv', 'approval', 'yes-no-abstain')),
  term_months  INTEGER NOT NULL CHECK (term_months BETWEEN 1 AND 60),
  -- open: nominations and ballots; counted: the ballot box is closed and a tally stored; certified: final
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'counted', 'certified')),
  source       TEXT CHECK (source IN ('ballots', 'blt')),  -- how the ballots came in: cast one by one, or a BLT file
  tally        TEXT,                   -- the last count, JSON as 'elections tally --json' prints it; candidates as {c:<id>}
  seed         INTEGER,                -- the seed of the lot in that count (NULL when none was drawn)
  certified_on TEXT,                   -- YYYY-MM-DD
  created_at   TEXT NOT NULL,
  CHECK ((status = 'open') = (tally IS NULL))
) STRICT;
CREATE INDEX elections_by_meeting ON elections (meeting_id);

CREATE TABLE candidates (
  id           INTEGER PRIMARY KEY,
  election_id  INTEGER NOT NULL REFERENCES elections (id),
  person_id    INTEGER NOT NULL REFERENCES people (id),
  nominated_by INTEGER REFERENCES groups (id),
  status       TEXT NOT NULL DEFAULT 'nominated' CHECK (status IN ('nominated', 'accepted', 'withdrawn')),
  UNIQUE (election_id, person_id)
) STRICT;

-- Who has voted: one row per group and election, nothing else (no id, no time, no ballot).
CREATE TABLE ballot_receipts (
  election_id INTEGER NOT NULL REFERENCES elections (id),
  group_id    INTEGER NOT NULL REFERENCES groups (id),
  PRIMARY KEY (election_id, group_id)
) STRICT, WITHOUT ROWID;

-- What was voted: a random id, the election, the content (JSON of candidate ids), and a weight (BLT files
-- group equal ballots). No group, no time.
CREATE TABLE ballots (
  id          INTEGER PRIMARY KEY,     -- random, not in the order of casting
  election_id INTEGER NOT NULL REFERENCES elections (id),
  weight      INTEGER NOT NULL DEFAULT 1 CHECK (weight >= 1),
  content     TEXT NOT NULL
) STRICT;
CREATE INDEX ballots_by_election ON ballots (election_id);
`;
