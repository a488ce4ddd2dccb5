-- The candidate file's civility (Madame / Monsieur, or not said) and France Travail identifier
-- (issue 19, ADR 0185). candidate is a replicated table: the new columns are nullable and travel
-- in the sync format like every column (tombstones clear them).
ALTER TABLE candidate ADD COLUMN civility VARCHAR(8);
ALTER TABLE candidate ADD COLUMN ft_identifier VARCHAR(16);
