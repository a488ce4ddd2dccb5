package fr.passerelle.rights;

import static fr.passerelle.db.jooq.Tables.*;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.WallClock;
import fr.passerelle.security.Access;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.Permission;
import fr.passerelle.security.Principal;
import fr.passerelle.sync.PersonErasure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * A person's rights over what this installation holds (GDPR articles 15 and 17), an administrator's
 * (or DPO's) act, audited: "everything about this person" as a readable PDF and a JSON file, and
 * the person's erasure as tombstones that replicate to every office and partner organisation
 * holding a copy. Health criteria (RQTH, AAH) are in the export only for an account allowed to show
 * them (SENSITIVE_READ); the file says when they were left out.
 */
public final class PersonRightsService {
  private final Database db;
  private final WallClock clock;
  private final Access access;
  private final PersonErasure erasure;

  public PersonRightsService(Database db, ReplicatedWriter writer, WallClock clock, Access access) {
    this.db = db;
    this.clock = clock;
    this.access = access;
    this.erasure = new PersonErasure(writer);
  }

  /** What {@link #export} wrote. */
  public record Written(List<Path> files, PersonFile file) {}

  /**
   * Everything about the person, read in one transaction (nothing recorded: see {@link #export}).
   */
  public PersonFile collect(UUID person) {
    access.require(Permission.PERSON_RIGHTS);
    return db.dsl()
        .transactionResult(
            cfg -> new PersonFileReader(cfg.dsl(), sensitive()).read(person, now(), actor()));
  }

  private boolean sensitive() {
    return access.has(Permission.SENSITIVE_READ);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), clock.zone());
  }

  private String actor() {
    return access.principal().map(Principal::actor).orElse(null);
  }

  /**
   * Writes everything about the person: into folder {@code out} both {@code personne-ID.pdf} and
   * {@code personne-ID.json}; to a file named {@code .json} the JSON; to any other file the PDF.
   * Each file is written beside its place and moved there whole. Recorded in the audit trail (which
   * files, whether health data were included).
   */
  public Written export(UUID person, Path out) {
    access.require(Permission.PERSON_RIGHTS);
    if (person == null || out == null) {
      throw InvalidInputException.of(
          "rights.error.args", "Give the person's id and where to write.");
    }
    PersonFile file = collect(person);
    List<Path> written = new ArrayList<>();
    String base = "personne-" + person;
    if (Files.isDirectory(out)) {
      written.add(
          write(out.resolve(base + ".pdf"), o -> new PersonFilePdf().write(file, clock.zone(), o)));
      written.add(write(out.resolve(base + ".json"), o -> PersonFileJson.write(file, o)));
    } else if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      written.add(write(out, o -> PersonFileJson.write(file, o)));
    } else {
      written.add(write(out, o -> new PersonFilePdf().write(file, clock.zone(), o)));
    }
    access
        .audit()
        .record(
            AuditAction.EXPORT,
            person,
            written.stream()
                .map(p -> p.toAbsolutePath().toString())
                .reduce((a, b) -> a + ", " + b)
                .orElse(""),
            "SUBJECT_ACCESS: everything about the person"
                + (file.sensitiveIncluded()
                    ? ", health criteria included"
                    : ", health criteria left out (no SENSITIVE_READ)"));
    return new Written(List.copyOf(written), file);
  }

  private interface Body {
    void write(OutputStream out) throws IOException;
  }

  private static Path write(Path target, Body body) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, ".personne-", ".part");
      try (OutputStream o = Files.newOutputStream(tmp)) {
        body.write(o);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
      return target;
    } catch (IOException e) {
      throw new InvalidInputException(
              "Cannot write " + target + " (" + e.getMessage() + "): nothing was written there.", e)
          .keyed("rights.error.write", String.valueOf(target.getFileName()));
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort
        }
      }
    }
  }

  /**
   * Erases the person and everything about them here, as tombstones that the next sync files carry
   * to the offices of the organisation and the partner organisations holding a copy (which erase it
   * on import). Refused, nothing changed, for a person another organisation follows (that
   * organisation erases it) or already erased. The caller has had the erasure confirmed. Returns
   * the rows tombstoned per table.
   */
  public Map<String, Integer> erase(UUID person) {
    return erase(person, null);
  }

  /**
   * Erases {@code person} as the counselor saw their file, at version {@code shown}: refused with
   * {@link fr.passerelle.core.EditConflictException} (nothing erased) when a colleague saved the
   * file since — the confirmation was given on what the form showed (ADR 0181); null erases
   * whatever is stored (the command line).
   */
  public Map<String, Integer> erase(UUID person, fr.passerelle.db.RowVersion shown) {
    access.require(Permission.PERSON_RIGHTS);
    if (person == null) {
      throw InvalidInputException.of("rights.error.args", "Give the person's id.");
    }
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              boolean live =
                  tx.fetchExists(
                      tx.selectOne()
                          .from(CANDIDATE)
                          .where(CANDIDATE.ID.eq(person))
                          .and(CANDIDATE.DELETED.isFalse()));
              if (!live) {
                throw InvalidInputException.of(
                    "rights.error.gone",
                    "No person with the id " + person + " here (or already erased).",
                    person);
              }
              fr.passerelle.db.EditLocks.check(tx, CANDIDATE, person, shown, "Candidate");
              erasure
                  .refusal(tx, CANDIDATE, person)
                  .ifPresent(
                      e -> {
                        throw e;
                      });
              Map<String, Integer> rows = erasure.erasePerson(tx, person);
              access
                  .audit()
                  .record(
                      tx,
                      AuditAction.PERSON_ERASED,
                      person,
                      "candidate " + person,
                      "erased on request: " + rows);
              return rows;
            });
  }

  static boolean isSensitive(String criterion) {
    return fr.passerelle.sync.PersonData.isSensitiveCriterion(criterion);
  }
}
