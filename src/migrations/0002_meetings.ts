// Schema version 2: meetings with their agenda, attendance, notes, tasks, and the lifecycle of the minutes.
export default /* sql */ `
CREATE TABLE meetings (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL CHECK (kind IN ('kernkreis', 'team', 'assembly', 'training', 'action')),
  title            TEXT,
  date             TEXT NOT NULL,            -- YYYY-MM-DD, Europe/Berlin
  start_time       TEXT,                     -- HH:MM
  end_time         TEXT,                     -- HH:MM
  place            TEXT,
  team             TEXT,                     -- the team a team meeting belongs to (free text until teams exist)
  chair_id         INTEGER REFERENCES people (id),
  secretary_id     INTEGER REFERENCES people (id),
  invited_on       TEXT,                     -- date the invitation went out
  status           TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  minutes          TEXT NOT NULL DEFAULT 'none' CHECK (minutes IN ('none', 'draft', 'approved')),
  approved_by_id   INTEGER REFERENCES meetings (id),  -- the later meeting that approved these minutes
  approval_note    TEXT,                     -- corrections made at approval ("as corrected")
  minutes_hash     TEXT,                     -- SHA-256 of the minutes' content when approved
  created_at       TEXT NOT NULL
) STRICT;
CREATE INDEX meetings_by_date ON meetings (date, kind);

CREATE TABLE agenda_items (
  id               INTEGER PRIMARY KEY,
  meeting_id       INTEGER NOT NULL REFERENCES meetings (id),
  position         INTEGER NOT NULL,         -- 1, 2, 3 … as printed on the agenda
  title            TEXT NOT NULL,
  type             TEXT NOT NULL CHECK (type IN ('report', 'discussion', 'decision', 'election', 'info')),
  presenter_id     INTEGER REFERENCES people (id),
  duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes > 0)
) STRICT;
CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting_id, position);

CREATE TABLE item_notes (
  id         INTEGER PRIMARY KEY,
  item_id    INTEGER NOT NULL REFERENCES agenda_items (id),
  text       TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX item_notes_by_item ON item_notes (item_id);

-- Who was there: people present for a group, guests, and excused groups or people.
CREATE TABLE attendance (
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meetings (id),
  status      TEXT NOT NULL CHECK (status IN ('present', 'guest', 'excused')),
  person_id   INTEGER REFERENCES people (id),
  group_id    INTEGER REFERENCES groups (id),  -- the group a present person acts for; the excused group
  guest_name  TEXT,                            -- a guest who is not in the people list
  CHECK (person_id IS NOT NULL OR group_id IS NOT NULL OR guest_name IS NOT NULL)
) STRICT;
CREATE INDEX attendance_by_meeting ON attendance (meeting_id);

CREATE TABLE tasks (
  id               INTEGER PRIMARY KEY,
  title            TEXT NOT NULL,
  owner_person_id  INTEGER REFERENCES people (id),
  owner_group_id   INTEGER REFERENCES groups (id),
  due_on           TEXT,
  meeting_id       INTEGER REFERENCES meetings (id),
  item_id          INTEGER REFERENCES agenda_items (id),
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_on          TEXT,
  created_at       TEXT NOT NULL,
  CHECK ((owner_person_id IS NULL) <> (owner_group_id IS NULL))
) STRICT;
CREATE INDEX tasks_by_status ON tasks (status, due_on);
CREATE INDEX tasks_by_meeting ON tasks (meeting_id);

-- Corrections to approved minutes: recorded, dated and signed, never a silent edit.
CREATE TABLE minutes_amendments (
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meetings (id),
  text        TEXT NOT NULL,
  author      TEXT NOT NULL,
  made_on     TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
`;
