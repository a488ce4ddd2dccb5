-- The entries of the former audit_log were chained into audit_entry by the Java migration 45.1
-- (db/AuditLegacyMigration); the table goes.
DROP TABLE audit_log;
