-- Passerelle data model, version 1. See docs/data-model.md and ../shared/DESIGN.md.
-- Replicated tables: id UUID primary key + the sync columns (dot_replica, dot_seq, vv, hlc,
-- deleted, change_seq). They are written only through fr.passerelle.db.ReplicatedWriter.
-- No foreign keys between replicated tables: rows may arrive before their parents.

-- ---------------------------------------------------------------- reference data (read-only)
CREATE TABLE occupation (
  rome_code          VARCHAR(5)   PRIMARY KEY,
  label              VARCHAR(255) NOT NULL,
  domain_code        VARCHAR(3)   NOT NULL,
  domain_label       VARCHAR(255) NOT NULL,
  grand_domain_code  VARCHAR(1)   NOT NULL,
  grand_domain_label VARCHAR(255) NOT NULL,
  parent_code        VARCHAR(5)   NOT NULL,
  label_norm         VARCHAR(255) NOT NULL
);
CREATE INDEX occupation_domain ON occupation(domain_code);
CREATE INDEX occupation_parent ON occupation(parent_code);

CREATE TABLE occupation_title (
  title_code  INTEGER      PRIMARY KEY,
  rome_code   VARCHAR(5)   NOT NULL,
  label       VARCHAR(255) NOT NULL,
  short_label VARCHAR(255) NOT NULL,
  label_norm  VARCHAR(255) NOT NULL
);
CREATE INDEX occupation_title_rome ON occupation_title(rome_code);

CREATE TABLE commune (
  insee_code   VARCHAR(5)   PRIMARY KEY,
  name         VARCHAR(255) NOT NULL,
  name_norm    VARCHAR(255) NOT NULL,
  postal_codes VARCHAR(255) NOT NULL,
  department   VARCHAR(3)   NOT NULL,
  latitude     DOUBLE PRECISION,
  longitude    DOUBLE PRECISION,
  population   INTEGER      NOT NULL DEFAULT 0,
  qpv          BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX commune_name_norm ON commune(name_norm);

CREATE TABLE qpv (
  qpv_code   VARCHAR(16)  NOT NULL,
  insee_code VARCHAR(5)   NOT NULL,
  name       VARCHAR(255) NOT NULL,
  PRIMARY KEY (qpv_code, insee_code)
);

-- BMO survey (Besoins en main-d'oeuvre), Occitanie, per BMO occupation (FAP-based code)
CREATE TABLE bmo_occupation (
  survey_year         INTEGER      NOT NULL,
  bmo_code            VARCHAR(8)   NOT NULL,
  label               VARCHAR(255) NOT NULL,
  family_code         VARCHAR(2)   NOT NULL,
  family_label        VARCHAR(255) NOT NULL,
  projects            INTEGER      NOT NULL,
  difficult_projects  INTEGER      NOT NULL,
  seasonal_projects   INTEGER      NOT NULL,
  difficult_share_pct NUMERIC(5,1),
  PRIMARY KEY (survey_year, bmo_code)
);

-- ---------------------------------------------------------------- local-only tables
CREATE TABLE replica (
  id         UUID      PRIMARY KEY,
  is_current BOOLEAN   NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  office_id  UUID,
  seq        BIGINT    NOT NULL DEFAULT 0,   -- last dot_seq written by this replica
  hlc        BIGINT    NOT NULL DEFAULT 0,   -- last hybrid logical clock value issued or seen
  change_seq BIGINT    NOT NULL DEFAULT 0    -- last local change sequence (not sent)
);

CREATE TABLE setting (
  name  VARCHAR(64) PRIMARY KEY,
  val   VARCHAR(4000)
);

CREATE TABLE peer (
  replica_id     UUID          PRIMARY KEY,
  office_name    VARCHAR(255)  NOT NULL,
  organisation   VARCHAR(255)  NOT NULL,
  office_kind    VARCHAR(32)   NOT NULL,
  identity_card  VARCHAR(8000) NOT NULL,
  fingerprint    VARCHAR(128)  NOT NULL,
  trusted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at     TIMESTAMP WITH TIME ZONE,
  sent_ack       BIGINT        NOT NULL DEFAULT 0,  -- highest of our change_seq the peer confirmed
  received       BIGINT        NOT NULL DEFAULT 0,  -- highest of the peer's change_seq imported here
  last_export_at TIMESTAMP WITH TIME ZONE,
  last_import_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE sync_log (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  at           TIMESTAMP WITH TIME ZONE NOT NULL,
  direction    VARCHAR(8)    NOT NULL,   -- EXPORT / IMPORT
  peer_replica UUID,
  file_name    VARCHAR(1024),
  from_seq     BIGINT,
  to_seq       BIGINT,
  row_count    BIGINT,
  outcome      VARCHAR(32)   NOT NULL,   -- OK / ALREADY_IMPORTED / REFUSED / FAILED
  report       CLOB
);

CREATE TABLE audit_log (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  at         TIMESTAMP WITH TIME ZONE NOT NULL,
  actor      VARCHAR(255),
  action     VARCHAR(64)  NOT NULL,
  table_name VARCHAR(64),
  row_id     UUID,
  details    VARCHAR(4000)
);
CREATE INDEX audit_log_row ON audit_log(row_id);

-- ---------------------------------------------------------------- replicated tables
-- The sync columns, in this order, on every replicated table:
--   dot_replica UUID, dot_seq BIGINT, vv VARCHAR, hlc BIGINT, deleted BOOLEAN, change_seq BIGINT

CREATE TABLE office (
  id           UUID PRIMARY KEY,
  name         VARCHAR(255),
  kind         VARCHAR(32),          -- FRANCE_TRAVAIL / TEMP_AGENCY / PARTNER
  organisation VARCHAR(255),
  address      VARCHAR(500),
  commune_code VARCHAR(5),
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX office_change_seq ON office(change_seq);

CREATE TABLE counselor (
  id         UUID PRIMARY KEY,
  office_id  UUID,
  first_name VARCHAR(100),
  last_name  VARCHAR(100),
  email      VARCHAR(255),
  phone      VARCHAR(40),
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX counselor_change_seq ON counselor(change_seq);

CREATE TABLE candidate (
  id              UUID PRIMARY KEY,
  office_id       UUID,               -- owning office; its organisation owns the consent
  first_name      VARCHAR(100),
  last_name       VARCHAR(100),
  name_norm       VARCHAR(255),       -- normalised "last first" for search and dedup
  birth_date      DATE,
  email           VARCHAR(255),
  phone           VARCHAR(40),
  address         VARCHAR(500),
  commune_code    VARCHAR(5),
  mobility_km     INTEGER,
  driving_licence BOOLEAN,
  available_from  DATE,
  status          VARCHAR(32),        -- ACTIVE / IN_TRAINING / EMPLOYED / INACTIVE
  registered_on   DATE,
  notes           VARCHAR(4000),
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX candidate_change_seq ON candidate(change_seq);
CREATE INDEX candidate_name_norm ON candidate(name_norm);
CREATE INDEX candidate_commune ON candidate(commune_code);

CREATE TABLE candidate_consent (
  id               UUID PRIMARY KEY,   -- = candidate id (one consent row per candidate)
  candidate_id     UUID,
  share            BOOLEAN,            -- consent to share with partner organisations
  share_at         TIMESTAMP WITH TIME ZONE,
  sensitive        BOOLEAN,            -- separate consent for sensitive data (RQTH, health)
  sensitive_at     TIMESTAMP WITH TIME ZONE,
  recorded_by      UUID,               -- counselor
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX candidate_consent_change_seq ON candidate_consent(change_seq);
CREATE INDEX candidate_consent_candidate ON candidate_consent(candidate_id);

CREATE TABLE candidate_criterion (
  id           UUID PRIMARY KEY,
  candidate_id UUID,
  criterion    VARCHAR(16),            -- RQTH, DELD, DETLD, RSA, ASS, AAH, QPV, YOUTH, SENIOR
  since        DATE,
  proof_seen   BOOLEAN,
  proof_seen_on DATE,
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX candidate_criterion_change_seq ON candidate_criterion(change_seq);
CREATE INDEX candidate_criterion_candidate ON candidate_criterion(candidate_id);
CREATE INDEX candidate_criterion_criterion ON candidate_criterion(criterion);

CREATE TABLE candidate_occupation (
  id               UUID PRIMARY KEY,
  candidate_id     UUID,
  rome_code        VARCHAR(5),
  experience_years INTEGER,
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX candidate_occupation_change_seq ON candidate_occupation(change_seq);
CREATE INDEX candidate_occupation_candidate ON candidate_occupation(candidate_id);
CREATE INDEX candidate_occupation_rome ON candidate_occupation(rome_code);

CREATE TABLE employer (
  id           UUID PRIMARY KEY,
  name         VARCHAR(255),
  siret        VARCHAR(14),
  commune_code VARCHAR(5),
  contact_name VARCHAR(255),
  contact_email VARCHAR(255),
  contact_phone VARCHAR(40),
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX employer_change_seq ON employer(change_seq);

CREATE TABLE job_offer (
  id                 UUID PRIMARY KEY,
  office_id          UUID,
  employer_id        UUID,
  title              VARCHAR(255),
  rome_code          VARCHAR(5),
  commune_code       VARCHAR(5),
  contract           VARCHAR(24),      -- INTERIM / CDD / CDI / CDI_INTERIMAIRE / ALTERNANCE
  positions          INTEGER,
  opened_on          DATE,
  closed_on          DATE,
  source             VARCHAR(24),      -- FRANCE_TRAVAIL / TEMP_AGENCY
  hard_to_fill_override VARCHAR(8),    -- NULL (computed) / YES / NO
  override_reason    VARCHAR(1000),
  description        VARCHAR(4000),
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX job_offer_change_seq ON job_offer(change_seq);
CREATE INDEX job_offer_rome ON job_offer(rome_code);
CREATE INDEX job_offer_opened ON job_offer(opened_on);

CREATE TABLE sourcing_list (
  id               UUID PRIMARY KEY,
  office_id        UUID,
  owner_id         UUID,               -- counselor
  name             VARCHAR(255),
  offer_id         UUID,
  rome_code        VARCHAR(5),
  shared_office_id UUID,               -- partner office it is shared with, if any
  created_on       DATE,
  closed_on        DATE,
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX sourcing_list_change_seq ON sourcing_list(change_seq);

CREATE TABLE sourcing_entry (
  id           UUID PRIMARY KEY,
  list_id      UUID,
  candidate_id UUID,
  status       VARCHAR(16),            -- PROPOSED CONTACTED INTERESTED INTERVIEW HIRED DECLINED WITHDRAWN
  history      VARCHAR(8000),          -- dated status changes, JSON array [{"at":..,"status":..,"note":..}]
  added_on     DATE,
  score        INTEGER,
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX sourcing_entry_change_seq ON sourcing_entry(change_seq);
CREATE INDEX sourcing_entry_list ON sourcing_entry(list_id);
CREATE INDEX sourcing_entry_candidate ON sourcing_entry(candidate_id);

CREATE TABLE meeting (
  id            UUID PRIMARY KEY,
  office_id     UUID,                  -- organising office
  co_office_id  UUID,                  -- co-organising office, if any
  kind          VARCHAR(32),           -- NETWORK_INFO / INFO_COLLECTIVE / JOB_DATING / FORUM / DISCOVERY_WORKSHOP / MRS / TRAINING_INFO
  title         VARCHAR(255),
  starts_at     TIMESTAMP,
  ends_at       TIMESTAMP,
  place         VARCHAR(500),
  room          VARCHAR(100),
  remote_link   VARCHAR(1000),
  capacity      INTEGER,
  rome_code     VARCHAR(5),
  offer_id      UUID,
  status        VARCHAR(16),           -- PLANNED / CANCELLED / HELD
  notes         VARCHAR(4000),
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX meeting_change_seq ON meeting(change_seq);
CREATE INDEX meeting_starts ON meeting(starts_at);

CREATE TABLE meeting_partner (
  id           UUID PRIMARY KEY,
  meeting_id   UUID,
  partner      VARCHAR(32),            -- AKTO / FASTT / CAP_EMPLOI / EMPLOYER / OTHER
  employer_id  UUID,
  name         VARCHAR(255),
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX meeting_partner_change_seq ON meeting_partner(change_seq);
CREATE INDEX meeting_partner_meeting ON meeting_partner(meeting_id);

CREATE TABLE meeting_participant (
  id            UUID PRIMARY KEY,
  meeting_id    UUID,
  candidate_id  UUID,                  -- NULL for partner staff / employer representatives
  first_name    VARCHAR(100),          -- for non-candidates
  last_name     VARCHAR(100),
  organisation  VARCHAR(255),
  role          VARCHAR(16),           -- CANDIDATE / PARTNER / EMPLOYER / STAFF
  status        VARCHAR(16),           -- INVITED / CONFIRMED / WAITLISTED / PRESENT / ABSENT / EXCUSED
  invited_at    TIMESTAMP WITH TIME ZONE,  -- waitlist order
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX meeting_participant_change_seq ON meeting_participant(change_seq);
CREATE INDEX meeting_participant_meeting ON meeting_participant(meeting_id);
CREATE INDEX meeting_participant_candidate ON meeting_participant(candidate_id);

CREATE TABLE training_path (
  id                 UUID PRIMARY KEY,
  candidate_id       UUID,
  counselor_id       UUID,
  office_id          UUID,
  from_rome_code     VARCHAR(5),
  target_rome_code   VARCHAR(5),
  title              VARCHAR(255),
  provider           VARCHAR(255),
  place              VARCHAR(255),
  hours              INTEGER,
  starts_on          DATE,
  ends_on            DATE,
  funding_scheme     VARCHAR(24),      -- POEI POEC AIF CPF CDPI CPRO_INTERIM PRO_A REGION OTHER
  funding_amount     NUMERIC(12,2),
  offer_id           UUID,
  employer_id        UUID,
  meeting_id         UUID,             -- the training information meeting it came from
  status             VARCHAR(16),      -- IDEA APPLIED FUNDED IN_TRAINING COMPLETED EMPLOYED DROPPED
  outcome            VARCHAR(24),      -- EMPLOYED_TARGET EMPLOYED_OTHER SEEKING UNKNOWN
  outcome_on         DATE,
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX training_path_change_seq ON training_path(change_seq);
CREATE INDEX training_path_candidate ON training_path(candidate_id);

CREATE TABLE training_event (
  id          UUID PRIMARY KEY,
  path_id     UUID,
  at          TIMESTAMP WITH TIME ZONE,
  from_status VARCHAR(16),
  to_status   VARCHAR(16),
  note        VARCHAR(4000),
  counselor_id UUID,
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX training_event_change_seq ON training_event(change_seq);
CREATE INDEX training_event_path ON training_event(path_id);

CREATE TABLE sync_conflict (
  id            UUID PRIMARY KEY,      -- name-based UUID of (row id, losing dot)
  table_name    VARCHAR(64),
  row_id        UUID,
  loser_replica UUID,
  loser_seq     BIGINT,
  loser_hlc     BIGINT,
  loser_row     CLOB,                  -- the losing version as JSON
  winner_replica UUID,
  winner_seq    BIGINT,
  status        VARCHAR(16),           -- OPEN / KEPT / RESTORED / MERGED
  resolved_at   TIMESTAMP WITH TIME ZONE,
  dot_replica UUID NOT NULL, dot_seq BIGINT NOT NULL, vv VARCHAR(4000) NOT NULL, hlc BIGINT NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT NOT NULL
);
CREATE INDEX sync_conflict_change_seq ON sync_conflict(change_seq);
CREATE INDEX sync_conflict_row ON sync_conflict(row_id);
