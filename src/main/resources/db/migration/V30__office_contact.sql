-- The office's contact details printed on convocations and used as the ORGANIZER of calendar
-- invitations, and the time zone every date of the installation is read in (issue 17).
-- office is a replicated table: the new columns are nullable, tombstones clear them.
ALTER TABLE office ADD COLUMN phone VARCHAR(40);
ALTER TABLE office ADD COLUMN email VARCHAR(255);
ALTER TABLE office ADD COLUMN time_zone VARCHAR(64);
