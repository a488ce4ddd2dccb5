-- Who changed a row last, and when (ADR 0177): a refused save over a colleague's newer edit reads
-- the RECORD_SAVED entry of the row's version, found by its subject ("<table> <id>").
CREATE INDEX audit_entry_subject ON audit_entry(subject);
