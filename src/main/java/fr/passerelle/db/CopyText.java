package fr.passerelle.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows written into PostgreSQL through {@code COPY … FROM STDIN} in its text format (PgJDBC's
 * CopyManager): the move of an embedded installation onto the office server ({@link ServerCopy}).
 * (Tried for the rows a sync import adds: no faster than its batched inserts, whose time is the
 * import's own work, not the server's — docs/benchmarks.md, session 16.) A value is written as
 * PostgreSQL reads it back: {@code \N} for null, {@code t}/{@code f}, {@code \x…} for bytes,
 * ISO-8601 for dates and times; a NUL character, which PostgreSQL cannot store, is refused with the
 * table and column named.
 */
public final class CopyText implements AutoCloseable {
  /** Bytes gathered before they are sent to the server. */
  private static final int FLUSH = 1 << 20;

  private final CopyIn in;
  private final String table;
  private final List<String> columns;
  private final ByteArrayOutputStream buf = new ByteArrayOutputStream(FLUSH + 65536);
  private final StringBuilder line = new StringBuilder(512);
  private int column;

  private CopyText(CopyIn in, String table, List<String> columns) {
    this.in = in;
    this.table = table;
    this.columns = columns;
  }

  /**
   * Starts {@code COPY quotedTable (quotedColumns) FROM STDIN} on {@code c}; {@code table} and
   * {@code columns} name them in messages.
   */
  public static CopyText start(
      Connection c,
      String quotedTable,
      List<String> quotedColumns,
      String table,
      List<String> columns)
      throws SQLException {
    String sql = "COPY " + quotedTable + " (" + String.join(", ", quotedColumns) + ") FROM STDIN";
    return new CopyText(c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql), table, columns);
  }

  /** Appends the next value of the current row. */
  public CopyText value(Object v) {
    if (column > 0) {
      line.append('\t');
    }
    append(v, columns.get(column));
    column++;
    return this;
  }

  /** Ends the current row (every column given). */
  public void endRow() throws SQLException {
    line.append('\n');
    column = 0;
    buf.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
    line.setLength(0);
    if (buf.size() >= FLUSH) {
      flush();
    }
  }

  /** Sends what is left and ends the copy; returns the rows the server stored. */
  public long finish() throws SQLException {
    flush();
    return in.endCopy();
  }

  private void flush() throws SQLException {
    if (buf.size() > 0) {
      in.writeToCopy(buf.toByteArray(), 0, buf.size());
      buf.reset();
    }
  }

  /** Cancels a copy not finished: nothing of it is stored. */
  @Override
  public void close() throws SQLException {
    if (in.isActive()) {
      in.cancelCopy();
    }
  }

  private void append(Object v, String col) {
    if (v == null) {
      line.append("\\N");
    } else if (v instanceof Boolean b) {
      line.append(b ? 't' : 'f');
    } else if (v instanceof byte[] bytes) {
      line.append("\\\\x").append(HexFormat.of().formatHex(bytes));
    } else {
      String s = v.toString();
      for (int k = 0; k < s.length(); k++) {
        char ch = s.charAt(k);
        switch (ch) {
          case '\\' -> line.append("\\\\");
          case '\n' -> line.append("\\n");
          case '\r' -> line.append("\\r");
          case '\t' -> line.append("\\t");
          case '\0' ->
              throw new DatabaseException(
                  "Table "
                      + table
                      + ", column "
                      + col
                      + ": a value holds the character NUL, which PostgreSQL cannot store: nothing"
                      + " was written.");
          default -> line.append(ch);
        }
      }
    }
  }
}
