package fr.passerelle.tabular;

import fr.passerelle.core.CancelledException;
import fr.passerelle.core.Progress;
import fr.passerelle.db.TextNorm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Imports a file in two streamed passes, so a 200 MB file never sits in memory: the first pass
 * validates every row (nothing written); then, if there is no error — or the counselor chose to
 * import the valid rows only — the second pass writes in one transaction, in batches. Cancel or any
 * failure rolls back: the database is unchanged.
 */
public final class TabularImport<T> {
  private static final int BATCH = 1_000;
  private final ImportSchema<T> schema;

  public TabularImport(ImportSchema<T> schema) {
    this.schema = schema;
  }

  public ImportReport run(DSLContext dsl, Path file, ImportMode mode, Progress progress) {
    String name = file.getFileName().toString();
    ImportReport report = new ImportReport(name);
    LineSet refused = new LineSet();
    Map<String, Integer> columns = new HashMap<>();
    List<String> fileHeader = new ArrayList<>();
    RowErrors sink =
        new RowErrors() {
          @Override
          public void add(long line, String field, String value, String message) {
            add(line, field, value, message, null);
          }

          @Override
          public void add(long line, String field, String value, String message, Wording wording) {
            report.error(new RowError(line, inFile(field), value, message, wording));
            refused.add(line);
            report.refused(refused.size());
          }

          @Override
          public void corrected(long line, String field, String from, String to, String why) {
            corrected(line, field, from, to, why, null);
          }

          @Override
          public void corrected(
              long line, String field, String from, String to, String why, Wording wording) {
            report.corrected(new RowCorrection(line, inFile(field), from, to, why, wording));
          }

          /** The column as the file names it (its French header, or the code). */
          private String inFile(String field) {
            Integer i = field == null ? null : columns.get(field);
            return i == null || i >= fileHeader.size() ? field : fileHeader.get(i);
          }
        };
    RowCleaner cleaner;
    try (TabularReader reader = TabularReader.open(file)) {
      report.encoding(reader.encoding());
      columns.putAll(header(reader.header(), sink));
      fileHeader.addAll(reader.header());
      if (report.hasErrors()) {
        return report;
      }
      cleaner = new RowCleaner(columns, reader.header(), schema);
      List<TabularRow> batch = new ArrayList<>(BATCH);
      for (TabularRow row = reader.next(); row != null; row = reader.next()) {
        report.read();
        TabularRow clean =
            shape(row, reader.header().size(), sink) ? cleaner.clean(row, sink) : null;
        if (clean != null) {
          batch.add(clean);
        }
        if (batch.size() == BATCH) {
          schema.prepare(dsl, batch, columns, sink, true);
          batch.clear();
          step(progress, reader.fraction() / 2, "validation");
        }
      }
      schema.prepare(dsl, batch, columns, sink, true);
    }
    if (report.rowsRead() == 0
        || report.rowsValid() == 0
        || report.hasErrors() && mode == ImportMode.ALL_OR_NOTHING) {
      return report;
    }
    dsl.transaction(
        cfg -> {
          DSLContext tx = cfg.dsl();
          RowErrors ignore = (l, f, v, m) -> {};
          try (TabularReader reader = TabularReader.open(file)) {
            List<TabularRow> batch = new ArrayList<>(BATCH);
            for (TabularRow row = reader.next(); row != null; row = reader.next()) {
              if (!refused.contains(row.line())) {
                batch.add(cleaner.clean(row, ignore));
              }
              if (batch.size() == BATCH) {
                write(tx, batch, columns, ignore, report);
                step(progress, 0.5 + reader.fraction() / 2, "import");
              }
            }
            write(tx, batch, columns, ignore, report);
          }
        });
    report.markApplied();
    progress.update(1, 1, null);
    return report;
  }

  private void write(
      DSLContext tx,
      List<TabularRow> batch,
      Map<String, Integer> columns,
      RowErrors ignore,
      ImportReport report) {
    List<T> valid = new ArrayList<>(schema.prepare(tx, batch, columns, ignore, false));
    valid.removeIf(java.util.Objects::isNull);
    schema.write(tx, valid, report);
    batch.clear();
  }

  private static void step(Progress progress, double fraction, String what) {
    progress.update(Math.round(fraction * 1000), 1000, what);
    if (progress.isCancelled()) {
      throw new CancelledException();
    }
  }

  private Map<String, Integer> header(List<String> header, RowErrors sink) {
    Map<String, String> known = new HashMap<>();
    for (String c : schema.columns()) {
      known.put(TextNorm.normalize(c), c);
      String label = schema.labels().get(c);
      if (label != null) {
        known.put(TextNorm.normalize(label), c);
      }
    }
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String h = RowCleaner.controlFree(header.get(i)).trim();
      if (h.isEmpty()) {
        continue;
      }
      String code = known.get(TextNorm.normalize(h));
      if (code == null) {
        List<String> knownLabels =
            schema.columns().stream().map(c -> schema.labels().getOrDefault(c, c)).toList();
        sink.add(
            1,
            h,
            RowCleaner.shorten(h),
            "unknown column \"" + RowCleaner.shorten(h) + "\"; known columns: " + knownLabels,
            Wording.of(
                "import.error.unknownColumn",
                RowCleaner.shorten(h),
                String.join(", ", knownLabels)));
      } else if (columns.putIfAbsent(code, i) != null) {
        sink.add(
            1,
            h,
            h,
            "column \"" + h + "\" appears twice",
            Wording.of("import.error.columnTwice", h));
      }
    }
    for (String r : schema.required()) {
      if (!columns.containsKey(r)) {
        String label = schema.labels().getOrDefault(r, r);
        sink.add(
            1,
            r,
            "",
            "missing column \"" + label + "\"",
            Wording.of("import.error.missingColumn", label));
      }
    }
    return columns;
  }

  /** A row with more non-empty cells than the header has columns is refused. */
  private static boolean shape(TabularRow row, int width, RowErrors sink) {
    for (int i = width; i < row.values().size(); i++) {
      if (!row.values().get(i).isBlank()) {
        sink.add(
            row.line(),
            "",
            "",
            "the line has "
                + row.values().size()
                + " fields but the header has "
                + width
                + " (a value containing \";\" must be in quotes)",
            Wording.of("import.error.tooManyFields", row.values().size(), width));
        return false;
      }
    }
    return true;
  }

  /** Increasing line numbers, compactly (a million refused rows stay a few MB). */
  static final class LineSet {
    private long[] lines = new long[64];
    private int size;

    void add(long line) {
      if (size > 0 && lines[size - 1] == line || contains(line)) {
        return;
      }
      if (size == lines.length) {
        lines = Arrays.copyOf(lines, size * 2);
      }
      lines[size++] = line;
      if (size > 1 && lines[size - 2] > line) {
        Arrays.sort(lines, 0, size);
      }
    }

    int size() {
      return size;
    }

    boolean contains(long line) {
      return Arrays.binarySearch(lines, 0, size, line) >= 0;
    }
  }
}
