package fr.passerelle.db;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The installation's data folder around its database: made ready (created, writable) before the
 * database opens, and cleared of what a killed process left once it is open (ADR 0080, 0146).
 */
final class DataFolder {
  private DataFolder() {}

  /** Creates {@code dataDir} if needed; refuses, saying why, a folder that cannot be written. */
  static void prepare(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (java.nio.file.FileSystemException e) {
      throw new DatabaseException("Cannot create the data folder " + dataDir + ": " + reason(e), e)
          .keyed(reasonKey(e), dataDir.toString(), reason(e));
    } catch (java.io.IOException e) {
      throw new DatabaseException(
              "Cannot create the data folder " + dataDir + ": " + e.getMessage(), e)
          .keyed("db.folder.cannotCreate", dataDir.toString(), String.valueOf(e.getMessage()));
    }
    if (!Files.isWritable(dataDir)) {
      throw new DatabaseException("The data folder " + dataDir + " is not writable.")
          .keyed("db.folder.notWritable", dataDir.toString());
    }
  }

  /** The window's text for {@link #reason}. */
  private static String reasonKey(java.nio.file.FileSystemException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "db.folder.denied";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "db.folder.inTheWay";
    }
    if ("Not a directory".equals(e.getReason())) {
      return "db.folder.notAFolder"; // a file where a folder of the path should be (ENOTDIR)
    }
    return "db.folder.cannotCreate";
  }

  private static String reason(java.nio.file.FileSystemException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file of that name is in the way";
    }
    return e.getReason() != null ? e.getReason() : e.getMessage();
  }

  /**
   * Files a killed process left in the data folder: its temporary folder (except what an
   * interrupted sync import still needs, named in {@code keep}), the staging folders of a restore,
   * the partial files of a backup. Called once the database is open, so no other Passerelle uses
   * the folder.
   */
  static void removeLeftovers(Path dataDir) throws java.io.IOException {
    BackupService.removePartialBackups(dataDir);
    Path tmp = dataDir.resolve(Database.TEMP_DIR);
    java.util.Set<String> keep = keptTempFiles(dataDir);
    if (Files.isDirectory(tmp)) {
      try (var files = Files.list(tmp)) {
        for (Path f : files.toList()) {
          if (!keep.contains(f.getFileName().toString())) {
            BackupService.deleteTree(f);
          }
        }
      }
    }
    try (var files = Files.list(dataDir)) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        if (n.startsWith("restore-") && Files.isDirectory(f)) {
          BackupService.deleteTree(f);
        }
      }
    }
    AutoBackups.removePartialFiles(dataDir);
  }

  /** Temporary files the journal's notes still need (an interrupted import resumes from them). */
  private static java.util.Set<String> keptTempFiles(Path dataDir) {
    java.util.Set<String> keep = new java.util.HashSet<>();
    for (Journal.Entry e : new Journal(dataDir).leftovers()) {
      String f = e.detail(Journal.KEEP_FILE);
      if (f != null) {
        keep.add(Path.of(f).getFileName().toString());
      }
    }
    return keep;
  }
}
