-- Named accounts, roles and permissions (local to this installation, never synced), and the
-- hash-chained audit trail. See docs/security.md and ADRs 0105-0108.

-- ---------------------------------------------------------------- roles and permissions (data)
-- The permission codes are the ones the services check (fr.passerelle.security.Permission); a
-- test fails when the table and the code disagree. Roles and their permissions are data: an
-- administrator's choice of roles for an account is rows in account_role.
CREATE TABLE permission (
  code        VARCHAR(64)  PRIMARY KEY,
  position    INTEGER      NOT NULL,
  description VARCHAR(500) NOT NULL
);

CREATE TABLE role (
  code        VARCHAR(32)  PRIMARY KEY,
  position    INTEGER      NOT NULL,
  description VARCHAR(500) NOT NULL
);

CREATE TABLE role_permission (
  role_code       VARCHAR(32) NOT NULL REFERENCES role(code),
  permission_code VARCHAR(64) NOT NULL REFERENCES permission(code),
  PRIMARY KEY (role_code, permission_code)
);

INSERT INTO permission (code, position, description) VALUES
  ('ACCOUNTS_MANAGE',      1, 'Gérer les comptes : créer, rôles, désactiver, réinitialiser un mot de passe'),
  ('SETTINGS_MANAGE',      2, 'Réglages de l''installation : verrouillage, seuils, données de démonstration, index'),
  ('AUDIT_READ',           3, 'Consulter, vérifier et exporter le journal d''audit'),
  ('BACKUP_MANAGE',        4, 'Sauvegarder et restaurer la base'),
  ('SYNC_TRUST',           5, 'Synchronisation : cartes d''identité, confiance, révocation'),
  ('SYNC_EXCHANGE',        6, 'Synchronisation : préparer et importer les fichiers, conflits'),
  ('FUNDING_RULES_MANAGE', 7, 'Règles de financement : importer, rétablir'),
  ('CANDIDATES_READ',      8, 'Rechercher et ouvrir les dossiers des candidats'),
  ('CANDIDATES_WRITE',     9, 'Créer, modifier, importer, fusionner, effacer des candidats ; consentements'),
  ('SENSITIVE_READ',      10, 'Afficher et saisir les critères sensibles (RQTH, AAH)'),
  ('MEETINGS_READ',       11, 'Consulter les réunions et leurs participants'),
  ('MEETINGS_WRITE',      12, 'Planifier les réunions, inviter, faire l''émargement'),
  ('MEETING_DOCUMENTS',   13, 'Éditer feuilles d''émargement, convocations et fichiers .ics'),
  ('LISTS_READ',          14, 'Consulter les listes de sourcing'),
  ('LISTS_WRITE',         15, 'Créer et tenir les listes de sourcing'),
  ('TRAINING_READ',       16, 'Consulter les parcours de formation'),
  ('TRAINING_WRITE',      17, 'Créer et suivre les parcours de formation'),
  ('OFFERS_READ',         18, 'Consulter les offres, les métiers et le rapprochement'),
  ('OFFERS_WRITE',        19, 'Saisir et importer les offres, signaler les métiers en tension'),
  ('DASHBOARD_READ',      20, 'Consulter le tableau de bord'),
  ('DATA_EXPORT',         21, 'Exporter des fichiers : candidats, offres, rapport du tableau de bord');

INSERT INTO role (code, position, description) VALUES
  ('ADMINISTRATOR', 1, 'Comptes, réglages, confiance de synchronisation, règles de financement, journal d''audit, sauvegardes'),
  ('COUNSELOR',     2, 'Candidats, réunions, listes, formation, offres'),
  ('MANAGER',       3, 'Tableau de bord, exports, dossiers en lecture seule'),
  ('READ_ONLY',     4, 'Dossiers en lecture seule, sans les critères sensibles');

INSERT INTO role_permission (role_code, permission_code) VALUES
  ('ADMINISTRATOR', 'ACCOUNTS_MANAGE'),
  ('ADMINISTRATOR', 'SETTINGS_MANAGE'),
  ('ADMINISTRATOR', 'AUDIT_READ'),
  ('ADMINISTRATOR', 'BACKUP_MANAGE'),
  ('ADMINISTRATOR', 'SYNC_TRUST'),
  ('ADMINISTRATOR', 'SYNC_EXCHANGE'),
  ('ADMINISTRATOR', 'FUNDING_RULES_MANAGE'),
  ('COUNSELOR', 'CANDIDATES_READ'),
  ('COUNSELOR', 'CANDIDATES_WRITE'),
  ('COUNSELOR', 'SENSITIVE_READ'),
  ('COUNSELOR', 'MEETINGS_READ'),
  ('COUNSELOR', 'MEETINGS_WRITE'),
  ('COUNSELOR', 'MEETING_DOCUMENTS'),
  ('COUNSELOR', 'LISTS_READ'),
  ('COUNSELOR', 'LISTS_WRITE'),
  ('COUNSELOR', 'TRAINING_READ'),
  ('COUNSELOR', 'TRAINING_WRITE'),
  ('COUNSELOR', 'OFFERS_READ'),
  ('COUNSELOR', 'OFFERS_WRITE'),
  ('COUNSELOR', 'DASHBOARD_READ'),
  ('COUNSELOR', 'SYNC_EXCHANGE'),
  ('MANAGER', 'DASHBOARD_READ'),
  ('MANAGER', 'DATA_EXPORT'),
  ('MANAGER', 'CANDIDATES_READ'),
  ('MANAGER', 'MEETINGS_READ'),
  ('MANAGER', 'MEETING_DOCUMENTS'),
  ('MANAGER', 'LISTS_READ'),
  ('MANAGER', 'TRAINING_READ'),
  ('MANAGER', 'OFFERS_READ'),
  ('READ_ONLY', 'CANDIDATES_READ'),
  ('READ_ONLY', 'MEETINGS_READ'),
  ('READ_ONLY', 'LISTS_READ'),
  ('READ_ONLY', 'TRAINING_READ'),
  ('READ_ONLY', 'OFFERS_READ'),
  ('READ_ONLY', 'DASHBOARD_READ');

-- ---------------------------------------------------------------- accounts (local)
-- One row per person who signs in on this installation. The password is stored only as an
-- Argon2id hash in PHC string form ($argon2id$v=19$m=...,t=...,p=...$salt$hash). counselor_id
-- links the account to its (replicated) counselor row, whose name appears on what it creates.
-- failed_count / next_attempt_at / locked_until: the growing delay and temporary lock.
CREATE TABLE account (
  id                  UUID         PRIMARY KEY,
  login               VARCHAR(64)  NOT NULL,
  first_name          VARCHAR(100),
  last_name           VARCHAR(100),
  counselor_id        UUID,
  password_hash       VARCHAR(512) NOT NULL,
  must_change         BOOLEAN      NOT NULL DEFAULT FALSE,
  disabled            BOOLEAN      NOT NULL DEFAULT FALSE,
  failed_count        INTEGER      NOT NULL DEFAULT 0,
  next_attempt_at     TIMESTAMP WITH TIME ZONE,
  locked_until        TIMESTAMP WITH TIME ZONE,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_sign_in_at     TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX account_login ON account(login);

CREATE TABLE account_role (
  account_id UUID        NOT NULL REFERENCES account(id) ON DELETE CASCADE,
  role_code  VARCHAR(32) NOT NULL REFERENCES role(code),
  PRIMARY KEY (account_id, role_code)
);

-- ---------------------------------------------------------------- audit trail
-- Append-only. Each installation (origin replica) chains its own entries: entry n's hash covers
-- its fields and entry n-1's hash (db/AuditChain), so an edited or deleted entry breaks the chain
-- ('audit verify'). details may be erased (consent withdrawal): the chain covers its SHA-256.
-- Replicated within the organisation only (ADR 0107): the sync columns stay NULL until the entry
-- is published by the next sync export (no lock on the replica row when an entry is written);
-- audit_entry is not in ReplicatedTables.ALL (not in the digest, never to another organisation).
CREATE TABLE audit_entry (
  id             UUID PRIMARY KEY,
  origin_replica UUID,
  origin_seq     BIGINT,
  organisation   VARCHAR(255),
  at             TIMESTAMP WITH TIME ZONE,
  account_id     UUID,
  actor          VARCHAR(255),
  counselor_id   UUID,
  workstation    VARCHAR(255),
  action         VARCHAR(32),
  person_id      UUID,
  subject        VARCHAR(1000),
  details        VARCHAR(4000),
  details_sha256 VARCHAR(64),
  prev_hash      VARCHAR(64),
  hash           VARCHAR(64),
  dot_replica UUID, dot_seq BIGINT, vv VARCHAR(4000), hlc BIGINT,
  deleted BOOLEAN NOT NULL DEFAULT FALSE, change_seq BIGINT
);
CREATE INDEX audit_entry_chain ON audit_entry(origin_replica, origin_seq);
CREATE INDEX audit_entry_change_seq ON audit_entry(change_seq);
CREATE INDEX audit_entry_at ON audit_entry(at);
CREATE INDEX audit_entry_person ON audit_entry(person_id);

-- The last entry of each chain this installation wrote (its current replica id, and earlier ones
-- before a restore): appends lock the row, and 'audit verify' compares the chain's end with it.
CREATE TABLE audit_head (
  origin_replica UUID        PRIMARY KEY,
  seq            BIGINT      NOT NULL,
  hash           VARCHAR(64) NOT NULL
);
