-- A large sync import is applied in chunks of a few thousand rows, each in its own transaction,
-- because H2 does not keep a very large transaction atomic when the process dies during its commit
-- (docs/decisions/0080-crash-safe-sync-import.md). While such an import is under way, this table
-- holds its one row, rewritten in every chunk's transaction: how many rows of the payload are
-- applied, the report so far. The transaction of the last chunk moves the peer's checkpoint and
-- deletes the row. A row found here when the data folder opens is an import a crash interrupted:
-- it is finished from the copy of its file kept in the data folder, from chunk_from (the start of
-- the last chunk committed: its commit is the one a crash may have left half-applied, so it is
-- applied again). Local, never synced.
CREATE TABLE sync_import (
  peer_replica UUID PRIMARY KEY,
  file_name VARCHAR(1000) NOT NULL,
  file_copy VARCHAR(1000) NOT NULL,
  to_seq BIGINT NOT NULL,
  rows_done BIGINT NOT NULL,
  chunk_from BIGINT NOT NULL,
  max_hlc BIGINT NOT NULL,
  max_hlc_replica UUID,
  report CHARACTER LARGE OBJECT NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL
);
