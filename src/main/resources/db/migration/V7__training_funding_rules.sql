-- Training (issue 5): the funding schemes' conditions kept as data, and a coarse crosswalk from
-- ROME grand domains to BMO occupation families (for the "hard to fill" signal of an occupation).
-- Local tables (not replicated): each office keeps and updates its own copy of the rules;
-- the shipped rules are fr/passerelle/training/funding_rules.csv (FundingRuleServiceTest checks
-- that this seed equals the CSV).

CREATE TABLE funding_rule (
  scheme               VARCHAR(24)   NOT NULL,  -- POEI POEC AIF CPF CDPI CPRO_INTERIM PRO_A REGION OTHER
  valid_from           DATE          NOT NULL,  -- the rule applies to paths starting on or after
  label                VARCHAR(255)  NOT NULL,
  max_hours            INTEGER,                 -- NULL: no ceiling
  min_hours            INTEGER,                 -- NULL: no floor
  eligible_publics     VARCHAR(2000),
  required_attachments VARCHAR(2000),           -- ';'-separated
  requires_offer       BOOLEAN       NOT NULL DEFAULT FALSE,
  source_title         VARCHAR(500),
  source_url           VARCHAR(1000),
  updated_at           TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (scheme, valid_from)
);

INSERT INTO funding_rule(scheme,valid_from,label,max_hours,min_hours,eligible_publics,required_attachments,requires_offer,source_title,source_url) VALUES
('POEI','2024-06-21','Préparation opérationnelle à l''emploi individuelle',400,NULL,'Demandeurs d''emploi inscrits à France Travail (indemnisés ou non)','Offre d''emploi déposée à France Travail;Plan de formation signé;Engagement d''embauche',TRUE,'Code du travail L6326-1, D6326-1; Centre Inffo fiche 33-17','https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000048626346'),
('POEC','2024-01-01','Préparation opérationnelle à l''emploi collective',400,NULL,'Demandeurs d''emploi inscrits à France Travail','Convention OPCO (Akto pour l''intérim);Programme de formation',FALSE,'Code du travail L6326-3; Akto','https://www.legifrance.gouv.fr/codes/section_lc/LEGITEXT000006072050/LEGISCTA000021343530/'),
('AIF','2024-01-01','Aide individuelle à la formation (France Travail)',NULL,NULL,'Demandeurs d''emploi inscrits dont le projet est validé par le conseiller','Devis de l''organisme;Projet validé dans le dossier',FALSE,'France Travail — aide individuelle à la formation','https://www.francetravail.fr/candidat/en-formation/mes-aides-financieres/aide-individuelle-a-la-formation.html'),
('CPF','2024-01-01','Compte personnel de formation',NULL,NULL,'Toute personne active de 16 ans et plus, y compris demandeurs d''emploi','Dossier Mon Compte Formation',FALSE,'Code du travail L6323-1; service-public.fr F10705','https://www.service-public.fr/particuliers/vosdroits/F10705'),
('CDPI','2024-01-01','Contrat de développement professionnel intérimaire',NULL,NULL,'Intérimaires (accord de branche du travail temporaire)','Contrat de mission;Accord de prise en charge Akto',FALSE,'Akto — travail temporaire','https://www.akto.fr/'),
('CPRO_INTERIM','2024-01-01','Contrat de professionnalisation intérimaire',NULL,150,'Jeunes 16–25 ans, demandeurs d''emploi 26 ans et plus, bénéficiaires RSA/ASS/AAH','Contrat de professionnalisation;Accord de prise en charge Akto',TRUE,'Code du travail L6325-1; Akto','https://www.legifrance.gouv.fr/codes/section_lc/LEGITEXT000006072050/LEGISCTA000006178222/'),
('PRO_A','2024-01-01','Reconversion ou promotion par alternance (Pro-A)',NULL,150,'Salariés en CDI (dont CDI intérimaire), qualification inférieure à la licence','Avenant au contrat de travail;Accord de branche',FALSE,'Code du travail L6324-1; D6324-1; service-public.fr F13516','https://www.service-public.fr/particuliers/vosdroits/F13516'),
('REGION','2024-01-01','Formation financée par la Région Occitanie',NULL,NULL,'Demandeurs d''emploi résidant en Occitanie','Prescription du conseiller',FALSE,'Région Occitanie — programme régional de formation','https://www.laregion.fr/'),
('OTHER','2024-01-01','Autre financement',NULL,NULL,NULL,NULL,FALSE,'—',NULL);

-- Coarse crosswalk ROME 4.0 grand domain (A–N) -> BMO family (A C I O S T V Z). Written for this
-- signal only (no official ROME -> FAP table is shipped); see docs/training-and-dashboard.md.
CREATE TABLE rome_bmo_family (
  grand_domain_code VARCHAR(1) PRIMARY KEY,
  family_code       VARCHAR(2) NOT NULL
);
INSERT INTO rome_bmo_family VALUES
('A','Z'),('B','I'),('C','A'),('D','V'),('E','T'),('F','O'),('G','V'),('H','I'),('I','I'),
('J','S'),('K','S'),('L','Z'),('M','A'),('N','Z');

CREATE INDEX training_path_status ON training_path(status);
CREATE INDEX training_path_target ON training_path(target_rome_code);
CREATE INDEX job_offer_source_opened ON job_offer(source, opened_on);
CREATE INDEX meeting_kind_starts ON meeting(kind, starts_at);
