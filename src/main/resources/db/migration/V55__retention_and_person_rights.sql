-- Retention rules as data, purge proposals, and the record of which partner organisation received
-- a person's data (issue 14, items 3-4). All local to this installation, never synced: each office
-- applies its own organisation's legal durations, and what a purge erases replicates as ordinary
-- tombstones. See docs/retention.md, docs/data-subject-rights.md and ADRs 0115-0117.

-- ---------------------------------------------------------------- retention rules (data)
-- One row per kind of record (fr.passerelle.retention.RecordKind; a test checks both agree).
-- basis: SOURCED = a duration a published source gives (a CNIL référentiel or guide, cited in
-- docs/retention.md); OFFICE = the office's choice within a legal frame (a funder's agreement...).
CREATE TABLE retention_rule (
  kind           VARCHAR(32)   PRIMARY KEY,
  position       INTEGER       NOT NULL,
  months         INTEGER       NOT NULL,
  default_months INTEGER       NOT NULL,
  basis          VARCHAR(8)    NOT NULL,
  source         VARCHAR(2000) NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE,
  updated_by     VARCHAR(255),
  CONSTRAINT retention_rule_months CHECK (months BETWEEN 1 AND 1200),
  CONSTRAINT retention_rule_basis CHECK (basis IN ('SOURCED', 'OFFICE'))
);

INSERT INTO retention_rule (kind, position, months, default_months, basis, source) VALUES
  ('CANDIDATE_INACTIVE', 1, 24, 24, 'SOURCED',
   'CNIL, guide du recrutement (janvier 2023) et référentiel gestion du personnel (délibération n° 2019-160 du 21 novembre 2019) : au plus 2 ans après le dernier contact avec la personne, qui en est informée et ne s''y est pas opposée (recommandation de la CNIL, non contraignante) ; RGPD art. 5.1.e'),
  ('MEETING_ATTENDANCE', 2, 60, 60, 'OFFICE',
   'Choix de l''agence : durée de conservation des pièces justificatives exigée par le financeur (ex. FSE+ : règlement (UE) 2021/1060, art. 82, 5 ans à compter du 31 décembre de l''année du dernier paiement) ; à régler selon la convention de financement'),
  ('TRAINING_PATH', 3, 36, 36, 'OFFICE',
   'Choix de l''agence : délai après le résultat à six mois (ou la fin de formation + 6 mois) pour le suivi et les contrôles du financeur de la formation (convention POEI/POEC/AIF…) ; RGPD art. 5.1.e'),
  ('SOURCING_ENTRY', 4, 24, 24, 'SOURCED',
   'CNIL, guide du recrutement (janvier 2023) : 2 ans après le dernier contact ; compté depuis la dernière modification de l''inscription ou la clôture de la liste, si elle est plus tardive');

-- ---------------------------------------------------------------- purge proposals
-- A proposal lists what is due on its day (as_of); a manager confirms it, then each item still due
-- is erased as tombstones. Items name rows by id only (no name is copied here).
CREATE TABLE retention_proposal (
  id           UUID         PRIMARY KEY,
  computed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  as_of        DATE         NOT NULL,
  computed_by  VARCHAR(255),
  status       VARCHAR(16)  NOT NULL,   -- OPEN / CONFIRMED / SUPERSEDED
  confirmed_at TIMESTAMP WITH TIME ZONE,
  confirmed_by VARCHAR(255),
  erased       INTEGER,
  skipped      INTEGER
);

CREATE TABLE retention_proposal_item (
  proposal_id  UUID        NOT NULL REFERENCES retention_proposal(id) ON DELETE CASCADE,
  kind         VARCHAR(32) NOT NULL,
  table_name   VARCHAR(64) NOT NULL,
  row_id       UUID        NOT NULL,
  person_id    UUID,
  reference_on DATE        NOT NULL,
  due_on       DATE        NOT NULL,
  PRIMARY KEY (proposal_id, table_name, row_id)
);

-- ---------------------------------------------------------------- disclosures
-- Which organisation received rows about a person in a sync file, and when (first and last file).
-- Written by every sync export to another organisation; before this version only the sync log
-- (files, dates, counts, no person) exists.
CREATE TABLE person_disclosure (
  person_id    UUID         NOT NULL,
  organisation VARCHAR(255) NOT NULL,
  first_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  last_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  files        INTEGER      NOT NULL,
  PRIMARY KEY (person_id, organisation)
);

-- ---------------------------------------------------------------- permissions
INSERT INTO permission (code, position, description) VALUES
  ('RETENTION_RULES', 22, 'Règles de conservation : modifier les durées et leurs sources'),
  ('RETENTION_PURGE', 23, 'Proposition de purge : consulter et confirmer l''effacement de ce qui est échu'),
  ('PERSON_RIGHTS',   24, 'Droits des personnes : exporter toutes les données d''une personne, l''effacer');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('ADMINISTRATOR', 'RETENTION_RULES'),
  ('ADMINISTRATOR', 'PERSON_RIGHTS'),
  ('MANAGER', 'RETENTION_PURGE');
