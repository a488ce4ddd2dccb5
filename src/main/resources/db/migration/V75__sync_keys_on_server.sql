-- The sync identity keys of an installation on the office server (ADR 0184): one row, the content
-- of a sealed keys file (format 2: public keys in clear, private keys sealed under the file key of
-- passerelle.keys), so that every workstation of the office syncs as the same replica. Unused by
-- the embedded database, whose keys stay in the data folder (sync-keys.json).
CREATE TABLE sync_keys (
  id         INT PRIMARY KEY CHECK (id = 1),
  content    CLOB NOT NULL,
  stored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
