-- Dashboard at region scale (docs/decisions/0076-dashboard-streaming-scans.md,
-- docs/benchmarks.md). Narrow covering indexes: H2 answers a query that needs only an index's
-- columns from the index entries, without reading the wide rows. The dashboard's passes
-- (dashboard/OfferSnapshot, dashboard/PoolCounts, the sourcing figures) read only these columns.
-- No index starts with DELETED: H2 would then take it for every "deleted = FALSE" scan of the
-- other features and read each row through it, slower than its table scan.
CREATE INDEX job_offer_dashboard
  ON job_offer(opened_on, deleted, closed_on, source, hard_to_fill_override, office_id);
-- in candidate id order, for the pool's merge of candidates and criteria
CREATE INDEX candidate_dashboard ON candidate(id, deleted, status, office_id);
CREATE INDEX candidate_criterion_dashboard ON candidate_criterion(candidate_id, deleted, criterion);
CREATE INDEX sourcing_entry_dashboard ON sourcing_entry(added_on, deleted, list_id, candidate_id);
-- the live row counts of stats (COUNT(*) WHERE deleted = FALSE) of the other tables of more than
-- 30,000 rows at region scale then scan a narrow index instead of the table
CREATE INDEX candidate_consent_live ON candidate_consent(change_seq, deleted);
CREATE INDEX candidate_occupation_live ON candidate_occupation(change_seq, deleted);
CREATE INDEX employer_live ON employer(change_seq, deleted);
CREATE INDEX meeting_participant_live ON meeting_participant(change_seq, deleted);
CREATE INDEX training_event_live ON training_event(change_seq, deleted);
