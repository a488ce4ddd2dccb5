package fr.passerelle.search;

import static fr.passerelle.db.jooq.Tables.REPLICA;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The database's side of the index's version: its replica, change sequence and schema. */
record DbState(UUID replica, long change, String schema) {
  /** One primary-key read; the schema (read once per index: migrations run at open only). */
  static DbState read(DSLContext ctx, String[] schemaCache) {
    var r =
        ctx.select(REPLICA.ID, REPLICA.CHANGE_SEQ)
            .from(REPLICA)
            .where(REPLICA.IS_CURRENT.isTrue())
            .fetchOne();
    if (schemaCache[0] == null) {
      schemaCache[0] = schema(ctx);
    }
    return new DbState(r == null ? null : r.value1(), r == null ? 0 : r.value2(), schemaCache[0]);
  }

  /**
   * The schema the index was built over: the index's format and the last migration applied, by its
   * version — the same on the embedded file and on the office server it was moved to (their
   * histories' ranks differ: ranking by them rebuilt every workstation's index after a move).
   */
  static String schema(DSLContext ctx) {
    String version =
        ctx.select(DSL.field(DSL.name("version"), String.class))
            .from(DSL.table(DSL.name("flyway_schema_history")))
            .where(DSL.field(DSL.name("success"), Boolean.class).isTrue())
            .and(DSL.field(DSL.name("version")).isNotNull())
            .orderBy(DSL.field(DSL.name("installed_rank")).desc())
            .limit(1)
            .fetchOne(0, String.class);
    return IndexFiles.FORMAT + "/v" + version;
  }

  boolean matches(UUID indexed) {
    return replica != null && replica.equals(indexed);
  }
}
