package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.DELETED;
import static fr.passerelle.db.ReplicatedTables.col;

import fr.passerelle.core.ControlCharacters;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * A received version whose text holds a control character (NUL, BEL, ESC…, DEL, C1; tab and line
 * breaks pass) is quarantined with the column and the character, whoever sent it (ADR 0156): the
 * local services refuse such a value, so it can only come from a forged file or an older version,
 * and storing a cleaned copy would give one version two contents in the network.
 */
final class ControlCharacterScreen {
  private ControlCharacterScreen() {}

  /**
   * {@link PartnerRules.Decision#ACCEPT}, or the refusal naming the first text column of {@code r}
   * that holds a control character ("last_name (U+0000)"). A deletion is not screened: its content
   * is never stored.
   */
  static PartnerRules.Decision decide(Table<?> table, Field<?>[] columns, Record r) {
    if (Boolean.TRUE.equals(r.get(col(table, DELETED)))) {
      return PartnerRules.Decision.ACCEPT;
    }
    for (Field<?> f : columns) {
      if (f.getType() == String.class && r.get(f) instanceof String v) {
        String c = ControlCharacters.first(v, true);
        if (c != null) {
          Field<UUID> person = PersonData.personColumn(table);
          return PartnerRules.Decision.refuse(
              Refusal.CONTROL_CHARACTER,
              f.getName().toLowerCase() + " (" + c + ")",
              person == null ? null : r.get(table.field(person.getName()), UUID.class));
        }
      }
    }
    return PartnerRules.Decision.ACCEPT;
  }
}
