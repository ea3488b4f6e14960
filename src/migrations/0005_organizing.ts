// Schema version 5: the organizing work — topics (Themen), one-to-one conversations, house and research meetings
// with the people spoken with and the topics heard, and campaigns with their dated status reports.
export default /* sql */ `
-- What people talk about when they are listened to: Mieten, Schule, Pflege … Created on first use.
CREATE TABLE topics (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE,     -- the name case-folded (any script), for lookups and the unique check
  created_at TEXT NOT NULL
) STRICT;

-- A conversation held by a person (an organizer or leader): one-to-one, house meeting or research meeting.
CREATE TABLE conversations (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL DEFAULT 'one-to-one' CHECK (kind IN ('one-to-one', 'house-meeting', 'research')),
  held_on      TEXT NOT NULL,            -- YYYY-MM-DD
  holder_id    INTEGER NOT NULL REFERENCES people (id),
  notes        TEXT,                     -- what was heard: stories, self-interest
  next_step    TEXT,                     -- the agreed next step
  follow_up_on TEXT,                     -- YYYY-MM-DD: when to follow up
  created_at   TEXT NOT NULL,
  CHECK (follow_up_on IS NULL OR follow_up_on >= held_on)
) STRICT;
CREATE INDEX conversations_by_date ON conversations (held_on);
CREATE INDEX conversations_by_holder ON conversations (holder_id, held_on);
CREATE INDEX conversations_follow_ups ON conversations (follow_up_on) WHERE follow_up_on IS NOT NULL;

-- With whom: one row per person spoken with, and the group they belonged to then (kept, as roles change).
CREATE TABLE conversation_people (
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  person_id       INTEGER NOT NULL REFERENCES people (id),
  group_id        INTEGER REFERENCES groups (id),
  PRIMARY KEY (conversation_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX conversation_people_by_person ON conversation_people (person_id, conversation_id);
CREATE INDEX conversation_people_by_group ON conversation_people (group_id);

-- The topics a conversation raised.
CREATE TABLE conversation_topics (
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  topic_id        INTEGER NOT NULL REFERENCES topics (id),
  PRIMARY KEY (conversation_id, topic_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX conversation_topics_by_topic ON conversation_topics (topic_id, conversation_id);

-- A winnable issue taken up by an action team. Active while in research, action or negotiation.
CREATE TABLE campaigns (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  name_key       TEXT NOT NULL UNIQUE,   -- the name case-folded, for lookups and the unique check
  topic_id       INTEGER NOT NULL REFERENCES topics (id),
  team_id        INTEGER NOT NULL REFERENCES teams (id),
  goal           TEXT,
  started_on     TEXT NOT NULL,          -- YYYY-MM-DD
  started_status TEXT NOT NULL CHECK (started_status IN ('research', 'action', 'negotiation', 'won', 'lost', 'paused')),
  -- the status now: that of the latest update (by date), or started_status while there is none
  status         TEXT NOT NULL CHECK (status IN ('research', 'action', 'negotiation', 'won', 'lost', 'paused')),
  created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX campaigns_by_status ON campaigns (status);
CREATE INDEX campaigns_by_team ON campaigns (team_id);
CREATE INDEX campaigns_by_topic ON campaigns (topic_id);

-- Dated status reports; the latest of each active campaign fills the campaigns item of the Kernkreis agenda.
-- Never edited: the history stays.
CREATE TABLE campaign_updates (
  id              INTEGER PRIMARY KEY,
  campaign_id     INTEGER NOT NULL REFERENCES campaigns (id),
  on_date         TEXT NOT NULL,         -- YYYY-MM-DD
  text            TEXT NOT NULL,
  meeting_id      INTEGER REFERENCES meetings (id),   -- the meeting it was reported at, if any
  status          TEXT NOT NULL CHECK (status IN ('research', 'action', 'negotiation', 'won', 'lost', 'paused')),
  previous_status TEXT CHECK (previous_status IN ('research', 'action', 'negotiation', 'won', 'lost', 'paused')),  -- set when this update changed the status
  created_at      TEXT NOT NULL,
  CHECK (previous_status IS NULL OR previous_status <> status)
) STRICT;
CREATE INDEX campaign_updates_by_campaign ON campaign_updates (campaign_id, on_date);
CREATE INDEX campaign_updates_by_meeting ON campaign_updates (meeting_id);
`;
