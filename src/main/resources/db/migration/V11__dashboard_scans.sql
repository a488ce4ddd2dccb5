-- Dashboard at region scale (docs/decisions/0076-dashboard-streaming-scans.md,
-- docs/benchmarks.md). Every index here starts with DELETED, so that
--   * the dashboard's passes (dashboard/OfferSnapshot, dashboard/PoolCounts) read the live rows
--     from these narrow index entries instead of the wide rows (H2 answers from a covering index),
--     in the order the pool's merge needs (candidate id);
--   * the live rows of a table (stats) are its row count, which H2 knows without reading, minus
--     the range of tombstones of the index, instead of a scan of the table.
CREATE INDEX job_offer_dashboard
  ON job_offer(deleted, opened_on, closed_on, source, hard_to_fill_override, office_id);
CREATE INDEX candidate_dashboard ON candidate(deleted, id, status, office_id);
CREATE INDEX candidate_criterion_dashboard ON candidate_criterion(deleted, candidate_id, criterion);
-- the other tables of more than 30,000 rows at region scale, for the live row counts
CREATE INDEX candidate_consent_deleted ON candidate_consent(deleted);
CREATE INDEX candidate_occupation_deleted ON candidate_occupation(deleted);
CREATE INDEX employer_deleted ON employer(deleted);
CREATE INDEX sourcing_entry_deleted ON sourcing_entry(deleted);
CREATE INDEX meeting_participant_deleted ON meeting_participant(deleted);
CREATE INDEX training_event_deleted ON training_event(deleted);
