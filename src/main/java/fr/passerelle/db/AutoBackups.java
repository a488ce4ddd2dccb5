package fr.passerelle.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rolling automatic backups of one data folder, in its {@code backups/} folder: one before each
 * sync import (unless the newest already holds that state) and one a day, {@value #KEPT} kept (the
 * oldest go). Each is an ordinary backup ({@link BackupService}), restorable with {@code restore}
 * or from the window (ADR 0080).
 */
public final class AutoBackups {
  static final String DIR = "backups";
  static final int KEPT = 3;
  private static final String PREFIX = "auto-";
  private static final DateTimeFormatter PARSE = fr.passerelle.core.DateFormats.FILE_STAMP_MILLIS;
  private static final DateTimeFormatter STAMP = PARSE.withZone(ZoneOffset.UTC);
  private static final Pattern NAME =
      Pattern.compile("auto-(\\d{8}-\\d{6}-\\d{3})-([a-z-]+)\\.zip");

  /** One automatic backup: its file, when it was made, why ("import", "daily"...). */
  public record Backup(Path file, Instant at, String reason) {}

  private final Database db;
  private final WallClock clock;

  public AutoBackups(Database db, WallClock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Writes an automatic backup now, then removes the oldest beyond {@value #KEPT}. */
  public Backup take(String reason) {
    Instant at = Instant.ofEpochMilli(clock.millis());
    Path file = dir(db.dataDir()).resolve(PREFIX + STAMP.format(at) + "-" + reason + ".zip");
    BackupService.backup(db, file, clock);
    prune();
    return new Backup(file, at, reason);
  }

  /**
   * Writes an automatic backup unless the newest one already holds the database as it is now (no
   * replicated write since): before each sync import, so that the way back from an import a crash
   * damaged loses nothing (docs/reliability.md). Empty if the newest one will do.
   */
  public Optional<Backup> takeUnlessCurrent(String reason) {
    if (db.onServer()) {
      return Optional.empty(); // the office server's backups are its own (docs/office-server.md)
    }
    Optional<Backup> last = latest(db.dataDir());
    if (last.isPresent()) {
      try {
        String held = BackupService.marker(last.get().file()).getProperty(BackupService.STATE);
        if (BackupCheck.state(db.dsl()).equals(held)) {
          return Optional.empty();
        }
      } catch (RuntimeException unreadable) {
        // a backup that cannot be read is no way back: take a new one
      }
    }
    return Optional.of(take(reason));
  }

  /** Takes the daily backup if the newest automatic one is older than a day; true if it did. */
  public boolean takeDailyIfDue() {
    if (db.onServer()) {
      return false; // the office server's backups are its own (docs/office-server.md)
    }
    Optional<Backup> last = latest(db.dataDir());
    Instant now = Instant.ofEpochMilli(clock.millis());
    if (last.isPresent()
        && Duration.between(last.get().at(), now).compareTo(Duration.ofDays(1)) < 0) {
      return false;
    }
    take("daily");
    return true;
  }

  /** The automatic backups of a data folder, newest first. */
  public static List<Backup> list(Path dataDir) {
    List<Backup> out = new ArrayList<>();
    Path dir = dataDir.resolve(DIR);
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Matcher m = NAME.matcher(f.getFileName().toString());
        if (m.matches()) {
          Instant at = LocalDateTime.parse(m.group(1), PARSE).toInstant(ZoneOffset.UTC);
          out.add(new Backup(f, at, m.group(2)));
        }
      }
    } catch (IOException e) {
      throw new DatabaseException("Cannot read " + dir + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(Backup::at).reversed());
    return out;
  }

  /** The newest automatic backup of a data folder, if any. */
  public static Optional<Backup> latest(Path dataDir) {
    return list(dataDir).stream().findFirst();
  }

  private void prune() {
    List<Backup> all = list(db.dataDir());
    for (Backup b : all.subList(Math.min(KEPT, all.size()), all.size())) {
      try {
        Files.deleteIfExists(b.file());
      } catch (IOException ignored) {
        // pruned at the next backup
      }
    }
  }

  private static Path dir(Path dataDir) {
    Path dir = dataDir.resolve(DIR);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new DatabaseException("Cannot write in the data folder " + dataDir + ": " + e, e)
          .keyed("db.backup.cannotWrite", dir.toString());
    }
    return dir;
  }

  /** Partial files of a backup a crash interrupted (see {@link BackupService#backup}). */
  static void removePartialFiles(Path dataDir) throws IOException {
    Path dir = dataDir.resolve(DIR);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().startsWith(BackupService.TEMP_PREFIX)) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
