// Schema version 10: the record is sealed, and a motion can be withdrawn. Approved minutes are stored as they were approved (and rendered from
// there ever after), amendments are chained to them, and the audit log becomes a hash chain whose newest link
// is kept apart. The data steps that fill these for an existing file run in the same transaction (core/db.ts).
export default /* sql */ `
CREATE TABLE approved_minutes (
  meeting_id  INTEGER PRIMARY KEY REFERENCES meetings (id),
  model       TEXT NOT NULL,             -- the complete minutes as approved (JSON): every later rendering reads this
  fingerprint TEXT NOT NULL,             -- SHA-256 of model, printed (short) in the minutes' footer
  frozen_at   TEXT NOT NULL              -- ISO instant
) STRICT;
ALTER TABLE minutes_amendments ADD COLUMN seal TEXT;  -- SHA-256 over the previous seal (or the fingerprint) and this amendment
ALTER TABLE audit_log ADD COLUMN hash TEXT;            -- SHA-256 over the previous entry's hash and this entry
-- A vote opened by mistake can be withdrawn ('votes withdraw'): the table is rebuilt with the new status, as
-- SQLite cannot change a CHECK. The votes' rows keep their ids; vote_casts and vote_corrections point at them
-- again once the new table has the old name (run with foreign keys off, then checked: see rebuildsTables).
CREATE TABLE votes_withdrawable (
  id               INTEGER PRIMARY KEY,
  meeting_id       INTEGER NOT NULL REFERENCES meetings (id),
  item_id          INTEGER REFERENCES agenda_items (id),
  motion           TEXT NOT NULL,
  mover_group_id   INTEGER REFERENCES groups (id),
  mover_person_id  INTEGER REFERENCES people (id),
  mode             TEXT NOT NULL CHECK (mode IN ('roll-call', 'count', 'secret')),
  majority         TEXT NOT NULL CHECK (majority IN ('simple', 'two-thirds', 'three-quarters', 'unanimous')),
  base             TEXT NOT NULL CHECK (base IN ('yes-no', 'yes-no-abstain', 'present', 'entitled')),
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'withdrawn')),
  yes_count        INTEGER CHECK (yes_count >= 0),
  no_count         INTEGER CHECK (no_count >= 0),
  abstain_count    INTEGER CHECK (abstain_count >= 0),
  result           TEXT CHECK (result IN ('adopted', 'rejected', 'no-quorum')),
  quorum_rule      TEXT,
  quorum_required  INTEGER,
  quorum_present   INTEGER,
  quorum_entitled  INTEGER,
  quorum_met       INTEGER CHECK (quorum_met IN (0, 1)),
  opened_at        TEXT NOT NULL,
  closed_at        TEXT,                                  -- closed or withdrawn
  withdrawn_reason TEXT,                                  -- why the motion was withdrawn, as the minutes state it
  CHECK (mover_group_id IS NULL OR mover_person_id IS NULL),
  CHECK ((yes_count IS NULL) = (no_count IS NULL) AND (no_count IS NULL) = (abstain_count IS NULL)),
  CHECK (mode <> 'roll-call' OR yes_count IS NULL),
  CHECK ((status = 'closed') = (result IS NOT NULL)),
  CHECK ((status = 'open') = (closed_at IS NULL)),
  CHECK ((status = 'closed') = (quorum_met IS NOT NULL)),
  CHECK ((status = 'withdrawn') = (withdrawn_reason IS NOT NULL))
) STRICT;
INSERT INTO votes_withdrawable (id, meeting_id, item_id, motion, mover_group_id, mover_person_id, mode, majority, base, status,
                                yes_count, no_count, abstain_count, result, quorum_rule, quorum_required, quorum_present,
                                quorum_entitled, quorum_met, opened_at, closed_at)
  SELECT id, meeting_id, item_id, motion, mover_group_id, mover_person_id, mode, majority, base, status,
         yes_count, no_count, abstain_count, result, quorum_rule, quorum_required, quorum_present,
         quorum_entitled, quorum_met, opened_at, closed_at FROM votes;
DROP TABLE votes;
ALTER TABLE votes_withdrawable RENAME TO votes;
CREATE INDEX votes_by_meeting ON votes (meeting_id);

CREATE TABLE audit_head (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  last_id INTEGER NOT NULL,              -- the newest entry: cutting entries off the end shows here
  hash    TEXT NOT NULL
) STRICT;
`;
