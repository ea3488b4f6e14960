// Schema version 9: minutes approved at a meeting that was not quorate say so. Such an approval needs
// `meetings approve … --without-quorum`, and the minutes state it.
export default /* sql */ `
ALTER TABLE meetings ADD COLUMN approved_without_quorum INTEGER NOT NULL DEFAULT 0 CHECK (approved_without_quorum IN (0, 1));
`;
