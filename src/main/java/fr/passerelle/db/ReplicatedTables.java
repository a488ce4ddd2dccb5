package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.*;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The replicated tables and their sync columns, looked up by name on any of them. */
public final class ReplicatedTables {
  public static final Field<UUID> ID = DSL.field(DSL.name("ID"), SQLDataType.UUID);
  public static final Field<UUID> DOT_REPLICA =
      DSL.field(DSL.name("DOT_REPLICA"), SQLDataType.UUID);
  public static final Field<Long> DOT_SEQ = DSL.field(DSL.name("DOT_SEQ"), SQLDataType.BIGINT);
  public static final Field<String> VV = DSL.field(DSL.name("VV"), SQLDataType.VARCHAR);
  public static final Field<Long> HLC = DSL.field(DSL.name("HLC"), SQLDataType.BIGINT);
  public static final Field<Boolean> DELETED = DSL.field(DSL.name("DELETED"), SQLDataType.BOOLEAN);
  public static final Field<Long> CHANGE_SEQ =
      DSL.field(DSL.name("CHANGE_SEQ"), SQLDataType.BIGINT);

  /** The sync columns, in schema order. */
  public static final List<Field<?>> SYNC_COLUMNS =
      List.of(DOT_REPLICA, DOT_SEQ, VV, HLC, DELETED, CHANGE_SEQ);

  /** Every replicated table, parents before children (the order of exports and digests). */
  public static final List<Table<?>> ALL =
      List.of(
          OFFICE,
          COUNSELOR,
          CANDIDATE,
          CANDIDATE_CONSENT,
          CANDIDATE_CRITERION,
          CANDIDATE_OCCUPATION,
          EMPLOYER,
          JOB_OFFER,
          SOURCING_LIST,
          SOURCING_ENTRY,
          MEETING,
          MEETING_PARTNER,
          MEETING_PARTICIPANT,
          TRAINING_PATH,
          TRAINING_EVENT,
          OCCUPATION_TENSION,
          SYNC_CONFLICT);

  /**
   * Replicated only between the offices of one organisation, and not part of the shared data (not
   * in {@link #ALL}: not in the digest, the counts, the consent rule): the audit trail, whose
   * entries are stamped when the next export publishes them (ADR 0107).
   */
  public static final List<Table<?>> ORGANISATION_ONLY = List.of(AUDIT_ENTRY);

  private ReplicatedTables() {}

  public static boolean isReplicated(Table<?> table) {
    return byName(table.getName()).isPresent();
  }

  public static Optional<Table<?>> byName(String name) {
    return java.util.stream.Stream.concat(ALL.stream(), ORGANISATION_ONLY.stream())
        .filter(t -> t.getName().equalsIgnoreCase(name))
        .findFirst();
  }

  /** True for the tables that never leave the organisation (see {@link #ORGANISATION_ONLY}). */
  public static boolean isOrganisationOnly(Table<?> table) {
    return ORGANISATION_ONLY.stream().anyMatch(t -> t.getName().equalsIgnoreCase(table.getName()));
  }

  /** The table's own field for a sync column. */
  public static <T> Field<T> col(Table<?> table, Field<T> syncColumn) {
    Field<T> f = table.field(syncColumn);
    if (f == null) {
      throw new IllegalArgumentException(table.getName() + " has no column " + syncColumn);
    }
    return f;
  }

  /** True for sync columns and the id: the fields a tombstone keeps. */
  public static boolean isKeptByTombstone(Field<?> f) {
    String n = f.getName();
    return n.equalsIgnoreCase("ID") || SYNC_COLUMNS.stream().anyMatch(s -> s.getName().equals(n));
  }
}
