package fr.passerelle.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of the audit trail as listed: when, who (account and its name then), where
 * (workstation, office's organisation), what, about whom or which file, and its place in its origin
 * installation's chain.
 */
public record AuditEntry(
    UUID id,
    UUID origin,
    long seq,
    OffsetDateTime at,
    UUID accountId,
    String actor,
    String workstation,
    String organisation,
    String action,
    UUID personId,
    String personName,
    String subject,
    String details) {}
