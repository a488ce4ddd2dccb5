package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.SETTING;

import java.util.Optional;
import org.jooq.DSLContext;

/** This installation's local settings (never synced): a key-value store in the setting table. */
public final class Settings {
  private final DSLContext dsl;

  public Settings(DSLContext dsl) {
    this.dsl = dsl;
  }

  public Optional<String> get(String name) {
    return dsl.select(SETTING.VAL)
        .from(SETTING)
        .where(SETTING.NAME.eq(name))
        .fetchOptional(SETTING.VAL);
  }

  /** Stores {@code value} under {@code name}, replacing any previous value. */
  public void put(String name, String value) {
    dsl.mergeInto(SETTING)
        .using(dsl.selectOne())
        .on(SETTING.NAME.eq(name))
        .whenMatchedThenUpdate()
        .set(SETTING.VAL, value)
        .whenNotMatchedThenInsert(SETTING.NAME, SETTING.VAL)
        .values(name, value)
        .execute();
  }
}
