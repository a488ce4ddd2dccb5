package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.REPLICA;
import static fr.passerelle.db.jooq.Tables.SYNC_DIRECTORY;

import fr.passerelle.db.jooq.tables.records.SyncDirectoryRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Which organisation each replica id belongs to (ADR 0062). A stronger source replaces a weaker
 * one: SELF (our own replica ids) over CARD (a trusted identity card) over ORG (a file of our own
 * organisation) over PARTNER (a partner's claim about its own replicas).
 */
final class Directory {
  enum Source {
    PARTNER,
    ORG,
    CARD,
    SELF
  }

  /** One entry, as listed in a file's manifest. */
  record Entry(UUID replica, String organisation, String office) {}

  private Directory() {}

  /** Records every replica id this installation ever had as ours. */
  static void ensureSelf(DSLContext tx, OffsetDateTime at, String organisation, String office) {
    for (UUID id : tx.select(REPLICA.ID).from(REPLICA).fetch(REPLICA.ID)) {
      learn(tx, at, id, organisation, office, Source.SELF);
    }
  }

  /**
   * Learns an entry at {@code at} (the injected clock's now); returns false if a stronger source
   * says otherwise.
   */
  static boolean learn(
      DSLContext tx, OffsetDateTime at, UUID replica, String org, String office, Source source) {
    SyncDirectoryRecord r =
        tx.selectFrom(SYNC_DIRECTORY).where(SYNC_DIRECTORY.REPLICA_ID.eq(replica)).fetchOne();
    if (r == null) {
      tx.insertInto(SYNC_DIRECTORY)
          .set(SYNC_DIRECTORY.REPLICA_ID, replica)
          .set(SYNC_DIRECTORY.ORGANISATION, org)
          .set(SYNC_DIRECTORY.OFFICE_NAME, office)
          .set(SYNC_DIRECTORY.SOURCE, source.name())
          .set(SYNC_DIRECTORY.LEARNED_AT, at)
          .execute();
      return true;
    }
    Source known = Source.valueOf(r.getSource());
    if (r.getOrganisation().equals(org)) {
      if (source.compareTo(known) > 0 || (office != null && !office.equals(r.getOfficeName()))) {
        r.setSource(source.compareTo(known) > 0 ? source.name() : known.name());
        if (office != null && source.compareTo(known) >= 0) {
          r.setOfficeName(office);
        }
        r.update();
      }
      return true;
    }
    if (source.compareTo(known) > 0) {
      r.setOrganisation(org);
      r.setOfficeName(office);
      r.setSource(source.name());
      r.update();
      return true;
    }
    return false;
  }

  static Optional<String> organisationOf(DSLContext ctx, UUID replica) {
    return ctx.select(SYNC_DIRECTORY.ORGANISATION)
        .from(SYNC_DIRECTORY)
        .where(SYNC_DIRECTORY.REPLICA_ID.eq(replica))
        .fetchOptional(SYNC_DIRECTORY.ORGANISATION);
  }

  static Optional<String> officeOf(DSLContext ctx, UUID replica) {
    return ctx.select(SYNC_DIRECTORY.OFFICE_NAME)
        .from(SYNC_DIRECTORY)
        .where(SYNC_DIRECTORY.REPLICA_ID.eq(replica))
        .fetchOptional(SYNC_DIRECTORY.OFFICE_NAME);
  }

  static List<Entry> entries(DSLContext ctx, Condition filter) {
    return ctx.selectFrom(SYNC_DIRECTORY)
        .where(filter)
        .orderBy(SYNC_DIRECTORY.REPLICA_ID)
        .fetch(r -> new Entry(r.getReplicaId(), r.getOrganisation(), r.getOfficeName()));
  }

  /** {@code dotReplica} is a replica of {@code organisation}. */
  static Condition authoredBy(Field<UUID> dotReplica, String organisation) {
    return dotReplica.in(
        DSL.select(SYNC_DIRECTORY.REPLICA_ID)
            .from(SYNC_DIRECTORY)
            .where(SYNC_DIRECTORY.ORGANISATION.eq(organisation)));
  }

  /** {@code dotReplica} is known here as a replica of an organisation other than {@code own}. */
  static Condition authoredOutside(Field<UUID> dotReplica, String own) {
    return dotReplica.in(
        DSL.select(SYNC_DIRECTORY.REPLICA_ID)
            .from(SYNC_DIRECTORY)
            .where(SYNC_DIRECTORY.ORGANISATION.ne(own)));
  }
}
