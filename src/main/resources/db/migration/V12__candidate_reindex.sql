-- Candidates whose search keys (candidate_token) must be rewritten: filled inside a sync import's
-- transaction, emptied right after it commits, a few thousand per transaction (local, never
-- synced). What a crash leaves here is re-indexed at the next start or import. See
-- docs/decisions/0078-search-index-after-the-import.md.
CREATE TABLE candidate_reindex (
  candidate_id UUID PRIMARY KEY
);
