-- Sync by file export (protocol v1): what V1 lacks. See docs/sync.md and docs/decisions/006x.

-- Which organisation each replica id belongs to (local). Learned from our own replicas (SELF),
-- trusted identity cards (CARD), files of our own organisation (ORG) and a partner's claims about
-- its own replicas (PARTNER). Used to send only our organisation's versions across organisations
-- and to refuse a partner's file carrying another organisation's edits.
CREATE TABLE sync_directory (
  replica_id   UUID          PRIMARY KEY,
  organisation VARCHAR(255)  NOT NULL,
  office_name  VARCHAR(255),
  source       VARCHAR(8)    NOT NULL,   -- SELF / CARD / ORG / PARTNER
  learned_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sync_directory_org ON sync_directory(organisation);

-- The persons an import touched, to apply the receiver's consent rule once at its end (local,
-- emptied inside each import's transaction).
CREATE TABLE sync_touched_person (
  id UUID PRIMARY KEY
);

-- The person a conflict record is about (NULL when it is about no person), so that withdrawing
-- consent erases the conflict records too.
ALTER TABLE sync_conflict ADD COLUMN person_id UUID;
CREATE INDEX sync_conflict_person ON sync_conflict(person_id);
