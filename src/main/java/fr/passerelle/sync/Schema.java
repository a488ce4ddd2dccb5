package fr.passerelle.sync;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The database schema version (the highest Flyway migration applied). */
final class Schema {
  private Schema() {}

  static String version(DSLContext ctx) {
    String best = "0";
    for (String v :
        ctx.select(DSL.field(DSL.name("version"), String.class))
            .from(DSL.table(DSL.name("flyway_schema_history")))
            .where(DSL.field(DSL.name("success"), Boolean.class).isTrue())
            .and(DSL.field(DSL.name("version"), String.class).isNotNull())
            .fetch(0, String.class)) {
      if (SyncFormat.compareSchema(v, best) > 0) {
        best = v;
      }
    }
    return best;
  }
}
