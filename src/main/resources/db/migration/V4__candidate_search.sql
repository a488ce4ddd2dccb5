-- Candidate search access path (local only, never synced; rebuilt from the replicated rows).
-- One row per search key of a live candidate:
--   name words (normalised, e.g. "lefevre", "helene"),
--   "@" + INSEE code of the commune, "#" + ROME code of each target occupation,
--   "~m:" + lower-cased e-mail, "~p:" + normalised phone (duplicate detection).
-- A word prefix query is an index range scan on (token); see docs/decisions/0040.
CREATE TABLE candidate_token (
  token        VARCHAR(100) NOT NULL,
  candidate_id UUID         NOT NULL,
  PRIMARY KEY (token, candidate_id)
);
CREATE INDEX candidate_token_candidate ON candidate_token(candidate_id);

-- Filters and the default (no text) ordering.
CREATE INDEX candidate_status ON candidate(status);
CREATE INDEX candidate_available ON candidate(available_from);
CREATE INDEX commune_lat_lon ON commune(latitude, longitude);
