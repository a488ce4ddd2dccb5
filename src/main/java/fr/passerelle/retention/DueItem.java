package fr.passerelle.retention;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One record due for erasure: its kind, the row (table and id), the person it is about (null for a
 * participant who is not a candidate), the date its period counts from and the day it fell due.
 */
public record DueItem(
    RecordKind kind,
    String table,
    UUID rowId,
    UUID personId,
    LocalDate referenceOn,
    LocalDate dueOn) {}
