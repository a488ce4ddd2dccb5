package fr.passerelle.ui;

import fr.passerelle.app.Services;
import fr.passerelle.db.ReplicatedTables;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableLike;
import org.kordamp.ikonli.Ikon;

/**
 * A read-only page of a feature's main records, shown until the feature's own view lands: a title,
 * a table of at most {@link #PAGE} rows loaded in the background, and an empty state that says what
 * the view is for.
 */
public final class PlaceholderFeature implements FeatureView {
  /** Never more rows than this in a placeholder table (the candidate table may hold 600,000). */
  public static final int PAGE = 200;

  /** A column: its header's message key and the field shown. */
  public record Column(String headerKey, Field<?> field) {}

  /** Loads one page of rows, each a list of display values (runs off the FX thread). */
  @FunctionalInterface
  public interface PageQuery {
    List<List<Object>> load(Services services);
  }

  private final UiContext ctx;
  private final String id;
  private final String titleKey;
  private final Ikon icon;
  private final String emptyKey;
  private final List<String> headerKeys;
  private final PageQuery query;
  private final DateTimeFormatter dateFormat;
  private final DateTimeFormatter dateTimeFormat;
  private TableView<List<Object>> table;
  private Label status;

  public PlaceholderFeature(
      UiContext ctx,
      String id,
      String titleKey,
      Ikon icon,
      String emptyKey,
      List<String> headerKeys,
      PageQuery query) {
    this.ctx = ctx;
    this.id = id;
    this.titleKey = titleKey;
    this.icon = icon;
    this.emptyKey = emptyKey;
    this.headerKeys = List.copyOf(headerKeys);
    this.query = query;
    this.dateFormat =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(ctx.messages().locale());
    this.dateTimeFormat =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(ctx.messages().locale());
  }

  /**
   * A placeholder on the first {@link #PAGE} rows of {@code from} matching {@code where}, in {@code
   * order}. {@code from} may be a join (to show a commune's or a candidate's name).
   */
  public static PlaceholderFeature ofTable(
      UiContext ctx,
      String id,
      String titleKey,
      Ikon icon,
      String emptyKey,
      TableLike<?> from,
      Condition where,
      List<Column> columns,
      OrderField<?>... order) {
    List<Field<?>> fields = columns.stream().<Field<?>>map(Column::field).toList();
    PageQuery q =
        services ->
            services
                .db()
                .dsl()
                .select(fields)
                .from(from)
                .where(where)
                .orderBy(order)
                .limit(PAGE)
                .fetch(PlaceholderFeature::values);
    return new PlaceholderFeature(
        ctx, id, titleKey, icon, emptyKey, columns.stream().map(Column::headerKey).toList(), q);
  }

  /** The live (not deleted) rows of a replicated table. */
  public static Condition live(Table<?> replicated) {
    return ReplicatedTables.col(replicated, ReplicatedTables.DELETED).isFalse();
  }

  private static List<Object> values(Record r) {
    List<Object> row = new ArrayList<>(r.size());
    for (int i = 0; i < r.size(); i++) {
      row.add(r.get(i));
    }
    return row;
  }

  /** Loads the page now, on the calling thread (for tests). */
  List<List<Object>> loadPage() {
    return query.load(ctx.services());
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String titleKey() {
    return titleKey;
  }

  @Override
  public Ikon icon() {
    return icon;
  }

  @Override
  public Node build() {
    Messages m = ctx.messages();
    Label title = new Label(m.get(titleKey));
    title.getStyleClass().add("title-2");
    status = new Label(m.get("placeholder.loading"));
    status.getStyleClass().add("text-muted");
    table = new TableView<>();
    table.setId(id + "-table");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    for (int i = 0; i < headerKeys.size(); i++) {
      int col = i;
      TableColumn<List<Object>, String> c = new TableColumn<>(m.get(headerKeys.get(i)));
      c.setCellValueFactory(d -> new ReadOnlyStringWrapper(format(d.getValue().get(col))));
      table.getColumns().add(c);
    }
    Label empty = new Label(m.get(emptyKey));
    empty.setWrapText(true);
    empty.getStyleClass().add("empty-state");
    empty.setId(id + "-empty");
    table.setPlaceholder(empty);
    VBox header = new VBox(4, title, status);
    header.setPadding(new Insets(0, 0, 12, 0));
    BorderPane pane = new BorderPane(table);
    pane.setTop(header);
    pane.setPadding(new Insets(16));
    pane.setId(id + "-view");
    return pane;
  }

  @Override
  public void onShow() {
    Messages m = ctx.messages();
    ctx.tasks()
        .submit(
            m.get("placeholder.task", m.get(titleKey)),
            p -> query.load(ctx.services()),
            rows -> {
              table.setItems(FXCollections.observableArrayList(rows));
              status.setText(
                  rows.size() >= PAGE
                      ? m.get("placeholder.firstRows", PAGE)
                      : m.get("placeholder.rows", rows.size()));
            },
            e -> status.setText(m.get("placeholder.error", String.valueOf(e.getMessage()))));
  }

  String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof LocalDate d) {
      return dateFormat.format(d);
    }
    if (value instanceof LocalDateTime t) {
      return dateTimeFormat.format(t);
    }
    if (value instanceof OffsetDateTime t) {
      return dateTimeFormat.format(t.atZoneSameInstant(java.time.ZoneId.systemDefault()));
    }
    if (value instanceof Boolean b) {
      return ctx.messages().get(b ? "common.yes" : "common.no");
    }
    if (value instanceof Number n) {
      return java.text.NumberFormat.getIntegerInstance(ctx.messages().locale()).format(n);
    }
    return value.toString();
  }
}
