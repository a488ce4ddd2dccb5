-- Offers, occupations and sourcing lists (issue 4, items 2-4). See docs/offers-and-lists.md.

-- An office's own "occupation in tension" flag, replicated (other offices of the organisation and
-- partners see which occupations an office works on). One row per (office, occupation): the id is
-- a name-based UUID of office id and ROME code, so two offices never collide and a re-flag updates.
CREATE TABLE occupation_tension (
  id          UUID PRIMARY KEY,
  office_id   UUID,
  rome_code   VARCHAR(5),
  in_tension  BOOLEAN,
  note        VARCHAR(1000),
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX occupation_tension_change_seq ON occupation_tension(change_seq);
CREATE INDEX occupation_tension_rome ON occupation_tension(rome_code);

-- Access paths for the offers list, the occupations table and matching.
CREATE INDEX job_offer_closed ON job_offer(closed_on);
CREATE INDEX job_offer_commune ON job_offer(commune_code);
CREATE INDEX sourcing_list_owner ON sourcing_list(owner_id);
CREATE INDEX sourcing_list_rome ON sourcing_list(rome_code);
CREATE INDEX sourcing_list_offer ON sourcing_list(offer_id);
CREATE INDEX meeting_rome ON meeting(rome_code);
CREATE INDEX training_path_target_rome ON training_path(target_rome_code);
