// Schema version 11: corrections of income. A cancelled income (Storno) keeps its row, marked with the day, the
// reason and who cancelled it, and counts in no total; a closed year (its books done) refuses changes to the
// income dated in it unless a change says --reopen.
export default /* sql */ `
ALTER TABLE income ADD COLUMN cancelled_on TEXT;  -- YYYY-MM-DD the income was cancelled; NULL: it counts
ALTER TABLE income ADD COLUMN cancel_reason TEXT CHECK ((cancel_reason IS NULL) = (cancelled_on IS NULL));
ALTER TABLE income ADD COLUMN cancelled_by TEXT CHECK ((cancelled_by IS NULL) = (cancelled_on IS NULL));  -- as the audit log names them

CREATE TABLE closed_years (
  year       INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),
  closed_on  TEXT NOT NULL,              -- YYYY-MM-DD
  closed_by  TEXT NOT NULL,              -- as the audit log names them
  created_at TEXT NOT NULL
) STRICT;
`;
