package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file a kill left, whose newest chunks H2 does not start from (ADR 0170). The files are made
 * here with plain H2: 2,000 rows in one commit, then one small commit per row updated, each a chunk
 * of its own ({@code WRITE_DELAY=0}), then {@code SHUTDOWN IMMEDIATELY}, which closes the file as a
 * kill does: without the clean mark.
 */
class H2ChunkRecoveryTest {
  private static final int ROWS = 2_000;
  private static final int EDITS = 30;

  @TempDir Path dir;

  /**
   * The state of the crash harness's kill 54: the header names an older chunk whose {@code next}
   * hint does not lead to the following one, and the file's last blocks hold a copy of that older
   * chunk. H2 alone starts from it and loses the newer commits, acknowledged and whole on disk;
   * prepared, it starts from the newest chunk and every edit is there.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theNewestCompleteChunkIsWhereH2Starts(boolean encrypted) throws Exception {
    char[] key = encrypted ? "file-key-of-the-test".toCharArray() : null;
    killedWithEdits(key);
    Path file = file();
    H2Chunks.Chunk newest = newest(file, key);
    H2Chunks.Chunk older = headerNamesAnOlderChunkWithABrokenHint(file, key, 10);

    assertThat(H2ChunkRecovery.versionH2StartsFrom(file, key))
        .as("H2 alone")
        .isEqualTo(older.version());

    H2ChunkRecovery.Outcome o = H2ChunkRecovery.prepare(file, key);

    assertThat(o.startsFrom()).isEqualTo(newest.version());
    assertThat(o.lostVersions()).isFalse();
    assertThat(o.erased()).isZero();
    try (Connection c = connect(key)) {
      assertThat(count(c, "V LIKE 'edit %'")).isEqualTo(EDITS);
    }
  }

  /**
   * When the newest chunks cannot be used (one they all read from is gone), H2 starts from an older
   * one; the newer chunks are erased, so that no later open can take them again, and the file goes
   * on working through the next kill.
   */
  @Test
  void chunksNewerThanTheStartAreErased() throws Exception {
    killedWithEdits(null);
    Path file = file();
    H2Chunks.Chunk bulk = destroyTheFooterOfTheBulkChunk(file);

    H2ChunkRecovery.Outcome o = H2ChunkRecovery.prepare(file, null);

    assertThat(o.lostVersions()).isTrue();
    assertThat(o.startsFrom()).isLessThan(bulk.version());
    assertThat(o.erased()).isGreaterThanOrEqualTo(EDITS);
    try (H2Chunks f = H2Chunks.open(file, null).orElseThrow()) {
      assertThat(f.completeChunks())
          .allSatisfy(c -> assertThat(c.version()).isLessThanOrEqualTo(o.startsFrom()));
    }
    try (Connection c = connect(null);
        Statement s = c.createStatement()) {
      for (int i = 0; i < 5; i++) {
        s.executeUpdate("INSERT INTO T VALUES (" + (ROWS + i) + ", 'after')");
      }
      s.execute("SHUTDOWN IMMEDIATELY");
    }
    H2ChunkRecovery.prepare(file, null);
    try (Connection c = connect(null)) {
      assertThat(count(c, "V = 'after'")).isEqualTo(5);
    }
  }

  @Test
  void aCleanFileIsLeftAsItIs() throws Exception {
    try (Connection c = connect(null);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE T(ID INT PRIMARY KEY, V VARCHAR)");
      s.execute("INSERT INTO T VALUES (1, 'x')");
    }
    byte[] before = java.nio.file.Files.readAllBytes(file());
    assertThat(H2ChunkRecovery.prepare(file(), null).acted()).isFalse();
    assertThat(java.nio.file.Files.readAllBytes(file())).isEqualTo(before);
  }

  @Test
  void aFileInUseIsLeftToH2() throws Exception {
    try (Connection c = connect(null);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE T(ID INT PRIMARY KEY, V VARCHAR)");
      s.execute("INSERT INTO T VALUES (1, 'x')");
      assertThat(H2ChunkRecovery.prepare(file(), null).acted()).isFalse();
    }
  }

  private void killedWithEdits(char[] key) throws SQLException {
    try (Connection c = connect(key);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE T(ID INT PRIMARY KEY, V VARCHAR)");
      s.execute(
          "INSERT INTO T SELECT X, 'row ' || X || REPEAT('.', 80) FROM SYSTEM_RANGE(1, "
              + ROWS
              + ")");
      for (int i = 1; i <= EDITS; i++) {
        s.executeUpdate("UPDATE T SET V = 'edit " + i + "' WHERE ID = " + (i * 61));
      }
      s.execute("SHUTDOWN IMMEDIATELY");
    }
  }

  /**
   * Names in the header a chunk {@code back} versions older than the newest, sets its {@code next}
   * hint to a block no chunk starts at, and appends a copy of it to the file: H2's walk from the
   * header stops there and its look at the end of the file finds the same chunk.
   */
  private H2Chunks.Chunk headerNamesAnOlderChunkWithABrokenHint(Path file, char[] key, int back)
      throws IOException {
    try (H2Chunks f = H2Chunks.open(file, key).orElseThrow()) {
      List<H2Chunks.Chunk> all = f.completeChunks();
      long target = all.stream().mapToLong(H2Chunks.Chunk::version).max().orElseThrow() - back;
      H2Chunks.Chunk older =
          all.stream().filter(c -> c.version() == target).findFirst().orElseThrow();
      rewriteHint(f, older, 1);
      appendCopy(f, older);
      f.pointHeaderAt(older);
      return older;
    }
  }

  /** Sets the {@code next} hint in the header line of {@code c}, the line keeping its length. */
  private static void rewriteHint(H2Chunks f, H2Chunks.Chunk c, long next) throws IOException {
    long at = c.block() * H2Chunks.BLOCK;
    String head = StandardCharsets.ISO_8859_1.decode(f.bytes(at, 1024)).toString();
    int end = head.indexOf('\n');
    String line = head.substring(0, end);
    String changed = line.replaceFirst("next:[0-9a-f]+", "next:" + Long.toHexString(next));
    assertThat(changed).isNotEqualTo(line);
    changed = String.format("%-" + line.length() + "s", changed);
    f.write(ByteBuffer.wrap(changed.getBytes(StandardCharsets.ISO_8859_1)), at);
  }

  /** Appends a copy of {@code c} to the end of the file, as H2's moving of a chunk leaves one. */
  private static void appendCopy(H2Chunks f, H2Chunks.Chunk c) throws IOException {
    ByteBuffer whole = f.bytes(c.block() * H2Chunks.BLOCK, c.len() * H2Chunks.BLOCK);
    f.write(whole, f.size());
  }

  /** Breaks the footer of the chunk the 2,000 rows were written in: every later chunk reads it. */
  private H2Chunks.Chunk destroyTheFooterOfTheBulkChunk(Path file) throws IOException {
    H2Chunks.Chunk bulk;
    try (H2Chunks f = H2Chunks.open(file, null).orElseThrow()) {
      bulk = f.completeChunks().stream().max(Comparator.comparingInt(H2Chunks.Chunk::len)).get();
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(
          ByteBuffer.wrap("garbage".getBytes(StandardCharsets.ISO_8859_1)),
          (bulk.block() + bulk.len()) * H2Chunks.BLOCK - 128);
    }
    return bulk;
  }

  private static H2Chunks.Chunk newest(Path file, char[] key) throws IOException {
    try (H2Chunks f = H2Chunks.open(file, key).orElseThrow()) {
      return f.completeChunks().stream()
          .max(Comparator.comparingLong(H2Chunks.Chunk::version))
          .orElseThrow();
    }
  }

  private Path file() {
    return dir.resolve(Database.FILE_NAME + ".mv.db");
  }

  private final java.util.List<H2Connections.Link> links = new java.util.ArrayList<>();

  @org.junit.jupiter.api.AfterEach
  void dropKeys() {
    links.forEach(H2Connections.Link::close);
  }

  private Connection connect(char[] key) throws SQLException {
    H2Connections.Link link = H2Connections.Link.of(dir, key);
    links.add(link);
    return link.connect("");
  }

  private static long count(Connection c, String where) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM T WHERE " + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
