-- The search index moved to Lucene, in the data folder (search-index/), a cache of the database
-- that follows its change sequence (docs/decisions/0100-lucene-search-index.md). The local search
-- key table (V4) and its queue (V12) are no longer written or read.
DROP TABLE IF EXISTS candidate_reindex;
DROP TABLE IF EXISTS candidate_token;
