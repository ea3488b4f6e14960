// Schema version 3: votes (motions decided in a meeting, one vote per member group), the groups' votes in a
// roll call, and the logged corrections of those votes.
export default /* sql */ `
CREATE TABLE votes (
  id               INTEGER PRIMARY KEY,
  meeting_id       INTEGER NOT NULL REFERENCES meetings (id),
  item_id          INTEGER REFERENCES agenda_items (id),  -- the agenda item the motion belongs to, if any
  motion           TEXT NOT NULL,                         -- the exact wording, as the minutes state it
  mover_group_id   INTEGER REFERENCES groups (id),        -- who moved it: a group, a person, or not recorded
  mover_person_id  INTEGER REFERENCES people (id),
  mode             TEXT NOT NULL CHECK (mode IN ('roll-call', 'count', 'secret')),
  majority         TEXT NOT NULL CHECK (majority IN ('simple', 'two-thirds', 'three-quarters', 'unanimous')),
  base             TEXT NOT NULL CHECK (base IN ('yes-no', 'yes-no-abstain', 'present', 'entitled')),
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  -- count and secret votes: the totals (NULL until counted); a roll call's figures come from vote_casts
  yes_count        INTEGER CHECK (yes_count >= 0),
  no_count         INTEGER CHECK (no_count >= 0),
  abstain_count    INTEGER CHECK (abstain_count >= 0),
  result           TEXT CHECK (result IN ('adopted', 'rejected', 'no-quorum')),
  -- the quorum as evaluated when the vote closed, with the meeting's attendance at that moment
  quorum_rule      TEXT,                                  -- the setting then: none, half or a number of groups
  quorum_required  INTEGER,                               -- member groups that had to be present
  quorum_present   INTEGER,                               -- member groups present
  quorum_entitled  INTEGER,                               -- member groups on the meeting's date
  quorum_met       INTEGER CHECK (quorum_met IN (0, 1)),
  opened_at        TEXT NOT NULL,                         -- ISO timestamp, UTC
  closed_at        TEXT,
  CHECK (mover_group_id IS NULL OR mover_person_id IS NULL),
  CHECK ((yes_count IS NULL) = (no_count IS NULL) AND (no_count IS NULL) = (abstain_count IS NULL)),
  CHECK (mode <> 'roll-call' OR yes_count IS NULL),
  CHECK ((status = 'closed') = (result IS NOT NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((status = 'closed') = (quorum_met IS NOT NULL))
) STRICT;
CREATE INDEX votes_by_meeting ON votes (meeting_id);

-- A roll call: each member group's vote, by name. One per group: a second is an error, a correction is logged.
CREATE TABLE vote_casts (
  id        INTEGER PRIMARY KEY,
  vote_id   INTEGER NOT NULL REFERENCES votes (id),
  group_id  INTEGER NOT NULL REFERENCES groups (id),
  choice    TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
  cast_at   TEXT NOT NULL,
  UNIQUE (vote_id, group_id)
) STRICT;

-- Corrections of a group's recorded vote ('votes recast'): what it was, what it became, why, who, when.
CREATE TABLE vote_corrections (
  id           INTEGER PRIMARY KEY,
  vote_id      INTEGER NOT NULL REFERENCES votes (id),
  group_id     INTEGER NOT NULL REFERENCES groups (id),
  from_choice  TEXT NOT NULL CHECK (from_choice IN ('yes', 'no', 'abstain')),
  to_choice    TEXT NOT NULL CHECK (to_choice IN ('yes', 'no', 'abstain')),
  reason       TEXT NOT NULL,
  actor        TEXT NOT NULL,
  made_at      TEXT NOT NULL
) STRICT;
CREATE INDEX vote_corrections_by_vote ON vote_corrections (vote_id);
`;
