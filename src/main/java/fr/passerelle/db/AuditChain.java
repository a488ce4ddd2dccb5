package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;
import static fr.passerelle.db.jooq.Tables.AUDIT_HEAD;
import static fr.passerelle.db.jooq.Tables.OFFICE;
import static fr.passerelle.db.jooq.Tables.REPLICA;

import fr.passerelle.db.jooq.tables.records.AuditEntryRecord;
import fr.passerelle.db.jooq.tables.records.AuditHeadRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The one writer of audit entries (as {@link ReplicatedWriter} is of replicated rows): appends an
 * entry to this installation's hash chain inside the caller's transaction, and publishes unsent
 * entries for the next sync export. Entry n's hash is SHA-256 over entry n-1's hash and entry n's
 * canonical fields ({@link #hash}), so an entry edited or deleted in the database breaks the chain.
 * The chain covers the SHA-256 of {@code details}, not {@code details} itself, so that details can
 * be erased (consent withdrawal) without breaking it.
 */
public final class AuditChain {
  /** The previous hash of an origin's first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final String FORMAT = "passerelle-audit-1";
  private static final HexFormat HEX = HexFormat.of();

  private AuditChain() {}

  /**
   * What an entry says; the chain fields (origin, position, hashes) are filled by {@link #append}.
   */
  public record Draft(
      Instant at,
      UUID accountId,
      String actor,
      UUID counselorId,
      String workstation,
      String action,
      UUID personId,
      String subject,
      String details) {}

  /**
   * Appends {@code d} to this installation's chain in {@code tx}; locks the chain's head until the
   * transaction ends (keep the transaction short). Returns the stored entry.
   */
  public static AuditEntryRecord append(DSLContext tx, Draft d) {
    var replica = ReplicatedWriter.currentReplica(tx);
    UUID origin = replica.getId();
    String organisation =
        replica.getOfficeId() == null
            ? null
            : tx.select(OFFICE.ORGANISATION)
                .from(OFFICE)
                .where(OFFICE.ID.eq(replica.getOfficeId()))
                .fetchOne(OFFICE.ORGANISATION);
    AuditHeadRecord head =
        tx.selectFrom(AUDIT_HEAD)
            .where(AUDIT_HEAD.ORIGIN_REPLICA.eq(origin))
            .forUpdate()
            .fetchOne();
    long seq = head == null ? 1 : head.getSeq() + 1;
    String prev = head == null ? GENESIS : head.getHash();
    AuditEntryRecord r = tx.newRecord(AUDIT_ENTRY);
    r.setId(UUID.randomUUID());
    r.setOriginReplica(origin);
    r.setOriginSeq(seq);
    r.setOrganisation(cut(organisation, 255));
    r.setAt(
        OffsetDateTime.ofInstant(
            d.at().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), ZoneOffset.UTC));
    r.setAccountId(d.accountId());
    r.setActor(cut(d.actor(), 255));
    r.setCounselorId(d.counselorId());
    r.setWorkstation(cut(d.workstation(), 255));
    r.setAction(cut(d.action(), 32));
    r.setPersonId(d.personId());
    r.setSubject(cut(d.subject(), 1000));
    r.setDetails(cut(d.details(), 4000));
    r.setDetailsSha256(r.getDetails() == null ? null : sha256(r.getDetails()));
    r.setPrevHash(prev);
    r.setHash(hash(r));
    r.setDeleted(false);
    r.insert();
    if (head == null) {
      tx.insertInto(AUDIT_HEAD)
          .set(AUDIT_HEAD.ORIGIN_REPLICA, origin)
          .set(AUDIT_HEAD.SEQ, seq)
          .set(AUDIT_HEAD.HASH, r.getHash())
          .execute();
    } else {
      tx.update(AUDIT_HEAD)
          .set(AUDIT_HEAD.SEQ, seq)
          .set(AUDIT_HEAD.HASH, r.getHash())
          .where(AUDIT_HEAD.ORIGIN_REPLICA.eq(origin))
          .execute();
    }
    return r;
  }

  /**
   * Stamps the entries written here and not yet sent (sync columns empty) as replicated versions of
   * this replica, so that the export that follows carries them. Returns how many.
   */
  public static int publish(DSLContext tx, ReplicatedWriter writer) {
    List<AuditEntryRecord> unsent =
        tx.selectFrom(AUDIT_ENTRY)
            .where(AUDIT_ENTRY.CHANGE_SEQ.isNull())
            .orderBy(AUDIT_ENTRY.ORIGIN_REPLICA, AUDIT_ENTRY.ORIGIN_SEQ)
            .fetch();
    if (unsent.isEmpty()) {
      return 0;
    }
    ReplicatedWriter.StampBlock stamps = writer.reserve(tx, unsent.size());
    for (AuditEntryRecord r : unsent) {
      Stamp s = stamps.next();
      r.setDotReplica(s.replica());
      r.setDotSeq(s.seq());
      r.setVv(VersionVector.empty().with(s.replica(), s.seq()).toString());
      r.setHlc(s.hlc());
      r.setChangeSeq(s.changeSeq());
    }
    tx.batchUpdate(unsent).execute();
    return unsent.size();
  }

  /** The hash an entry must have: over its previous hash and its canonical fields. */
  public static String hash(AuditEntryRecord r) {
    StringBuilder sb = new StringBuilder(FORMAT);
    for (Object v :
        new Object[] {
          r.getId(),
          r.getOriginReplica(),
          r.getOriginSeq(),
          r.getOrganisation(),
          r.getAt() == null ? null : r.getAt().toInstant().toEpochMilli(),
          r.getAccountId(),
          r.getActor(),
          r.getCounselorId(),
          r.getWorkstation(),
          r.getAction(),
          r.getPersonId(),
          r.getSubject(),
          r.getDetailsSha256(),
          r.getPrevHash()
        }) {
      sb.append('\u001f');
      if (v == null) {
        sb.append('\u0000');
      } else {
        String s = v.toString();
        sb.append(s.length()).append(':').append(s);
      }
    }
    return sha256(sb.toString());
  }

  /** SHA-256 of the text's UTF-8 bytes, in hex. */
  public static String sha256(String text) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** The origins whose chains this installation writes (for verify: their ends are known). */
  public static List<UUID> ownOrigins(DSLContext ctx) {
    return ctx.select(REPLICA.ID).from(REPLICA).fetch(REPLICA.ID);
  }
}
