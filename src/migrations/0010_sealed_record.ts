// Schema version 10: the record is sealed. Approved minutes are stored as they were approved (and rendered from
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
CREATE TABLE audit_head (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  last_id INTEGER NOT NULL,              -- the newest entry: cutting entries off the end shows here
  hash    TEXT NOT NULL
) STRICT;
`;
