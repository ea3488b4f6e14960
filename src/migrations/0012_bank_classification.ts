// Bank statements classified: the IBANs of member groups and funders say whose money a booking is, rules on the
// purpose say what it is, and each imported booking keeps the payer's IBAN.
export default /* sql */ `
ALTER TABLE groups ADD COLUMN iban TEXT;
CREATE UNIQUE INDEX groups_by_iban ON groups (iban) WHERE iban IS NOT NULL;
ALTER TABLE funders ADD COLUMN iban TEXT;
CREATE UNIQUE INDEX funders_by_iban ON funders (iban) WHERE iban IS NOT NULL;
ALTER TABLE income ADD COLUMN payer_iban TEXT;          -- bank import: the payer's IBAN as the bank gave it

-- "Purpose contains …" → kind and source, tried in order of id after the IBANs.
CREATE TABLE bank_rules (
  id         INTEGER PRIMARY KEY,
  pattern    TEXT NOT NULL,                             -- words the purpose or payer must contain (case ignored)
  kind       TEXT NOT NULL CHECK (kind IN ('grant', 'donation', 'dues', 'other')),
  funder_id  INTEGER REFERENCES funders (id),
  group_id   INTEGER REFERENCES groups (id),
  created_at TEXT NOT NULL,
  CHECK (funder_id IS NULL OR group_id IS NULL),
  CHECK (kind <> 'dues' OR group_id IS NOT NULL)
) STRICT;
`;
