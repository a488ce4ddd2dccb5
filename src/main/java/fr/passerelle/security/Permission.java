package fr.passerelle.security;

/**
 * What an account may do, checked at the top of each service method ({@code
 * access.require(Permission.X)}). Which role grants which permission is data (tables {@code role},
 * {@code permission}, {@code role_permission}; see docs/security.md); these codes must match the
 * {@code permission} table (a test checks both ways).
 */
public enum Permission {
  ACCOUNTS_MANAGE,
  SETTINGS_MANAGE,
  AUDIT_READ,
  BACKUP_MANAGE,
  SYNC_TRUST,
  SYNC_EXCHANGE,
  FUNDING_RULES_MANAGE,
  CANDIDATES_READ,
  CANDIDATES_WRITE,
  SENSITIVE_READ,
  MEETINGS_READ,
  MEETINGS_WRITE,
  MEETING_DOCUMENTS,
  LISTS_READ,
  LISTS_WRITE,
  TRAINING_READ,
  TRAINING_WRITE,
  OFFERS_READ,
  OFFERS_WRITE,
  DASHBOARD_READ,
  DATA_EXPORT,
  RETENTION_RULES,
  RETENTION_PURGE,
  PERSON_RIGHTS
}
