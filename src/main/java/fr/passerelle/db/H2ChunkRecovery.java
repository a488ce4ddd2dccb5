package fr.passerelle.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVStore;

/**
 * Makes H2 start a file a session did not close from its newest complete chunk, and leaves no chunk
 * newer than the one it starts from (ADR 0170).
 *
 * <p>After a kill, H2 2.5.252 finds the newest chunk by following each chunk's {@code next} hint
 * from the one the store header names, and starts from the newest whose references hold. The crash
 * harness found a file where that walk stopped early: H2 started from chunk {@code f5} although the
 * killed session's {@code f6}…{@code 10a} were whole on disk (their commits acknowledged), then
 * wrote its own new {@code f6}–{@code f8} in free space. The next open followed the new {@code
 * f8}'s hint onto the old {@code f9}, took the old {@code 10a} for the newest chunk, and re-pointed
 * the old chunks' references to the new chunks of the same ids: two generations mixed, pages read
 * from the wrong chunk, "File corrupted in chunk 248". Both steps are H2's; this does, before H2
 * opens a file whose header is not marked clean:
 *
 * <ol>
 *   <li>read every block (one pass) and list the complete chunks (header and footer agree);
 *   <li>name the newest of them in the store header, so that H2 tries it first;
 *   <li>open the file read-only with H2's own store and ask which version it starts from;
 *   <li>if that is older than the newest on disk (a reference of the newer ones does not hold),
 *       erase the header and footer of every chunk newer than it, name it in the store header and
 *       check that H2 now starts from the same version: no later open can take an old chunk again.
 * </ol>
 *
 * <p>The file is locked throughout; a file another process holds is left alone (H2 then refuses it
 * as locked). A clean file costs the reading of its header.
 */
final class H2ChunkRecovery {
  private static final Logger LOG = Logger.getLogger(H2ChunkRecovery.class.getName());

  /** What was done: nothing, or the versions involved and the chunks erased. */
  record Outcome(boolean acted, long newestOnDisk, long startsFrom, int erased) {
    static final Outcome NOTHING = new Outcome(false, 0, 0, 0);

    /** True when commits written before the crash could not be kept. */
    boolean lostVersions() {
      return startsFrom < newestOnDisk;
    }
  }

  private H2ChunkRecovery() {}

  /**
   * Prepares {@code file} (a {@code .mv.db}, encrypted under {@code filePassword} when not null)
   * for H2 after a session that did not close it.
   *
   * @throws IOException if the file cannot be read or written, or H2 does not start where it was
   *     made to: the caller treats the file as damaged and leaves it for the way back
   */
  static Outcome prepare(Path file, char[] filePassword) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) < 3L * H2Chunks.BLOCK) {
      return Outcome.NOTHING;
    }
    List<H2Chunks.Chunk> chunks;
    H2Chunks.Chunk newest;
    try (H2Chunks f = H2Chunks.open(file, filePassword).orElse(null)) {
      if (f == null) {
        return Outcome.NOTHING; // in use: H2 will say so
      }
      var header = f.header();
      if (header.isEmpty() || H2Chunks.clean(header)) {
        return Outcome.NOTHING;
      }
      chunks = f.completeChunks();
      Optional<H2Chunks.Chunk> found = chunks.stream().min(H2ChunkRecovery::newestFirst);
      if (found.isEmpty()) {
        return Outcome.NOTHING; // H2's own scan will say what it finds
      }
      newest = found.get();
      if (H2Chunks.headerVersion(header) != newest.version()
          || !Long.toHexString(newest.block()).equals(header.get("block"))) {
        f.pointHeaderAt(newest);
      }
    }
    long startsFrom = versionH2StartsFrom(file, filePassword);
    if (startsFrom >= newest.version()) {
      return new Outcome(true, newest.version(), startsFrom, 0);
    }
    int erased = 0;
    try (H2Chunks f = H2Chunks.open(file, filePassword).orElseThrow(() -> held(file))) {
      for (H2Chunks.Chunk c : chunks) {
        if (c.version() > startsFrom) {
          f.erase(c);
          erased++;
        }
      }
      Optional<H2Chunks.Chunk> from =
          chunks.stream().filter(c -> c.version() == startsFrom).min(H2ChunkRecovery::newestFirst);
      if (from.isPresent()) {
        f.pointHeaderAt(from.get());
      }
      f.force();
    }
    long again = versionH2StartsFrom(file, filePassword);
    if (again != startsFrom) {
      throw new IOException(
          "H2 starts "
              + file
              + " from version "
              + Long.toHexString(again)
              + " after the newer chunks were erased, "
              + Long.toHexString(startsFrom)
              + " before");
    }
    LOG.log(
        Level.WARNING,
        "{0}: H2 cannot use the newest {1} version(s) a crash left in the file (newest {2}, starts"
            + " from {3}); {4} chunk(s) newer than its start erased so that no later open mixes"
            + " them in",
        new Object[] {
          file,
          newest.version() - startsFrom,
          Long.toHexString(newest.version()),
          Long.toHexString(startsFrom),
          erased
        });
    return new Outcome(true, newest.version(), startsFrom, erased);
  }

  /** H2's own order of candidates: the newest version first, then the copy nearer the start. */
  private static int newestFirst(H2Chunks.Chunk a, H2Chunks.Chunk b) {
    return Comparator.comparingLong(H2Chunks.Chunk::version)
        .reversed()
        .thenComparingLong(H2Chunks.Chunk::block)
        .compare(a, b);
  }

  /** The store version H2 starts {@code file} from, asked of H2 itself, read-only. */
  static long versionH2StartsFrom(Path file, char[] filePassword) throws IOException {
    try (AesFiles.Key key = filePassword == null ? null : AesFiles.lend(filePassword)) {
      String name = key == null ? file.toString() : key.prefix() + file.toAbsolutePath();
      MVStore.Builder b = new MVStore.Builder().fileName(name).readOnly();
      MVStore store;
      try {
        store = b.open();
      } catch (RuntimeException e) {
        throw new IOException("H2 cannot open " + file + ": " + e.getMessage(), e);
      }
      try {
        return store.getFileStore().lastChunkVersion();
      } finally {
        store.closeImmediately();
      }
    }
  }

  private static IOException held(Path file) {
    return new IOException(file + " is in use by another process");
  }
}
