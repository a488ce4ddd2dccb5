package fr.passerelle.office;

import static fr.passerelle.db.jooq.Tables.ACCOUNT;
import static fr.passerelle.db.jooq.Tables.OFFICE;
import static fr.passerelle.db.jooq.Tables.REPLICA;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.jooq.tables.records.OfficeRecord;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** This installation's office (set up once by {@code init}) and the offices it knows. */
public final class OfficeService {
  private final Database db;
  private final ReplicatedWriter writer;
  private final Access access;

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
