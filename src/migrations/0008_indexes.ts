// Schema version 8: indexes for the hot read paths (status, agenda, minutes, lists) on the tables of versions
// 1–4, so that those commands cost the same after twenty years as after one (issue 7, `npm run bench`).
// test/store/queryPlans.test.ts checks the plans: no full scan of a table that grows with the history.
export default /* sql */ `
-- 'report minutes last', 'status' (next meeting): the latest or next meeting in date and time order, read
-- backwards or forwards from today and stopped at the first that qualifies.
CREATE INDEX meetings_by_date_time ON meetings (date, start_time);

-- The minutes: the previous meeting of the same kind (whose minutes are up for approval) and the next one.
CREATE INDEX meetings_by_kind_date ON meetings (kind, date);

-- 'status': minutes awaiting approval. Only drafts are in this index, a handful at any time.
CREATE INDEX meetings_draft_minutes ON meetings (date, start_time) WHERE minutes = 'draft';

-- The minutes: which earlier minutes this meeting approved.
CREATE INDEX meetings_by_approver ON meetings (approved_by_id) WHERE approved_by_id IS NOT NULL;

-- 'status': people, and how many of them have been forgotten, counted from a small index instead of the rows.
CREATE INDEX people_by_forgotten ON people (forgotten_at);

`;
