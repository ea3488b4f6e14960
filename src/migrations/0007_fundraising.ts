// Schema version 7: fundraising — funders and their contacts, applications with their stage history and
// reporting deadlines, income, dues assessed per group and year, and annual budget lines. Money is integer cents.
export default /* sql */ `
CREATE TABLE funders (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL UNIQUE,     -- the name case-folded (any script), for lookups and the unique check
  kind       TEXT NOT NULL CHECK (kind IN ('foundation', 'church', 'company', 'private', 'public', 'other')),
  website    TEXT,
  notes      TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE funder_contacts (
  id        INTEGER PRIMARY KEY,
  funder_id INTEGER NOT NULL REFERENCES funders (id),
  name      TEXT NOT NULL,
  role      TEXT,
  email     TEXT,
  phone     TEXT
) STRICT;
CREATE INDEX funder_contacts_by_funder ON funder_contacts (funder_id);

CREATE TABLE applications (
  id                INTEGER PRIMARY KEY,
  funder_id         INTEGER NOT NULL REFERENCES funders (id),
  title             TEXT NOT NULL,
  amount_requested  INTEGER NOT NULL CHECK (amount_requested > 0),          -- cents
  deadline          TEXT,                                                   -- YYYY-MM-DD: to be submitted by
  decision_expected TEXT,                                                   -- YYYY-MM-DD
  probability       INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100), -- percent
  purpose           TEXT,
  restricted        INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)), -- money tied to the purpose
  stage             TEXT NOT NULL CHECK (stage IN ('idea', 'drafting', 'submitted', 'approved', 'rejected', 'withdrawn')),
  stage_since       TEXT NOT NULL,                                          -- date of the latest change of stage
  amount_awarded    INTEGER CHECK (amount_awarded IS NULL OR amount_awarded >= 0),
  period_start      TEXT,                                                   -- funding period of a grant
  period_end        TEXT,
  created_at        TEXT NOT NULL,
  CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
) STRICT;
CREATE INDEX applications_by_stage ON applications (stage, deadline);
CREATE INDEX applications_by_funder ON applications (funder_id);

-- Every change of stage, dated: the application's history.
CREATE TABLE application_stages (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  stage          TEXT NOT NULL CHECK (stage IN ('idea', 'drafting', 'submitted', 'approved', 'rejected', 'withdrawn')),
  changed_on     TEXT NOT NULL,
  reopened       INTEGER NOT NULL DEFAULT 0 CHECK (reopened IN (0, 1)),  -- a closed application taken up again
  note           TEXT,
  created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX application_stages_by_application ON application_stages (application_id, changed_on);

-- What a grant obliges the platform to report, and when (Zwischenbericht, Schlussbericht, Verwendungsnachweis).
CREATE TABLE reporting_deadlines (
  id             INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications (id),
  kind           TEXT NOT NULL CHECK (kind IN ('interim', 'final', 'proof-of-use')),
  due_on         TEXT NOT NULL,
  submitted_on   TEXT,
  created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX reporting_deadlines_by_due ON reporting_deadlines (submitted_on, due_on);
CREATE INDEX reporting_deadlines_by_application ON reporting_deadlines (application_id);

-- Money received. The source is a funder, a member group or a person, or only a payer's text from a bank file.
CREATE TABLE income (
  id             INTEGER PRIMARY KEY,
  received_on    TEXT NOT NULL,
  amount         INTEGER NOT NULL CHECK (amount > 0),                      -- cents
  kind           TEXT NOT NULL CHECK (kind IN ('grant', 'donation', 'dues', 'other')),
  funder_id      INTEGER REFERENCES funders (id),
  group_id       INTEGER REFERENCES groups (id),
  person_id      INTEGER REFERENCES people (id),
  source_text    TEXT,                                                      -- the payer as the bank wrote it
  application_id INTEGER REFERENCES applications (id),                      -- a grant's instalment
  fund           TEXT,                                                      -- restricted purpose; NULL: general money
  dues_year      INTEGER,                                                   -- dues: the year paid for
  note           TEXT,
  import_key     TEXT UNIQUE,                                               -- bank import: the row's stable key
  created_at     TEXT NOT NULL,
  CHECK ((funder_id IS NOT NULL) + (group_id IS NOT NULL) + (person_id IS NOT NULL) <= 1),
  CHECK (application_id IS NULL OR kind = 'grant'),
  CHECK ((kind = 'dues') = (dues_year IS NOT NULL))
) STRICT;
CREATE INDEX income_by_date ON income (received_on);
CREATE INDEX income_by_application ON income (application_id);
CREATE INDEX income_dues ON income (dues_year, group_id) WHERE kind = 'dues';

CREATE TABLE dues_assessments (
  id       INTEGER PRIMARY KEY,
  year     INTEGER NOT NULL,
  group_id INTEGER NOT NULL REFERENCES groups (id),
  amount   INTEGER NOT NULL CHECK (amount >= 0),                            -- cents
  UNIQUE (year, group_id)
) STRICT;

CREATE TABLE budget_lines (
  id       INTEGER PRIMARY KEY,
  year     INTEGER NOT NULL,
  line     TEXT NOT NULL,
  line_key TEXT NOT NULL,                                                   -- the line case-folded
  amount   INTEGER NOT NULL CHECK (amount >= 0),                            -- cents for the whole year
  UNIQUE (year, line_key)
) STRICT;
`;
