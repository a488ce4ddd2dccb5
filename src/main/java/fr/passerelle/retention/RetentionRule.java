package fr.passerelle.retention;

import java.time.OffsetDateTime;

/**
 * How long one kind of record is kept: {@code months} after its reference date; {@code sourced}
 * when a published source gives the duration (cited in {@code source}), false when it is the
 * office's choice within a legal frame.
 */
public record RetentionRule(
    RecordKind kind,
    int months,
    int defaultMonths,
    boolean sourced,
    String source,
    OffsetDateTime updatedAt,
    String updatedBy) {}
