// Invitations by e-mail (`meetings invite`): one row per meeting and person, updated at each attempt. Only a row
// with status 'sent' counts as invited; 'failed' keeps the mail server's answer, 'written' an .eml file made
// with --out for sending by hand. The SMTP password is never stored (settings hold host, port, user, sender).
export default /* sql */ `
CREATE TABLE invitations (
  id          INTEGER PRIMARY KEY,
  meeting_id  INTEGER NOT NULL REFERENCES meetings (id),
  person_id   INTEGER NOT NULL REFERENCES people (id),
  address     TEXT NOT NULL,                             -- the e-mail address used
  status      TEXT NOT NULL CHECK (status IN ('sent', 'failed', 'written')),
  reason      TEXT,                                      -- the server's answer when it failed
  invited_at  TEXT NOT NULL,                             -- instant of the last attempt (ISO, UTC)
  invited_by  TEXT NOT NULL,                             -- who ran the command (--as, PLATTFORM_USER, OS user)
  UNIQUE (meeting_id, person_id)
) STRICT;
`;
