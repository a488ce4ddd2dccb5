package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.SYNC_KEYS;

import fr.passerelle.db.Database;
import fr.passerelle.db.crypto.Sealer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sync identity keys of an installation on the office server (issue 15 item 3, ADR 0184): in
 * the database's table {@code sync_keys}, as the content of a sealed keys file (the private keys
 * under the file key that {@code passerelle.keys} wraps), so that the office is one replica
 * whatever workstation exports or imports. The first workstation that needs them there brings its
 * data folder's keys (the ones it made before, or those of an embedded installation moved to the
 * server: partners need not trust the office again), else new keys are made; two at once, the first
 * stored wins and both use it.
 */
final class ServerKeys {
  private static final int ROW = 1;
  private static final String WHERE = "the office database (table sync_keys)";

  private ServerKeys() {}

  /** The office's keys on the server of {@code db}, stored there sealed with {@code sealer}. */
  static LocalKeys loadOrCreate(Database db, Sealer sealer) {
    Optional<String> stored = stored(db);
    if (stored.isEmpty()) {
      Path file = db.dataDir().resolve(LocalKeys.FILE);
      LocalKeys keys =
          Files.exists(file) ? LocalKeys.load(file, Optional.of(sealer)) : LocalKeys.fresh();
      db.dsl()
          .insertInto(SYNC_KEYS, SYNC_KEYS.ID, SYNC_KEYS.CONTENT, SYNC_KEYS.STORED_AT)
          .values(
              ROW,
              new String(keys.sealedContent(sealer), StandardCharsets.UTF_8),
              fr.passerelle.db.WallClock.system().offsetNow())
          .onConflictDoNothing()
          .execute();
      stored = stored(db); // another workstation's, if it stored first
    }
    return LocalKeys.parse(
        stored.orElseThrow().getBytes(StandardCharsets.UTF_8), WHERE, Optional.of(sealer));
  }

  private static Optional<String> stored(Database db) {
    return db.dsl()
        .select(SYNC_KEYS.CONTENT)
        .from(SYNC_KEYS)
        .where(SYNC_KEYS.ID.eq(ROW))
        .fetchOptional(SYNC_KEYS.CONTENT);
  }
}
