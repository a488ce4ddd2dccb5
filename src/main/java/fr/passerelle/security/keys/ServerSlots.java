package fr.passerelle.security.keys;

import fr.passerelle.db.Database;
import java.util.List;

/**
 * The key slots of an office-server installation kept on the server too (table {@code key_slot},
 * ADR 0190), one row per slot, so that a new workstation joins with an account's password: the file
 * key stays wrapped by Argon2id-derived keys as in {@code passerelle.keys}. The database already
 * holds the accounts' Argon2id password hashes, so whoever reads the table learns nothing a
 * password guess against those hashes would not give.
 */
final class ServerSlots {
  private final Database db;

  ServerSlots(Database db) {
    this.db = db;
  }

  /** The slots kept on the server, each as {@link KeySlots#shared} wrote it. */
  List<String> all() {
    return db.dsl()
        .fetch("SELECT content FROM key_slot ORDER BY slot_id")
        .getValues(0, String.class);
  }

  /** Keeps {@code s} on the server, replacing the slot of the same account (or the recovery). */
  void put(KeySlots.Slot s) {
    db.dsl()
        .execute(
            "INSERT INTO key_slot (slot_id, content, stored_at) VALUES (?, ?, CURRENT_TIMESTAMP)"
                + " ON CONFLICT (slot_id) DO UPDATE SET content = EXCLUDED.content,"
                + " stored_at = EXCLUDED.stored_at",
            KeySlots.id(s),
            KeySlots.shared(s));
  }

  /** Removes the slot named {@code id} from the server. */
  void remove(String id) {
    db.dsl().execute("DELETE FROM key_slot WHERE slot_id = ?", id);
  }
}
