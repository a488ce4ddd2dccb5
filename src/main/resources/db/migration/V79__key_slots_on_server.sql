-- The key slots of an installation on the office server (ADR 0190): one row per slot of
-- passerelle.keys (an account's, or the recovery one), the file key wrapped by a key derived from
-- that account's password (Argon2id), so that a new workstation joins the office with one command
-- and an account's password. The throttle counters stay in each workstation's file. Unused by the
-- embedded database, whose slots stay in its data folder only.
CREATE TABLE key_slot (
  slot_id    VARCHAR(40) PRIMARY KEY,
  content    CLOB NOT NULL,
  stored_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
