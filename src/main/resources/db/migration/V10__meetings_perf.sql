-- The Meetings view counts, per meeting, the participants whose candidate is visible here
-- (joined on candidate.id with deleted = FALSE). At region scale that is tens of thousands of
-- lookups per window; with (id, deleted) in one small index they no longer read candidate rows.
CREATE INDEX candidate_live ON candidate(id, deleted);
