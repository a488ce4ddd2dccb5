package fr.passerelle.training.ui;

import fr.passerelle.ui.FeatureView;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.Navigation;
import fr.passerelle.ui.UiContext;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** Training: the board by status with the path detail, reconversions by occupation, the rules. */
public final class TrainingView implements FeatureView {
  private final UiContext ctx;
  private final Messages m;
  private final TrainingBoardViewModel vm;
  private final PathFormViewModel form;
  private TargetPane targets;
  private RulesPane rules;
  private TabPane tabs;
  private Runnable openForm;
  private Runnable closeForm = () -> {};
  private boolean formShown;

  public TrainingView(UiContext ctx) {
    this.ctx = ctx;
    this.m = ctx.messages();
    this.vm = new TrainingBoardViewModel(ctx);
    ctx.followChanges(vm::followChanges);
    this.form = new PathFormViewModel(ctx);
  }

  public TrainingBoardViewModel viewModel() {
    return vm;
  }

  @Override
  public String id() {
    return "training";
  }

  @Override
  public String titleKey() {
    return "training.nav";
  }

  @Override
  public Ikon icon() {
    return MaterialDesignS.SCHOOL_OUTLINE;
  }

  @Override
  public Node build() {
    PathDetailPane detail = new PathDetailPane(vm, m);
    StackPane right = new StackPane(new ScrollPane(detail));
    closeForm =
        () -> {
          formShown = false;
          right.getChildren().setAll(new ScrollPane(detail));
        };
    PathFormPane formPane =
        new PathFormPane(
            form,
            m,
            f -> vm.create(f.draft(), f.note.get(), created -> closeForm.run()),
            closeForm);
    ((ScrollPane) right.getChildren().get(0)).setFitToWidth(true);
    Button create = new Button(m.get("training.new"));
    create.setId("training-new");
    openForm =
        () -> {
          form.reset();
          ScrollPane sp = new ScrollPane(formPane);
          sp.setFitToWidth(true);
          right.getChildren().setAll(sp);
          formShown = true;
        };
    create.setOnAction(e -> guarded(openForm));
    Label due = new Label();
    due.setId("training-due");
    due.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    vm.outcomesDue().get() == 0
                        ? ""
                        : m.get("training.outcomesDue", vm.outcomesDue().get()),
                vm.outcomesDue()));
    due.setStyle("-fx-text-fill: -color-warning-fg; -fx-font-weight: bold;");
    Label error = new Label();
    error.setId("training-error");
    error.setWrapText(true);
    error.textProperty().bind(vm.error());
    error.setStyle("-fx-text-fill: -color-danger-fg;");
    fr.passerelle.ui.ConflictDialogs conflicts =
        new fr.passerelle.ui.ConflictDialogs(m, ctx.dialogs());
    conflicts.askOn(vm.conflict(), vm, c -> c, null);
    Label info = new Label();
    info.setId("training-info");
    info.textProperty().bind(vm.info());
    Label help = new Label(m.get("training.board.help"));
    help.setStyle("-fx-text-fill: -color-fg-muted;");
    HBox bar = new HBox(12, create, due, help);
    bar.setPadding(new Insets(8));
    BorderPane board = new BorderPane();
    board.setTop(new javafx.scene.layout.VBox(bar, new HBox(12, error, info)));
    ScrollPane boardScroll = new ScrollPane(new BoardPane(vm, m));
    boardScroll.setId("training-board");
    boardScroll.setFitToHeight(true);
    boardScroll.setFitToWidth(true);
    SplitPane split = new SplitPane(boardScroll, right);
    split.setDividerPositions(0.68);
    board.setCenter(split);
    targets = new TargetPane(ctx);
    rules = new RulesPane(ctx);
    Tab boardTab = new Tab(m.get("training.tab.board"), board);
    Tab targetTab = new Tab(m.get("training.tab.targets"), targets);
    targetTab.setOnSelectionChanged(
        e -> {
          if (targetTab.isSelected()) {
            targets.load();
          }
        });
    Tab rulesTab = new Tab(m.get("training.tab.rules"), rules);
    rulesTab.setOnSelectionChanged(
        e -> {
          if (rulesTab.isSelected()) {
            rules.load();
          }
        });
    tabs = new TabPane(boardTab, targetTab, rulesTab);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setId("training-view");
    fr.passerelle.ui.Shortcuts.of(tabs).on(KeyCode.N, () -> guarded(openForm));
    return tabs;
  }

  /** Runs {@code then} (which empties the form) once a filled-in form is saved or dropped. */
  private void guarded(Runnable then) {
    fr.passerelle.ui.UnsavedChanges.guard(unsaved(), ctx.dialogs(), then);
  }

  /** The new path's form, filled in and not saved, for the shell's guard. */
  @Override
  public fr.passerelle.ui.UnsavedChanges unsaved() {
    return new fr.passerelle.ui.UnsavedChanges() {
      @Override
      public java.util.Optional<String> pending() {
        return formShown && form.filled()
            ? java.util.Optional.of(m.get("training.unsaved"))
            : java.util.Optional.empty();
      }

      @Override
      public void save(Runnable saved) {
        // refused while incomplete: the form says what is missing
        if (form.invalid().get() == null) {
          vm.create(
              form.draft(),
              form.note.get(),
              created -> {
                closeForm.run();
                saved.run();
              });
        }
      }

      @Override
      public void discard() {
        form.reset();
        closeForm.run();
      }
    };
  }

  @Override
  public void onShow() {
    vm.load();
  }

  /**
   * Opened from a dashboard figure (a status): the board, where paths are shown by status; or to
   * start a path about an occupation (the occupations table, an offer).
   */
  @Override
  public boolean show(Navigation request) {
    if (tabs == null) {
      return false;
    }
    if (request instanceof Navigation.TrainingBoard) {
      tabs.getSelectionModel().select(0);
    } else if (request instanceof Navigation.NewTrainingPath n) {
      tabs.getSelectionModel().select(0);
      guarded(
          () -> {
            openForm.run();
            form.prefill(n.about());
          });
    } else {
      return false;
    }
    return true;
  }

  static <T> StringConverter<T> converter(Function<T, String> f) {
    return fr.passerelle.ui.Converters.of(t -> t == null ? "" : f.apply(t));
  }
}
