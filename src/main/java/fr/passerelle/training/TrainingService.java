package fr.passerelle.training;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;
import static fr.passerelle.db.jooq.Tables.TRAINING_EVENT;
import static fr.passerelle.db.jooq.Tables.TRAINING_PATH;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.EditLocks;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.RowVersion;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.TrainingEventRecord;
import fr.passerelle.db.jooq.tables.records.TrainingPathRecord;
import fr.passerelle.meetings.FrenchFormats;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Training paths: create and edit them, move them through their steps (every change dated, with a
 * note, in {@code training_event}), record the six-month outcome. One transaction per action;
 * invalid input changes nothing.
 */
public final class TrainingService {
  /** At most this many paths on the board (newest first). */
  public static final int BOARD_LIMIT = 2000;

  private final Database db;
  private final ReplicatedWriter writer;
  private final WallClock clock;
  private final FundingRuleService rules;
  private final ZoneId zone;
  private final Access access;

  public TrainingService(
      Database db,
      ReplicatedWriter writer,
      WallClock clock,
      FundingRuleService rules,
      Access access) {
    this.db = db;
    this.access = access;
    this.writer = writer;
    this.clock = clock;
    this.rules = rules;
    this.zone = ZoneId.of("Europe/Paris");
  }

  public FundingRuleService rules() {
    return rules;
  }

  /** Today in the offices' time zone, by the service clock. */
  public LocalDate today() {
    return clock.today();
  }

  /** Creates a path at the IDEA step (or {@code initial}), with its first event. */
  public TrainingPath create(PathDraft d, TrainingStatus initial, String note, UUID officeId) {
    access.require(Permission.TRAINING_WRITE);
    PathValidator.validate(d);
    PathValidator.note(note);
    TrainingStatus start = initial == null ? TrainingStatus.IDEA : initial;
    UUID id =
        db.dsl()
            .transactionResult(
                cfg -> {
                  DSLContext tx = cfg.dsl();
                  PathValidator.checkReferences(tx, d);
                  TrainingPathRecord r = tx.newRecord(TRAINING_PATH);
                  fill(r, d);
                  r.setOfficeId(officeId);
                  r.setStatus(start.name());
                  writer.insert(tx, r);
                  event(tx, r.getId(), null, start, note, d.counselorId());
                  return r.getId();
                });
    return find(id).orElseThrow();
  }

  /** Saves the counselor's edit of a path's fields (not its status). */
  public TrainingPath update(UUID pathId, PathDraft d) {
    return update(pathId, null, d);
  }

  /**
   * Saves the edit of the path read at {@code loaded}: refused with {@link
   * fr.passerelle.core.EditConflictException} (nothing written) when a colleague changed the path
   * since (ADR 0181); a null {@code loaded} saves over whatever is stored.
   */
  public TrainingPath update(UUID pathId, RowVersion loaded, PathDraft d) {
    access.require(Permission.TRAINING_WRITE);
    PathValidator.validate(d);
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              PathValidator.checkReferences(tx, d);
              TrainingPathRecord r = load(tx, pathId, loaded);
              fill(r, d);
              if (r.getOutcomeOn() != null
                  && d.endsOn() != null
                  && r.getOutcomeOn().isBefore(d.endsOn())) {
                throw InvalidInputException.of(
                    "training.error.outcomeBeforeNewEnd",
                    "Date de fin : le résultat à six mois est daté du "
                        + FrenchFormats.date(r.getOutcomeOn())
                        + ", avant cette fin.",
                    FrenchFormats.date(r.getOutcomeOn()));
              }
              written(tx, r);
            });
    return find(pathId).orElseThrow();
  }

  /**
   * Moves a path to {@code to}. A move that is not the next step (or DROPPED) is refused with a
   * {@link StatusSkipException} unless {@code confirmSkip}.
   */
  public TrainingPath move(UUID pathId, TrainingStatus to, String note, boolean confirmSkip) {
    return move(pathId, null, to, note, confirmSkip);
  }

  /**
   * Moves the path read at {@code loaded} to {@code to}: refused (nothing written) when a colleague
   * changed the path since — their move or edit is not silently overridden (ADR 0181); a null
   * {@code loaded} moves whatever is stored.
   */
  public TrainingPath move(
      UUID pathId, RowVersion loaded, TrainingStatus to, String note, boolean confirmSkip) {
    access.require(Permission.TRAINING_WRITE);
    if (to == null) {
      throw new InvalidInputException("Étape : choisissez l'étape où passer.");
    }
    PathValidator.note(note);
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              TrainingPathRecord r = load(tx, pathId, loaded);
              TrainingStatus from = TrainingStatus.valueOf(r.getStatus());
              if (from == to) {
                throw new InvalidInputException(
                    "Étape : le parcours est déjà à l'étape « " + to.frenchLabel() + " ».");
              }
              LocalDate startsOn = r.getStartsOn();
              if (!allows(startsOn, to)) {
                // not even with the skip confirmation: a training not begun cannot be finished
                throw InvalidInputException.of(
                    "training.error.notStarted",
                    "Étape : la formation commence le "
                        + FrenchFormats.date(startsOn)
                        + " ; elle ne peut pas être « Terminé » avant d'avoir commencé.",
                    FrenchFormats.date(startsOn));
              }
              if (!from.isDirectMove(to) && !confirmSkip) {
                throw new StatusSkipException(from, to);
              }
              r.setStatus(to.name());
              written(tx, r);
              event(tx, pathId, from, to, note, r.getCounselorId());
            });
    return find(pathId).orElseThrow();
  }

  /**
   * True if a path starting on {@code startsOn} may be moved to {@code to} today: a training that
   * has not begun yet cannot be "Terminé". The board offers only the steps this allows; {@link
   * #move} refuses the others.
   */
  public boolean allows(LocalDate startsOn, TrainingStatus to) {
    return to != TrainingStatus.COMPLETED || startsOn == null || !startsOn.isAfter(today());
  }

  /** Records where the person is six months after the end; dated on or after the end. */
  public TrainingPath recordOutcome(UUID pathId, Outcome outcome, LocalDate on, String note) {
    return recordOutcome(pathId, null, outcome, on, note);
  }

  /**
   * Records the outcome of the path read at {@code loaded}: refused (nothing written) when a
   * colleague changed the path since (ADR 0181); null records it over whatever is stored.
   */
  public TrainingPath recordOutcome(
      UUID pathId, RowVersion loaded, Outcome outcome, LocalDate on, String note) {
    access.require(Permission.TRAINING_WRITE);
    if (outcome == null) {
      throw new InvalidInputException("Résultat : choisissez la situation de la personne.");
    }
    if (on == null) {
      throw new InvalidInputException("Date du résultat : obligatoire.");
    }
    PathValidator.note(note);
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              TrainingPathRecord r = load(tx, pathId, loaded);
              if (r.getEndsOn() == null) {
                throw new InvalidInputException(
                    "Date du résultat : le parcours n'a pas de date de fin ; saisissez-la d'abord.");
              }
              if (on.isBefore(r.getEndsOn())) {
                throw InvalidInputException.of(
                    "training.error.outcomeBeforeEnd",
                    "Date du résultat : le "
                        + FrenchFormats.date(on)
                        + " est avant la fin de la formation ("
                        + FrenchFormats.date(r.getEndsOn())
                        + ").",
                    FrenchFormats.date(on),
                    FrenchFormats.date(r.getEndsOn()));
              }
              r.setOutcome(outcome.name());
              r.setOutcomeOn(on);
              written(tx, r);
              TrainingStatus s = TrainingStatus.valueOf(r.getStatus());
              String text = "Résultat à six mois : " + outcome.frenchLabel();
              event(
                  tx,
                  pathId,
                  s,
                  s,
                  note == null || note.isBlank() ? text : text + " — " + note,
                  r.getCounselorId());
            });
    return find(pathId).orElseThrow();
  }

  /** Deletes a path and its events (tombstones). */
  public void delete(UUID pathId) {
    delete(pathId, null);
  }

  /**
   * Deletes the path read at {@code loaded} and its events: refused (nothing deleted) when a
   * colleague changed the path since (ADR 0181); null deletes whatever is stored.
   */
  public void delete(UUID pathId, RowVersion loaded) {
    access.require(Permission.TRAINING_WRITE);
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              load(tx, pathId, loaded);
              for (UUID e :
                  tx.select(TRAINING_EVENT.ID)
                      .from(TRAINING_EVENT)
                      .where(TRAINING_EVENT.PATH_ID.eq(pathId))
                      .and(TRAINING_EVENT.DELETED.isFalse())
                      .fetch(TRAINING_EVENT.ID)) {
                writer.delete(tx, TRAINING_EVENT, e);
              }
              writer.delete(tx, TRAINING_PATH, pathId);
            });
  }

  /** The warnings of the funding rules for a path (never blocking). */
  public List<RuleWarning> warnings(PathDraft d) {
    access.require(Permission.TRAINING_READ);
    return rules.check(d, today());
  }

  public Optional<TrainingPath> find(UUID id) {
    access.require(Permission.TRAINING_READ);
    return select(db.dsl(), TRAINING_PATH.ID.eq(id)).stream().findFirst();
  }

  /**
   * The board: live paths, optionally of one office, newest first, at most {@link #BOARD_LIMIT}.
   */
  public List<TrainingPath> board(UUID officeId) {
    access.require(Permission.TRAINING_READ);
    Condition c = officeId == null ? DSL.trueCondition() : TRAINING_PATH.OFFICE_ID.eq(officeId);
    return select(db.dsl(), c);
  }

  /** One candidate's paths. */
  public List<TrainingPath> pathsOf(UUID candidateId) {
    access.require(Permission.TRAINING_READ);
    return select(db.dsl(), TRAINING_PATH.CANDIDATE_ID.eq(candidateId));
  }

  /** Paths whose six-month outcome is due today and not recorded. */
  public List<TrainingPath> outcomesDue() {
    access.require(Permission.TRAINING_READ);
    LocalDate today = today();
    return select(
            db.dsl(),
            TRAINING_PATH
                .OUTCOME
                .isNull()
                .and(TRAINING_PATH.ENDS_ON.le(today.minusMonths(6)))
                .and(TRAINING_PATH.STATUS.in("COMPLETED", "EMPLOYED")))
        .stream()
        .filter(p -> p.isOutcomeDue(today))
        .toList();
  }

  /** A candidate's timeline: the events of all their paths, oldest first. */
  public List<TrainingEvent> timeline(UUID candidateId) {
    access.require(Permission.TRAINING_READ);
    return eventsWhere(
        TRAINING_PATH.CANDIDATE_ID.eq(candidateId).and(TRAINING_PATH.DELETED.isFalse()));
  }

  /** Training information meetings (kind TRAINING_INFO, not cancelled), latest first. */
  public List<MeetingRef> trainingMeetings() {
    access.require(Permission.TRAINING_READ);
    return db.dsl()
        .select(MEETING.ID, MEETING.TITLE, MEETING.STARTS_AT)
        .from(MEETING)
        .where(MEETING.DELETED.isFalse())
        .and(MEETING.KIND.eq("TRAINING_INFO"))
        .and(MEETING.STATUS.isNull().or(MEETING.STATUS.ne("CANCELLED")))
        .orderBy(MEETING.STARTS_AT.desc())
        .limit(200)
        .fetch(r -> new MeetingRef(r.value1(), r.value2(), r.value3()));
  }

  /** The events of one path, oldest first. */
  public List<TrainingEvent> events(UUID pathId) {
    access.require(Permission.TRAINING_READ);
    return eventsWhere(TRAINING_EVENT.PATH_ID.eq(pathId));
  }

  /** The events (not deleted) that {@code where} selects, with their path's title, oldest first. */
  private List<TrainingEvent> eventsWhere(org.jooq.Condition where) {
    return db.dsl()
        .select(TRAINING_EVENT.asterisk(), TRAINING_PATH.TITLE)
        .from(TRAINING_EVENT)
        .join(TRAINING_PATH)
        .on(TRAINING_PATH.ID.eq(TRAINING_EVENT.PATH_ID))
        .where(where)
        .and(TRAINING_EVENT.DELETED.isFalse())
        .orderBy(TRAINING_EVENT.AT, TRAINING_EVENT.DOT_SEQ)
        .fetch(TrainingService::toEvent);
  }

  private void event(
      DSLContext tx,
      UUID pathId,
      TrainingStatus from,
      TrainingStatus to,
      String note,
      UUID counselor) {
    TrainingEventRecord e = tx.newRecord(TRAINING_EVENT);
    e.setPathId(pathId);
    e.setAt(OffsetDateTime.ofInstant(Instant.ofEpochMilli(clock.millis()), ZoneOffset.UTC));
    e.setFromStatus(from == null ? null : from.name());
    e.setToStatus(to.name());
    e.setNote(note == null || note.isBlank() ? null : note.trim());
    e.setCounselorId(counselor != null ? counselor : access.counselorId().orElse(null));
    writer.insert(tx, e);
  }

  /**
   * The path's row, locked until the transaction ends, once checked to be still at {@code loaded}
   * (null: not checked; ADR 0181); a path deleted meanwhile is refused ({@code error.gone}).
   */
  private static TrainingPathRecord load(DSLContext tx, UUID id, RowVersion loaded) {
    EditLocks.check(tx, TRAINING_PATH, id, loaded, "Training path");
    return tx.selectFrom(TRAINING_PATH).where(TRAINING_PATH.ID.eq(id)).fetchOne();
  }

  /** Writes the change of {@code r} if it changes anything, with the audit entry naming who. */
  private void written(DSLContext tx, TrainingPathRecord r) {
    if (EditLocks.unmarkUnchanged(r)) {
      writer.update(tx, r);
      access
          .audit()
          .saved(
              tx,
              r.getCandidateId(),
              TRAINING_PATH,
              r.getId(),
              EditLocks.version(r, TRAINING_PATH));
    }
  }

  private static void fill(TrainingPathRecord r, PathDraft d) {
    r.setCandidateId(d.candidateId());
    r.setCounselorId(d.counselorId());
    r.setFromRomeCode(PathValidator.blankToNull(d.fromRomeCode()));
    r.setTargetRomeCode(PathValidator.blankToNull(d.targetRomeCode()));
    r.setTitle(d.title().trim());
    r.setProvider(PathValidator.blankToNull(d.provider()));
    r.setPlace(PathValidator.blankToNull(d.place()));
    r.setHours(d.hours());
    r.setStartsOn(d.startsOn());
    r.setEndsOn(d.endsOn());
    r.setFundingScheme(d.scheme() == null ? null : d.scheme().name());
    r.setFundingAmount(d.amount());
    r.setOfferId(d.offerId());
    r.setEmployerId(d.employerId());
    r.setMeetingId(d.meetingId());
  }

  private static List<TrainingPath> select(DSLContext ctx, Condition c) {
    return ctx.select(
            TRAINING_PATH.asterisk(), CANDIDATE.LAST_NAME, CANDIDATE.FIRST_NAME, OCCUPATION.LABEL)
        .from(TRAINING_PATH)
        .leftJoin(CANDIDATE)
        .on(CANDIDATE.ID.eq(TRAINING_PATH.CANDIDATE_ID).and(CANDIDATE.DELETED.isFalse()))
        .leftJoin(OCCUPATION)
        .on(OCCUPATION.ROME_CODE.eq(TRAINING_PATH.TARGET_ROME_CODE))
        .where(TRAINING_PATH.DELETED.isFalse())
        .and(c)
        .orderBy(TRAINING_PATH.CHANGE_SEQ.desc())
        .limit(BOARD_LIMIT)
        .fetch(TrainingService::toPath);
  }

  private static TrainingPath toPath(Record r) {
    TrainingPathRecord p = r.into(TRAINING_PATH);
    String last = r.get(CANDIDATE.LAST_NAME);
    String first = r.get(CANDIDATE.FIRST_NAME);
    String name =
        last == null && first == null
            ? "?"
            : ((last == null ? "" : last.toUpperCase(java.util.Locale.FRANCE))
                    + " "
                    + (first == null ? "" : first))
                .trim();
    return new TrainingPath(
        p.getId(),
        p.getCandidateId(),
        name,
        p.getCounselorId(),
        p.getOfficeId(),
        p.getFromRomeCode(),
        p.getTargetRomeCode(),
        r.get(OCCUPATION.LABEL),
        p.getTitle(),
        p.getProvider(),
        p.getPlace(),
        p.getHours(),
        p.getStartsOn(),
        p.getEndsOn(),
        p.getFundingScheme() == null ? null : FundingScheme.valueOf(p.getFundingScheme()),
        p.getFundingAmount(),
        p.getOfferId(),
        p.getEmployerId(),
        p.getMeetingId(),
        TrainingStatus.valueOf(p.getStatus()),
        p.getOutcome() == null ? null : Outcome.valueOf(p.getOutcome()),
        p.getOutcomeOn(),
        EditLocks.version(p, TRAINING_PATH));
  }

  private static TrainingEvent toEvent(Record r) {
    TrainingEventRecord e = r.into(TRAINING_EVENT);
    return new TrainingEvent(
        e.getId(),
        e.getPathId(),
        r.get(TRAINING_PATH.TITLE),
        e.getAt() == null ? null : e.getAt().toInstant(),
        e.getFromStatus() == null ? null : TrainingStatus.valueOf(e.getFromStatus()),
        TrainingStatus.valueOf(e.getToStatus()),
        e.getNote());
  }
}
