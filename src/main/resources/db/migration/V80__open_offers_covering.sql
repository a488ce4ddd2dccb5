-- The open offers as the offers list and its hard-to-fill signal read them (offers/OpenOfferRows,
-- ADR 0210): a covering index led by closed_on, so that the first read of the ~65,000 open offers
-- of a region-scale installation is a range of narrow index entries instead of a lookup of each
-- wide row through job_offer_closed (1–2 s → 0.1–0.2 s on the encrypted region demo). The
-- counselor's free-text reason of a mark stays out (up to 1,000 characters: too wide for an index
-- entry on PostgreSQL); the few marked offers' reasons are read by their ids.
CREATE INDEX job_offer_open
  ON job_offer(closed_on, deleted, id, rome_code, commune_code, opened_on, hard_to_fill_override,
               contract, source);
