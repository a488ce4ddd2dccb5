package fr.passerelle.offers.ui;

import fr.passerelle.offers.OfferRow;
import fr.passerelle.offers.OfferSource;
import fr.passerelle.ui.Chips;
import fr.passerelle.ui.FormConflict;
import fr.passerelle.ui.LoadingPlaceholder;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.ServerReturn;
import fr.passerelle.ui.UiContext;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * "Offres & métiers": open offers hard to fill first with their reasons as chips, the selected
 * offer's matching candidates and form; a tab for the occupations table.
 */
public final class OffersView extends BorderPane {
  final OffersViewModel vm;
  final OccupationsViewModel occupationsVm;
  final OfferFormViewModel formVm;
  final TableView<OfferRow> table = new TableView<>();
  final TabPane detail = new TabPane();
  final MatchingPane matching;
  final OfferFormPane form;
  final OccupationsPane occupations;
  final TabPane tabs = new TabPane();
  private final Tab formTab;
  private final fr.passerelle.ui.TaskRunner tasks;
  private final fr.passerelle.offers.OffersModule module;
  private final Messages messages;
  private final fr.passerelle.ui.DialogService dialogs;

  public OffersView(UiContext ctx, OccupationActions actions) {
    Messages msg = ctx.messages();
    this.messages = msg;
    this.dialogs = ctx.dialogs();
    var offers = ctx.services().offersModule();
    var sourcing = ctx.services().sourcing();
    this.tasks = ctx.tasks();
    this.module = offers;
    vm = new OffersViewModel(offers, sourcing, ctx.tasks(), msg);
    ctx.followChanges(vm::followChanges);
    occupationsVm = new OccupationsViewModel(offers, sourcing, ctx.tasks(), msg);
    formVm = new OfferFormViewModel(offers.offers(), ctx.tasks(), msg, ServerReturn.of(ctx));
    OfferChips chips = new OfferChips(msg);
    getStylesheets().add(Chips.CSS);

    ToggleButton onlyHard = new ToggleButton(msg.get("offers.onlyHard"));
    onlyHard.selectedProperty().bindBidirectional(vm.hardToFillOnly());
    javafx.scene.control.ComboBox<OfferSource> source = new javafx.scene.control.ComboBox<>();
    source.setId("offerSource");
    source.getItems().add(null);
    source.getItems().addAll(OfferSource.values());
    source.setConverter(
        fr.passerelle.ui.Converters.of(
            s -> s == null ? msg.get("offers.allSources") : msg.get("offers.source." + s.name())));
    source.valueProperty().bindBidirectional(vm.source());
    Button refresh = new Button(msg.get("offers.refresh"));
    refresh.setOnAction(e -> vm.refresh());
    Button newOffer = new Button(msg.get("offers.new"));
    Button meeting = new Button(msg.get("offers.meeting"));
    meeting.setId("offerMeeting");
    meeting.setTooltip(new javafx.scene.control.Tooltip(msg.get("offers.meeting.tip")));
    actions
        .startMeeting()
        .ifPresentOrElse(
            start -> {
              meeting.disableProperty().bind(vm.selected().isNull());
              meeting.setOnAction(
                  e ->
                      start.accept(
                          fr.passerelle.ui.ActionRequest.forOffer(
                              vm.selected().get().offer().romeCode(),
                              vm.selected().get().offer().id())));
            },
            () -> meeting.setDisable(true));
    Label summary = new Label();
    summary.textProperty().bind(vm.summary());
    summary.getStyleClass().add("muted");
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(vm.loading());
    Label error = new Label();
    error.getStyleClass().add("error-text");
    error.textProperty().bind(vm.error());
    // buttons keep their whole label: the bar wraps on a narrow window
    for (javafx.scene.control.ButtonBase b : List.of(onlyHard, refresh, newOffer, meeting)) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    javafx.scene.layout.FlowPane bar =
        new javafx.scene.layout.FlowPane(
            8, 6, onlyHard, source, refresh, newOffer, meeting, busy, summary, error);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8));

    table.setItems(vm.rows());
    table.setPlaceholder(
        new LoadingPlaceholder(vm.loading(), msg.get("offers.loading"), msg.get("offers.empty")));
    table
        .getColumns()
        .addAll(
            List.of(
                signalColumn(msg, chips),
                col(msg.get("offers.col.title"), r -> r.offer().title(), 180),
                col(msg.get("offers.col.employer"), r -> r.offer().employerName(), 140),
                col(msg.get("offers.col.commune"), r -> r.offer().communeName(), 110),
                col(
                    msg.get("offers.col.occupation"),
                    r -> r.offer().romeCode() + " " + nz(r.offer().romeLabel()),
                    200),
                col(
                    msg.get("offers.col.contract"),
                    r ->
                        r.offer().contract() == null
                            ? ""
                            : msg.get("offers.contract." + r.offer().contract().name()),
                    90),
                col(msg.get("offers.col.daysOpen"), OfferRow::daysOpen, 70)));
    // every column in view (long titles end with "…"), no horizontal scroll hiding the last ones
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    // the counselor chooses the columns (the "+" of the header), remembered on this workstation
    fr.passerelle.ui.ColumnChoices.of(ctx).remember(table, "offers");
    // the list's choice and the view model's selection mirror each other (not bound: a refresh
    // selects again the row of the offer open, read anew — ADR 0192)
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              vm.selected().set(b);
              rowChosen(a, b);
            });
    vm.selected()
        .addListener(
            (o, a, b) -> {
              if (b != null && b != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(b);
              }
            });

    matching = new MatchingPane(vm, msg, chips, () -> sourcing.defaultOwner().orElse(null));
    form =
        new OfferFormPane(
            formVm, msg, () -> ctx.services().occupations(), offers::geo, saved -> vm.refresh());
    fr.passerelle.ui.ConflictDialogs conflicts =
        new fr.passerelle.ui.ConflictDialogs(msg, ctx.dialogs());
    conflicts.askOn(formVm.conflict(), formVm, FormConflict::text, formVm::differences);
    Tab matchTab = new Tab(msg.get("offers.tab.matching"), matching);
    formTab = new Tab(msg.get("offers.tab.form"), form);
    detail.getTabs().addAll(matchTab, formTab);
    detail.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    newOffer.setOnAction(
        e -> {
          table.getSelectionModel().clearSelection();
          formVm.startNew();
          detail.getSelectionModel().select(formTab);
        });

    SplitPane split = new SplitPane(table, detail);
    split.setDividerPositions(0.58);
    VBox offersTab = new VBox(bar, split);
    VBox.setVgrow(split, Priority.ALWAYS);

    occupations = new OccupationsPane(occupationsVm, msg, dialogs, actions);
    Tab t1 = new Tab(msg.get("offers.tab.offers"), offersTab);
    Tab t2 = new Tab(msg.get("offers.tab.occupations"), occupations);
    tabs.getTabs().addAll(t1, t2);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b == t2) {
                occupationsVm.refresh();
              }
            });
    setCenter(tabs);
    fr.passerelle.ui.Shortcuts.of(this)
        .on(KeyCode.N, newOffer::fire)
        .on(
            KeyCode.S,
            () -> {
              if (!form.save.isDisabled()) {
                form.save.fire();
              }
            });
  }

  private TableColumn<OfferRow, OfferRow> signalColumn(Messages msg, OfferChips chips) {
    TableColumn<OfferRow, OfferRow> c =
        Chips.column(msg.get("offers.col.signal"), r -> chips.of(r.hardToFill()));
    c.setPrefWidth(330);
    c.setMinWidth(290);
    return c;
  }

  private static <T> TableColumn<OfferRow, T> col(
      String title, Function<OfferRow, T> value, double width) {
    TableColumn<OfferRow, T> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
    c.setPrefWidth(width);
    c.setMinWidth(Math.min(width, 100));
    return c;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** True while the list goes back to the row whose edits are pending (not a new choice). */
  private boolean goingBack;

  /**
   * Another row chosen: its offer fills the form, unless the form holds edits not saved — then the
   * list goes back to their row and asks Save / Discard / Cancel (#19, as the shell does on closing
   * or navigation); the new row is shown after a save or a discard, never after Cancel.
   */
  private void rowChosen(OfferRow before, OfferRow chosen) {
    if (chosen == null || goingBack) {
      return;
    }
    if (chosen.offer().id().equals(formVm.loadedId())) {
      // the same offer read again (a refresh, a colleague's save heard): not another choice — the
      // form shows the new version unless it holds edits (their save meets the conflict, ADR 0181)
      if (!formVm.dirty().get()) {
        formVm.reread(chosen.offer());
      }
      return;
    }
    if (!formVm.dirty().get()) {
      formVm.edit(chosen.offer());
      return;
    }
    javafx.application.Platform.runLater(
        () -> {
          goingBack = true;
          if (before == null) {
            table.getSelectionModel().clearSelection();
          } else {
            table.getSelectionModel().select(before);
          }
          goingBack = false;
          fr.passerelle.ui.UnsavedChanges.guard(
              unsaved(), dialogs, () -> openOffer(chosen.offer().id()));
        });
  }

  /** The offer form's edits, for the shell's guard (another entry, closing the window). */
  fr.passerelle.ui.UnsavedChanges unsaved() {
    return new fr.passerelle.ui.UnsavedChanges() {
      @Override
      public java.util.Optional<String> pending() {
        if (!formVm.dirty().get()) {
          return java.util.Optional.empty();
        }
        return java.util.Optional.of(
            formVm.isNew()
                ? messages.get("offers.unsaved.new")
                : messages.get("offers.unsaved.what", formVm.loadedTitle()));
      }

      @Override
      public void save(Runnable saved) {
        formVm.save(
            o -> {
              vm.refresh();
              saved.run();
            });
        if (!formVm.errors().isEmpty()) { // refused before saving: the form says why
          tabs.getSelectionModel().select(0);
          detail.getSelectionModel().select(formTab);
        }
      }

      @Override
      public void discard() {
        formVm.discard();
      }
    };
  }

  /** The occupations tab (a global search hit on an occupation). */
  void openOccupations() {
    tabs.getSelectionModel().select(1);
  }

  /**
   * The open offers of one origin (null: all), only those hard to fill or all of them: the list's
   * own filters are set, so the user sees and can clear them.
   */
  void showOffers(OfferSource source, boolean hardToFillOnly) {
    tabs.getSelectionModel().select(0);
    vm.source().set(source);
    vm.hardToFillOnly().set(hardToFillOnly);
  }

  /** One offer (a global search hit): selected in the list if it is there, else in its form. */
  void openOffer(java.util.UUID id) {
    tabs.getSelectionModel().select(0);
    for (OfferRow r : table.getItems()) {
      if (r.offer().id().equals(id)) {
        table.getSelectionModel().select(r);
        table.scrollTo(r);
        return;
      }
    }
    tasks.submit(
        "",
        p -> module.offers().find(id),
        found ->
            found.ifPresent(
                offer -> {
                  table.getSelectionModel().clearSelection();
                  formVm.edit(offer);
                  detail.getSelectionModel().select(formTab);
                }),
        e -> {
          fr.passerelle.ui.TaskRunner.logged("Opening an offer").accept(e);
          vm.error().set(messages.describe(e));
        });
  }
}
