-- The matching pool (offers/CandidatePool, ADR 0041) is now also read for the dashboard's first
-- figures: "difficile à pourvoir" needs the candidates in reach of each offer (ADR 0174). Its
-- candidate pass reads only these columns; as a covering index (like V11's) H2 answers it from the
-- narrow index entries instead of the wide candidate rows (half the pass's samples at 100,000
-- candidates). Led by the id, never by DELETED (see V11). The occupation pass reads narrow rows
-- already: an index there did not help (measured, ADR 0174).
CREATE INDEX candidate_pool
  ON candidate(id, deleted, status, commune_code, mobility_km, available_from);
