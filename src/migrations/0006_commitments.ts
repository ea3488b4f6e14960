// Schema version 6: commitments (Zusagen) of decision makers with their dated follow-ups, the turnout of member
// groups at assemblies, and team meetings linked to their team.
export default /* sql */ `
-- Politicians, officials and business people whom the platform asks for commitments; reused by name.
CREATE TABLE decision_makers (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE,     -- the name case-folded, for lookups and the unique check
  office     TEXT,                     -- Bezirksbürgermeisterin, Vorstand …
  body       TEXT,                     -- the institution: Bezirksamt Neukölln, Wohnungsbaugesellschaft …
  created_at TEXT NOT NULL
) STRICT;

-- An ask put to a decision maker, the answer given, and where the follow-up stands.
CREATE TABLE commitments (
  id                INTEGER PRIMARY KEY,
  ask               TEXT NOT NULL,
  decision_maker_id INTEGER NOT NULL REFERENCES decision_makers (id),
  answer            TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'partial', 'absent')),
  meeting_id        INTEGER REFERENCES meetings (id),   -- where it was given, typically an assembly
  given_on          TEXT NOT NULL,                      -- YYYY-MM-DD
  due_on            TEXT,                               -- by when it is to be kept
  status            TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'in-progress', 'kept', 'broken')),
  status_on         TEXT NOT NULL,                      -- the date of the latest status (given_on until a follow-up)
  created_at        TEXT NOT NULL,
  CHECK (due_on IS NULL OR due_on >= given_on)
) STRICT;
CREATE INDEX commitments_by_status ON commitments (status, due_on);
CREATE INDEX commitments_by_decision_maker ON commitments (decision_maker_id);
CREATE INDEX commitments_by_meeting ON commitments (meeting_id);
CREATE INDEX commitments_by_date ON commitments (given_on);

-- Follow-ups: each status change or note, dated; never edited, so the history stays.
CREATE TABLE commitment_updates (
  id            INTEGER PRIMARY KEY,
  commitment_id INTEGER NOT NULL REFERENCES commitments (id),
  on_date       TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('pending', 'in-progress', 'kept', 'broken')),
  note          TEXT,
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX commitment_updates_by_commitment ON commitment_updates (commitment_id, on_date);

-- The roll call of an assembly: how many people each member group pledged to bring, and how many came.
CREATE TABLE assembly_turnout (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  group_id   INTEGER NOT NULL REFERENCES groups (id),
  pledged    INTEGER CHECK (pledged IS NULL OR pledged BETWEEN 0 AND 100000),
  actual     INTEGER CHECK (actual IS NULL OR actual BETWEEN 0 AND 100000),
  PRIMARY KEY (meeting_id, group_id)
) STRICT, WITHOUT ROWID;

-- Team meetings belong to a team (until now the team was free text in meetings.team, which stays as its name).
ALTER TABLE meetings ADD COLUMN team_id INTEGER REFERENCES teams (id);
UPDATE meetings SET team_id = (SELECT t.id FROM teams t WHERE t.name_key = lower(trim(meetings.team)) OR t.short_key = lower(trim(meetings.team)) ORDER BY t.id LIMIT 1)
 WHERE team IS NOT NULL;
CREATE INDEX meetings_by_team ON meetings (team_id, date);
`;
