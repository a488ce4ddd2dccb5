package fr.passerelle.audit.ui;

import fr.passerelle.audit.AuditEntry;
import fr.passerelle.security.AuditAction;
import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Navigation entry "Journal" (administrators): who did what, when, where, about whom; filters, the
 * chain check and the export.
 */
public final class AuditView implements FeatureView {
  private static final DateTimeFormatter WHEN = fr.passerelle.core.DateFormats.DAY_TIME_SECONDS;
  private final UiContext ctx;
  private final Messages m;
  private AuditViewModel vm;

  public AuditView(UiContext ctx) {
    this.ctx = ctx;
    this.m = ctx.messages();
  }

  @Override
  public String id() {
    return "audit";
  }

  @Override
  public String titleKey() {
    return "audit.nav";
  }

  @Override
  public Ikon icon() {
    return MaterialDesignS.SHIELD_SEARCH;
  }

  public AuditViewModel viewModel() {
    return vm;
  }

  @Override
  public void onShow() {
    if (vm != null) {
      vm.search();
    }
  }

  @Override
  public Node build() {
    vm = new AuditViewModel(ctx.services().audit(), ctx.tasks(), m);
    Label title = new Label(m.get("audit.title"));
    title.getStyleClass().add("title-2");
    TextField person = new TextField();
    person.setId("audit-person");
    person.setPromptText(m.get("audit.person"));
    person.textProperty().bindBidirectional(vm.person());
    TextField counselor = new TextField();
    counselor.setId("audit-counselor");
    counselor.setPromptText(m.get("audit.counselor"));
    counselor.textProperty().bindBidirectional(vm.counselor());
    DatePicker from = new DatePicker();
    from.setId("audit-from");
    from.setPromptText(m.get("audit.from"));
    from.valueProperty().bindBidirectional(vm.from());
    DatePicker to = new DatePicker();
    to.setId("audit-to");
    to.setPromptText(m.get("audit.to"));
    to.valueProperty().bindBidirectional(vm.to());
    ComboBox<AuditAction> action = new ComboBox<>();
    action.setId("audit-action");
    action.getItems().add(null);
    action.getItems().addAll(AuditAction.values());
    action.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(AuditAction a) {
            return a == null ? m.get("audit.action.any") : m.get("audit.action." + a.name());
          }

          @Override
          public AuditAction fromString(String s) {
            return null;
          }
        });
    action.valueProperty().bindBidirectional(vm.action());
    Button search = new Button(m.get("audit.search"));
    search.setId("audit-search");
    search.setDefaultButton(true);
    search.setOnAction(e -> vm.search());
    Button verify = new Button(m.get("audit.verify"));
    verify.setId("audit-verify");
    verify.setOnAction(e -> vm.verify());
    Button export = new Button(m.get("audit.export"));
    export.setId("audit-export");
    export.setOnAction(e -> export());
    FlowPane filters =
        new FlowPane(8, 8, person, counselor, from, to, action, search, verify, export);
    filters.setAlignment(Pos.CENTER_LEFT);
    Label status = new Label();
    status.setId("audit-status");
    status.textProperty().bind(vm.status());
    status.getStyleClass().add("text-muted");
    Label verification = new Label();
    verification.setId("audit-verification");
    verification.setWrapText(true);
    verification.textProperty().bind(vm.verification());
    Label error = new Label();
    error.setWrapText(true);
    error.getStyleClass().add("danger");
    error.textProperty().bind(vm.error());
    VBox top = new VBox(8, title, filters, verification, error);
    BorderPane root = new BorderPane(table());
    root.setTop(top);
    root.setBottom(status);
    BorderPane.setMargin(top, new Insets(0, 0, 8, 0));
    root.setPadding(new Insets(16));
    root.setId("audit-view");
    return root;
  }

  private void export() {
    ctx.dialogs()
        .saveFile(
            fr.passerelle.ui.DialogService.FileChoice.of("audit-export", null)
                .named("journal-audit.csv")
                .filter("CSV", "*.csv")
                .filter("Excel", "*.xlsx"))
        .ifPresent(vm::export);
  }

  private Node table() {
    TableView<AuditEntry> t = new TableView<>(vm.entries());
    t.setId("audit-table");
    t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<AuditEntry, String> at =
        column(
            "audit.col.at",
            e ->
                e.at() == null
                    ? ""
                    : WHEN.format(e.at().atZoneSameInstant(java.time.ZoneId.systemDefault())),
            170);
    // the date and time whole at 1366×768 ("07/12/2026 21:5…" when the table was squeezed)
    at.setMinWidth(165);
    t.getColumns()
        .addAll(
            at,
            column("audit.col.actor", e -> e.actor() == null ? "—" : e.actor(), 180),
            column("audit.col.action", e -> label(e.action()), 170),
            column(
                "audit.col.person",
                e ->
                    e.personName() != null
                        ? e.personName()
                        : e.personId() == null ? "" : e.personId().toString().substring(0, 8),
                150),
            column("audit.col.subject", e -> e.subject() == null ? "" : e.subject(), 180),
            column("audit.col.details", e -> e.details() == null ? "" : e.details(), 200),
            column("audit.col.workstation", e -> nz(e.workstation()), 150));
    t.setPlaceholder(new Label(m.get("audit.empty")));
    return t;
  }

  private String label(String action) {
    try {
      return m.get("audit.action." + AuditAction.valueOf(action).name());
    } catch (IllegalArgumentException
        | java.util.MissingResourceException
        | NullPointerException e) {
      return action == null ? "" : action;
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private TableColumn<AuditEntry, String> column(
      String key, java.util.function.Function<AuditEntry, String> f, double width) {
    TableColumn<AuditEntry, String> c = new TableColumn<>(m.get(key));
    c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}
