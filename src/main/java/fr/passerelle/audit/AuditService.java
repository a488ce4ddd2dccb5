package fr.passerelle.audit;

import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;
import static fr.passerelle.db.jooq.Tables.AUDIT_HEAD;
import static fr.passerelle.db.jooq.Tables.CANDIDATE;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.core.Progress;
import fr.passerelle.db.AuditChain;
import fr.passerelle.db.Database;
import fr.passerelle.db.TextNorm;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.AuditEntryRecord;
import fr.passerelle.db.jooq.tables.records.AuditHeadRecord;
import fr.passerelle.security.Access;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.Permission;
import fr.passerelle.tabular.TabularWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The audit trail for administrators: entries by filter (newest first), the chain check ({@code
 * audit verify}) and the CSV/xlsx export, itself audited.
 */
public final class AuditService {
  /** Columns of the exported file. */
  public static final List<String> COLUMNS =
      List.of(
          "at",
          "actor",
          "account_id",
          "workstation",
          "organisation",
          "action",
          "person_id",
          "person",
          "subject",
          "details",
          "origin",
          "seq",
          "id");

  private final Database db;
  private final Access access;
  private final WallClock clock;

  public AuditService(Database db, Access access, WallClock clock) {
    this.db = db;
    this.access = access;
    this.clock = clock;
  }

  /** The entries matching {@code f}, newest first, at most {@code limit}. */
  public List<AuditEntry> list(AuditFilter f, int limit) {
    access.require(Permission.AUDIT_READ);
    return db.dsl()
        .select(AUDIT_ENTRY.fields())
        .select(CANDIDATE.LAST_NAME, CANDIDATE.FIRST_NAME)
        .from(AUDIT_ENTRY)
        .leftJoin(CANDIDATE)
        .on(CANDIDATE.ID.eq(AUDIT_ENTRY.PERSON_ID).and(CANDIDATE.DELETED.isFalse()))
        .where(condition(db.dsl(), f))
        .orderBy(AUDIT_ENTRY.AT.desc(), AUDIT_ENTRY.ORIGIN_SEQ.desc())
        .limit(Math.max(1, limit))
        .fetch(AuditService::toEntry);
  }

  /** Writes the entries matching {@code f} (oldest first) to a .csv or .xlsx file. */
  public long export(Path file, AuditFilter f, Progress progress) {
    access.require(Permission.AUDIT_READ);
    long n = 0;
    DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    try (TabularWriter out = TabularWriter.open(file, "Journal", COLUMNS);
        Cursor<Record> c =
            db.dsl()
                .select(AUDIT_ENTRY.fields())
                .select(CANDIDATE.LAST_NAME, CANDIDATE.FIRST_NAME)
                .from(AUDIT_ENTRY)
                .leftJoin(CANDIDATE)
                .on(CANDIDATE.ID.eq(AUDIT_ENTRY.PERSON_ID).and(CANDIDATE.DELETED.isFalse()))
                .where(condition(db.dsl(), f))
                .orderBy(AUDIT_ENTRY.AT, AUDIT_ENTRY.ORIGIN_SEQ)
                .fetchSize(1000)
                .fetchLazy()) {
      for (Record r : c) {
        AuditEntry e = toEntry(r);
        out.write(
            List.of(
                e.at() == null ? "" : iso.format(e.at().atZoneSameInstant(ZoneId.systemDefault())),
                nz(e.actor()),
                e.accountId() == null ? "" : e.accountId().toString(),
                nz(e.workstation()),
                nz(e.organisation()),
                nz(e.action()),
                e.personId() == null ? "" : e.personId().toString(),
                nz(e.personName()),
                nz(e.subject()),
                nz(e.details()),
                e.origin() == null ? "" : e.origin().toString(),
                Long.toString(e.seq()),
                e.id().toString()));
        if (++n % 5000 == 0) {
          progress.update(n, -1, null);
        }
      }
    }
    access
        .audit()
        .record(
            AuditAction.EXPORT, null, file.toAbsolutePath().toString(), "AUDIT " + n + " entries");
    return n;
  }

  /**
   * Checks every chain held here: each entry's hash from its fields and the one before, the places
   * in order without gaps, the details against their digest, and the end of this installation's own
   * chains against their recorded head. Names the first broken entry.
   */
  public Verification verify() {
    access.require(Permission.AUDIT_READ);
    DSLContext dsl = db.dsl();
    Map<UUID, AuditHeadRecord> heads =
        dsl.selectFrom(AUDIT_HEAD).fetchMap(AUDIT_HEAD.ORIGIN_REPLICA);
    long count = 0;
    int chains = 0;
    Optional<Verification.Broken> first = Optional.empty();
    UUID origin = null;
    long expected = 1;
    String prevHash = AuditChain.GENESIS;
    try (Cursor<AuditEntryRecord> c =
        dsl.selectFrom(AUDIT_ENTRY)
            .orderBy(AUDIT_ENTRY.ORIGIN_REPLICA, AUDIT_ENTRY.ORIGIN_SEQ, AUDIT_ENTRY.ID)
            .fetchSize(1000)
            .fetchLazy()) {
      for (AuditEntryRecord r : c) {
        count++;
        if (!r.getOriginReplica().equals(origin)) {
          if (origin != null && first.isEmpty()) {
            first = endOf(origin, expected - 1, heads);
          }
          origin = r.getOriginReplica();
          chains++;
          expected = 1;
          prevHash = AuditChain.GENESIS;
        }
        if (first.isEmpty()) {
          Verification.Problem p = problem(r, expected, prevHash);
          if (p != null) {
            first = Optional.of(broken(r, p));
          }
        }
        expected = r.getOriginSeq() + 1;
        prevHash = r.getHash();
      }
    }
    if (origin != null && first.isEmpty()) {
      first = endOf(origin, expected - 1, heads);
    }
    if (first.isEmpty()) {
      for (var h : heads.entrySet()) {
        if (!dsl.fetchExists(AUDIT_ENTRY, AUDIT_ENTRY.ORIGIN_REPLICA.eq(h.getKey()))) {
          first =
              Optional.of(
                  new Verification.Broken(
                      h.getKey(), 1, null, null, null, Verification.Problem.MISSING_AT_END));
          break;
        }
      }
    }
    Verification v = new Verification(count, chains, first);
    access
        .audit()
        .record(
            AuditAction.AUDIT_VERIFIED,
            null,
            null,
            v.intact()
                ? "intact: " + count + " entries"
                : "broken at " + first.get().origin() + " #" + first.get().seq());
    return v;
  }

  private static Verification.Problem problem(AuditEntryRecord r, long expected, String prev) {
    long seq = r.getOriginSeq() == null ? -1 : r.getOriginSeq();
    if (seq < expected) {
      return Verification.Problem.DUPLICATE;
    }
    if (seq > expected) {
      return Verification.Problem.MISSING_BEFORE;
    }
    if (r.getDetails() != null && !AuditChain.sha256(r.getDetails()).equals(r.getDetailsSha256())) {
      return Verification.Problem.DETAILS_MODIFIED;
    }
    if (!AuditChain.hash(r).equals(r.getHash())) {
      return Verification.Problem.MODIFIED;
    }
    if (!prev.equals(r.getPrevHash())) {
      return Verification.Problem.NOT_FOLLOWING;
    }
    return null;
  }

  private static Optional<Verification.Broken> endOf(
      UUID origin, long lastSeq, Map<UUID, AuditHeadRecord> heads) {
    AuditHeadRecord h = heads.get(origin);
    if (h != null && h.getSeq() > lastSeq) {
      return Optional.of(
          new Verification.Broken(
              origin, lastSeq + 1, null, null, null, Verification.Problem.MISSING_AT_END));
    }
    return Optional.empty();
  }

  private static Verification.Broken broken(AuditEntryRecord r, Verification.Problem p) {
    return new Verification.Broken(
        r.getOriginReplica(), r.getOriginSeq(), r.getId(), r.getAt(), r.getAction(), p);
  }

  private static Condition condition(DSLContext dsl, AuditFilter f) {
    List<Condition> c = new ArrayList<>();
    if (notBlank(f.person())) {
      String p = f.person().trim();
      Optional<UUID> id = uuid(p);
      if (id.isPresent()) {
        c.add(AUDIT_ENTRY.PERSON_ID.eq(id.get()));
      } else {
        String norm = TextNorm.normalize(p);
        c.add(
            AUDIT_ENTRY.PERSON_ID.in(
                DSL.select(CANDIDATE.ID)
                    .from(CANDIDATE)
                    .where(
                        CANDIDATE
                            .NAME_NORM
                            .startsWith(norm)
                            .or(CANDIDATE.NAME_NORM.contains(" " + norm)))));
      }
    }
    if (notBlank(f.counselor())) {
      String q = f.counselor().trim().toLowerCase(java.util.Locale.ROOT);
      c.add(DSL.lower(AUDIT_ENTRY.ACTOR).contains(q));
    }
    ZoneId zone = ZoneId.systemDefault();
    if (f.from() != null) {
      c.add(AUDIT_ENTRY.AT.ge(f.from().atStartOfDay(zone).toOffsetDateTime()));
    }
    if (f.to() != null) {
      c.add(AUDIT_ENTRY.AT.lt(f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
    }
    if (notBlank(f.action())) {
      try {
        c.add(AUDIT_ENTRY.ACTION.eq(AuditAction.valueOf(f.action().trim().toUpperCase()).name()));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.of(
            "audit.error.action",
            "Unknown action \""
                + f.action()
                + "\": expected one of "
                + java.util.Arrays.toString(AuditAction.values())
                + ".",
            f.action());
      }
    }
    return DSL.and(c);
  }

  private static Optional<UUID> uuid(String s) {
    try {
      return Optional.of(UUID.fromString(s));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static AuditEntry toEntry(Record r) {
    String last = r.get(CANDIDATE.LAST_NAME);
    String first = r.get(CANDIDATE.FIRST_NAME);
    String name =
        last == null && first == null
            ? null
            : ((last == null ? "" : last.toUpperCase(java.util.Locale.FRANCE))
                    + " "
                    + (first == null ? "" : first))
                .trim();
    return new AuditEntry(
        r.get(AUDIT_ENTRY.ID),
        r.get(AUDIT_ENTRY.ORIGIN_REPLICA),
        r.get(AUDIT_ENTRY.ORIGIN_SEQ) == null ? 0 : r.get(AUDIT_ENTRY.ORIGIN_SEQ),
        r.get(AUDIT_ENTRY.AT),
        r.get(AUDIT_ENTRY.ACCOUNT_ID),
        r.get(AUDIT_ENTRY.ACTOR),
        r.get(AUDIT_ENTRY.WORKSTATION),
        r.get(AUDIT_ENTRY.ORGANISATION),
        r.get(AUDIT_ENTRY.ACTION),
        r.get(AUDIT_ENTRY.PERSON_ID),
        name,
        r.get(AUDIT_ENTRY.SUBJECT),
        r.get(AUDIT_ENTRY.DETAILS));
  }

  /** The time now, for the view's default period. */
  public java.time.LocalDate today() {
    return OffsetDateTime.ofInstant(
            java.time.Instant.ofEpochMilli(clock.millis()), ZoneId.systemDefault())
        .toLocalDate();
  }
}
