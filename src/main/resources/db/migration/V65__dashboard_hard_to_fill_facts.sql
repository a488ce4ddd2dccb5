-- The dashboard counts "difficile à pourvoir" with the offers' own definition (ADR 0174): its one
-- pass over the offers (dashboard/OfferSnapshot) now also reads each offer's occupation and commune,
-- the facts the hard-to-fill rules look up. The covering index gains both columns so that the pass
-- still reads only index entries, never the wide rows (V11, ADR 0076).
DROP INDEX job_offer_dashboard;
CREATE INDEX job_offer_dashboard
  ON job_offer(opened_on, deleted, closed_on, source, hard_to_fill_override, office_id, rome_code,
               commune_code);
