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
      Integer rank =
          ctx.select(DSL.max(DSL.field(DSL.name("installed_rank"), Integer.class)))
              .from(DSL.table(DSL.name("flyway_schema_history")))
              .where(DSL.field(DSL.name("success"), Boolean.class).isTrue())
              .fetchOne(0, Integer.class);
      schemaCache[0] = IndexFiles.FORMAT + "/" + rank;
    }
    return new DbState(r == null ? null : r.value1(), r == null ? 0 : r.value2(), schemaCache[0]);
  }

  boolean matches(UUID indexed) {
    return replica != null && replica.equals(indexed);
  }
}
