package fr.passerelle.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The columns a counselor chooses to see in a table, as in Excel (issue 19, item 3): the table's
 * column menu (the "+" at the right of the header, TableView's {@code tableMenuButtonVisible})
 * hides and shows columns, and the choice is remembered on this workstation in {@code
 * columns.properties} of the data folder, per table ({@code candidates.<column>.visible=false}). A
 * column is known by its id, or else by its place in the table. A file that cannot be read or
 * written only costs the choice (every column shown). The same file keeps whether a folded part of
 * a screen is open ({@code candidates.filters.more.shown=true}).
 */
public final class ColumnChoices {
  static final String FILE = "columns.properties";
  private final Path file;

  public ColumnChoices(Path dataDir) {
    this.file = dataDir.resolve(FILE);
  }

  /** The choices of {@code ctx}'s data folder. */
  public static ColumnChoices of(UiContext ctx) {
    return new ColumnChoices(ctx.services().db().dataDir());
  }

  /**
   * Shows {@code table}'s column menu, hides the columns hidden last time in table {@code name},
   * and remembers each change from now on.
   */
  public void remember(TableView<?> table, String name) {
    remember(table, name, java.util.Set.of());
  }

  /**
   * The same, the columns whose ids are in {@code hiddenAtFirst} hidden until this workstation
   * shows them (a table with more columns than a laptop's width holds whole).
   */
  public void remember(TableView<?> table, String name, java.util.Set<String> hiddenAtFirst) {
    table.setTableMenuButtonVisible(true);
    Properties saved = load();
    List<? extends TableColumn<?, ?>> columns = List.copyOf(table.getColumns());
    for (int i = 0; i < columns.size(); i++) {
      TableColumn<?, ?> c = columns.get(i);
      String key = name + "." + (c.getId() == null ? "column" + i : c.getId()) + ".visible";
      boolean shownAtFirst = c.getId() == null || !hiddenAtFirst.contains(c.getId());
      String choice = saved.getProperty(key);
      c.setVisible(choice == null ? shownAtFirst : "true".equals(choice));
      c.visibleProperty()
          .addListener(
              (o, a, visible) ->
                  save(key, visible == shownAtFirst ? null : String.valueOf(visible)));
    }
  }

  /**
   * Remembers whether a folded part of a screen is shown (the candidates' "Plus de filtres"), in
   * the same file: {@code shown} takes last time's value now and is written at each change.
   */
  public void remember(javafx.beans.property.BooleanProperty shown, String name) {
    String key = name + ".shown";
    shown.set("true".equals(load().getProperty(key)));
    shown.addListener((o, a, b) -> save(key, b ? "true" : null));
  }

  private Properties load() {
    Properties p = new Properties();
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException | IllegalArgumentException e) {
        p.clear();
      }
    }
    return p;
  }

  /** Writes one choice, over what other tables wrote meanwhile (one file for all). */
  private void save(String key, String value) {
    Properties p = load();
    if (value == null) {
      p.remove(key); // the default
    } else {
      p.setProperty(key, value);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      p.store(out, "Passerelle: the columns hidden in each table on this workstation");
    } catch (IOException e) {
      System.getLogger(ColumnChoices.class.getName())
          .log(System.Logger.Level.DEBUG, "cannot remember the columns chosen", e);
    }
  }
}
