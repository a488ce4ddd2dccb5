package fr.passerelle.audit;

import java.time.LocalDate;

/**
 * Which entries to list: a person (a candidate's name, or id), a counselor (an account's name or
 * login as the entry recorded it), a period (days, inclusive) and an action; null or blank: any.
 */
public record AuditFilter(
    String person, String counselor, LocalDate from, LocalDate to, String action) {
  public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);
}
