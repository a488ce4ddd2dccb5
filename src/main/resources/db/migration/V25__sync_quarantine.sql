-- Rows of an imported sync file refused one by one (ADR 0085): the rest of the file is applied,
-- these are kept here with their reason for the Sync view, the import report and `sync status`.
-- Local (never replicated). No row content is kept: a refused row may be about a person this
-- office may not hold; the version's identity (table, row, dot) and the reason are enough to tell
-- the sending office what was refused. One entry per refused version, however often it comes.
CREATE TABLE sync_quarantine (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  at                  TIMESTAMP WITH TIME ZONE NOT NULL,
  file_name           VARCHAR(1024),
  peer_replica        UUID,
  sender_office       VARCHAR(255),
  sender_organisation VARCHAR(255),
  table_name          VARCHAR(64)   NOT NULL,
  row_id              UUID          NOT NULL,
  person_id           UUID,
  dot_replica         UUID          NOT NULL,
  dot_seq             BIGINT        NOT NULL,
  deletion            BOOLEAN       NOT NULL,
  reason              VARCHAR(32)   NOT NULL,   -- sync/Refusal
  holder              VARCHAR(255),             -- the organisation that holds the row, if known
  message             VARCHAR(2000) NOT NULL,   -- English, for the log and the command line
  CONSTRAINT sync_quarantine_version UNIQUE (table_name, row_id, dot_replica, dot_seq)
);
CREATE INDEX sync_quarantine_at ON sync_quarantine(at);
