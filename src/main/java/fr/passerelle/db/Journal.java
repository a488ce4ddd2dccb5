package fr.passerelle.db;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Notes of long writes in progress (a sync import, a CSV import, demo data...), one small file each
 * in the data folder's {@code journal/} folder, written to disk before the write starts and removed
 * once it is committed. After a crash, the next open finds the notes left behind: they say which
 * tables to check and how to go back (ADR 0080).
 */
public final class Journal {
  static final String DIR = "journal";

  /** Detail naming a file of the data folder's temporary folder the write still needs. */
  public static final String KEEP_FILE = "keepFile";

  /** Every table: the write may touch any of them. */
  public static final String ALL_TABLES = "*";

  private final Path dir;

  public Journal(Path dataDir) {
    this.dir = dataDir.resolve(DIR);
  }

  /** A write in progress: its kind, the tables it writes, what is needed to go back. */
  public record Entry(
      String id, String kind, Set<String> tables, Map<String, String> details, Path file) {
    public String detail(String key) {
      return details.get(key);
    }

    public boolean touchesAllTables() {
      return tables.contains(ALL_TABLES);
    }
  }

  /** Writes (and forces to disk) the note of a write about to start. */
  public Entry begin(String kind, Collection<String> tables, Map<String, String> details) {
    String id = UUID.randomUUID().toString();
    Path file = dir.resolve(kind + "-" + id + ".properties");
    Properties p = new Properties();
    p.setProperty("kind", kind);
    p.setProperty("tables", String.join(",", tables));
    details.forEach((k, v) -> p.setProperty("detail." + k, v));
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(id + ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        p.store(out, "Passerelle: a write in progress (removed when it ends)");
      }
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new DatabaseException(
          "Cannot write in the data folder " + dir.getParent() + ": " + e.getMessage(), e);
    }
    return new Entry(
        id, kind, new LinkedHashSet<>(tables), new LinkedHashMap<>(details), file.toAbsolutePath());
  }

  /** The write ended (committed or rolled back): its note goes. */
  public void end(Entry e) {
    try {
      Files.deleteIfExists(e.file());
    } catch (IOException ignored) {
      // a note left behind only costs a check at the next open
    }
  }

  /** The notes of writes a crash interrupted (read before anything else writes). */
  public List<Entry> leftovers() {
    List<Entry> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".tmp")) {
          Files.deleteIfExists(f); // never completed: its write never started
          continue;
        }
        if (!name.endsWith(".properties")) {
          continue;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.ISO_8859_1)) {
          p.load(r);
        }
        Map<String, String> details = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) {
          if (k.startsWith("detail.")) {
            details.put(k.substring("detail.".length()), p.getProperty(k));
          }
        }
        Set<String> tables = new LinkedHashSet<>();
        for (String t : p.getProperty("tables", ALL_TABLES).split(",")) {
          if (!t.isBlank()) {
            tables.add(t.trim());
          }
        }
        String kind = p.getProperty("kind", "unknown");
        String id = name.substring(0, name.length() - ".properties".length());
        out.add(new Entry(id, kind, tables, details, f.toAbsolutePath()));
      }
    } catch (IOException e) {
      throw new DatabaseException("Cannot read " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Forgets every note (after the database was checked, repaired or replaced). */
  public void clearAll() {
    for (Entry e : leftovers()) {
      end(e);
    }
  }
}
