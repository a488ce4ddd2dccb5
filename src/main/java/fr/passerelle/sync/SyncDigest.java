package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.CHANGE_SEQ;
import static fr.passerelle.db.ReplicatedTables.ID;
import static fr.passerelle.db.ReplicatedTables.col;

import fr.passerelle.db.ReplicatedTables;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * SHA-256 of the canonical replicated state: tables by name, rows by id, every column but {@code
 * change_seq}, tombstones included. Offices of one organisation in sync print the same digest.
 */
public final class SyncDigest {
  private SyncDigest() {}

  /** The digest in hex (64 characters). */
  public static String compute(DSLContext ctx) {
    MessageDigest sha = Fingerprint.sha256();
    Table<?>[] tables =
        ReplicatedTables.ALL.stream()
            .sorted(Comparator.comparing(Table::getName))
            .toArray(Table[]::new);
    for (Table<?> t : tables) {
      Field<?>[] fields =
          Arrays.stream(t.fields())
              .filter(f -> !f.getName().equalsIgnoreCase(CHANGE_SEQ.getName()))
              .sorted(Comparator.comparing(Field::getName))
              .toArray(Field[]::new);
      update(sha, "\u001dT" + t.getName());
      try (Cursor<Record> c =
          ctx.select(fields).from(t).orderBy(col(t, ID)).fetchSize(1000).fetchLazy()) {
        for (Record r : c) {
          StringBuilder sb = new StringBuilder("\u001e");
          for (int i = 0; i < fields.length; i++) {
            Object v = r.get(i);
            sb.append('\u001f');
            if (v == null) {
              sb.append('\u0000');
            } else if (v instanceof BigDecimal d) {
              sb.append(d.stripTrailingZeros().toPlainString());
            } else if (v instanceof java.time.OffsetDateTime at) {
              // the instant: H2 keeps the offset it was given, PostgreSQL answers in UTC (ADR 0183)
              sb.append(at.toInstant());
            } else {
              sb.append(v);
            }
          }
          update(sha, sb.toString());
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The first 160 bits in base32 groups of four: what two offices read to each other. */
  public static String forPhone(String hex) {
    byte[] b = HexFormat.of().parseHex(hex);
    return Fingerprint.grouped(Fingerprint.base32(b, 20));
  }

  private static void update(MessageDigest sha, String s) {
    sha.update(s.getBytes(StandardCharsets.UTF_8));
  }
}
