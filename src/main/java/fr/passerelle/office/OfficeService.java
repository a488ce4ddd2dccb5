package fr.passerelle.office;

import static fr.passerelle.db.jooq.Tables.ACCOUNT;
import static fr.passerelle.db.jooq.Tables.OFFICE;
import static fr.passerelle.db.jooq.Tables.REPLICA;

import fr.passerelle.core.ControlCharacters;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.jooq.tables.records.OfficeRecord;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** This installation's office (set up once by {@code init}) and the offices it knows. */
public final class OfficeService {
  private static final java.util.regex.Pattern EMAIL =
      java.util.regex.Pattern.compile("^[^@\\s;,<>]+@[^@\\s;,<>]+\\.[^@\\s;,<>]{2,}$");
  private static final java.util.regex.Pattern PHONE =
      java.util.regex.Pattern.compile("^\\+?[0-9 .()\\-]{6,25}$");

  private final Database db;
  private final ReplicatedWriter writer;
  private final java.util.List<OfficeClock> clocks =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Access access;

  /** This installation's office kind once it is set up (it never changes afterwards). */
  private volatile OfficeKind kind;

  public OfficeService(Database db, ReplicatedWriter writer, Access access) {
    this.db = db;
    this.writer = writer;
    this.access = access;
  }

  /**
   * Creates this installation's office. Refused if the installation already has one. Before any
   * account exists this is the office set-up (which then creates the first administrator);
   * afterwards it needs {@link Permission#SETTINGS_MANAGE}.
   */
  public Office init(String name, OfficeKind kind, String organisation) {
    if (db.dsl().fetchExists(ACCOUNT)) {
      access.require(Permission.SETTINGS_MANAGE);
    }
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("The office name is required.");
    }
    ControlCharacters.require("office name", name, false, "office.error.nameControl");
    ControlCharacters.require(
        "organisation", organisation, false, "office.error.organisationControl");
    String org =
        organisation == null || organisation.isBlank()
            ? Office.defaultOrganisation(name, kind)
            : organisation.trim();
    return db.dsl()
        .transactionResult(
            cfg -> {
              DSLContext tx = cfg.dsl();
              if (currentOfficeId(tx).isPresent()) {
                throw new InvalidInputException(
                    "This installation is already set up (office: "
                        + current(tx).map(Office::name).orElse("?")
                        + ").");
              }
              OfficeRecord r = tx.newRecord(OFFICE);
              r.setName(name.trim());
              r.setKind(kind.name());
              r.setOrganisation(org);
              writer.insert(tx, r);
              tx.update(REPLICA)
                  .set(REPLICA.OFFICE_ID, r.getId())
                  .where(REPLICA.IS_CURRENT.isTrue())
                  .execute();
              return toOffice(r);
            });
  }

  /**
   * A clock that reads {@code base}'s instants in this office's time zone, told when {@link
   * #updateContact} changes it.
   */
  public OfficeClock clock(fr.passerelle.db.WallClock base) {
    OfficeClock c = new OfficeClock(base, () -> contact().zone());
    clocks.add(c);
    return c;
  }

  /** This office's contact details and time zone (empty texts and Europe/Paris when not set). */
  public OfficeContact contact() {
    return currentOfficeId(db.dsl())
        .map(
            id ->
                db.dsl()
                    .selectFrom(OFFICE)
                    .where(OFFICE.ID.eq(id).and(OFFICE.DELETED.isFalse()))
                    .fetchOptional()
                    .map(OfficeService::contactOf)
                    .orElseGet(OfficeService::noContact))
        .orElseGet(OfficeService::noContact);
  }

  private static OfficeContact noContact() {
    return new OfficeContact(null, null, null, null);
  }

  private static OfficeContact contactOf(OfficeRecord r) {
    ZoneId zone = null;
    if (r.getTimeZone() != null && !r.getTimeZone().isBlank()) {
      try {
        zone = ZoneId.of(r.getTimeZone().trim());
      } catch (java.time.DateTimeException e) {
        zone = null; // stored by a newer or broken build: the default, rather than no dates at all
      }
    }
    return new OfficeContact(r.getAddress(), r.getPhone(), r.getEmail(), zone);
  }

  /**
   * Changes this office's contact details; a null argument leaves that field as it is, an empty one
   * clears it. {@code timeZone} is a region id such as Europe/Paris or Indian/Reunion.
   */
  public OfficeContact updateContact(String address, String phone, String email, String timeZone) {
    access.require(Permission.SETTINGS_MANAGE);
    ControlCharacters.require("address", address, true, "office.error.addressControl");
    if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
      throw InvalidInputException.of(
          "office.error.phone", "\"" + phone + "\" is not a phone number.", phone);
    }
    if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
      throw InvalidInputException.of(
          "office.error.email", "\"" + email + "\" is not an e-mail address.", email);
    }
    String zone = null;
    if (timeZone != null && !timeZone.isBlank()) {
      try {
        zone = ZoneId.of(timeZone.strip()).getId();
      } catch (java.time.DateTimeException e) {
        throw InvalidInputException.of(
            "office.error.zone",
            "\""
                + timeZone
                + "\" is not a time zone (expected a region such as Europe/Paris,"
                + " America/Cayenne, Indian/Reunion).",
            timeZone);
      }
    }
    String z = zone;
    OfficeContact out =
        db.dsl()
            .transactionResult(
                cfg -> {
                  DSLContext tx = cfg.dsl();
                  UUID id =
                      currentOfficeId(tx)
                          .orElseThrow(
                              () ->
                                  InvalidInputException.of(
                                      "office.error.notSetUp",
                                      "This installation has no office yet: run init first."));
                  OfficeRecord r = tx.selectFrom(OFFICE).where(OFFICE.ID.eq(id)).fetchOne();
                  if (address != null) {
                    r.setAddress(address.isBlank() ? null : address.strip());
                  }
                  if (phone != null) {
                    r.setPhone(phone.isBlank() ? null : phone.strip());
                  }
                  if (email != null) {
                    r.setEmail(email.isBlank() ? null : email.strip());
                  }
                  if (timeZone != null) {
                    r.setTimeZone(z);
                  }
                  writer.update(tx, r);
                  return contactOf(r);
                });
    clocks.forEach(OfficeClock::refresh);
    return out;
  }

  /**
   * The kind of this installation's office, if set up. Read once: no method changes an office's
   * kind after {@link #init} (a restored backup reopens the services). Every candidate search asks
   * it (a partner installation finds only consenting persons), so it is not read from the database
   * each time (ADR 0180: 10 % of a keystroke).
   */
  public Optional<OfficeKind> kind() {
    OfficeKind k = kind;
    if (k == null) {
      k = current().map(Office::kind).orElse(null);
      kind = k;
    }
    return Optional.ofNullable(k);
  }

  /** This installation's office, if set up. */
  public Optional<Office> current() {
    return current(db.dsl());
  }

  private Optional<Office> current(DSLContext ctx) {
    return currentOfficeId(ctx).flatMap(id -> find(ctx, id));
  }

  private static Optional<UUID> currentOfficeId(DSLContext ctx) {
    return ctx.select(REPLICA.OFFICE_ID)
        .from(REPLICA)
        .where(REPLICA.IS_CURRENT.isTrue())
        .fetchOptional(REPLICA.OFFICE_ID)
        .filter(java.util.Objects::nonNull);
  }

  public Optional<Office> find(UUID id) {
    return find(db.dsl(), id);
  }

  private static Optional<Office> find(DSLContext ctx, UUID id) {
    return ctx.selectFrom(OFFICE)
        .where(OFFICE.ID.eq(id).and(OFFICE.DELETED.isFalse()))
        .fetchOptional()
        .map(OfficeService::toOffice);
  }

  /** Every office known here, this one included, by name. */
  public List<Office> all() {
    return db.dsl()
        .selectFrom(OFFICE)
        .where(OFFICE.DELETED.isFalse())
        .orderBy(OFFICE.NAME)
        .fetch(OfficeService::toOffice);
  }

  static Office toOffice(OfficeRecord r) {
    return new Office(r.getId(), r.getName(), OfficeKind.valueOf(r.getKind()), r.getOrganisation());
  }
}
