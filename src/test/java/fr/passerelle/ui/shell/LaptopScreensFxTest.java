package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.demo.DemoService;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Navigation;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The candidates and meetings screens at 1366×768, in the real shell on demo data (#19, seen under
 * Xvfb): the filters leave room for a dozen rows, a file opened beside the list never scrolls
 * sideways, the meetings toolbar holds on one line, an ambiguous commune is said as such.
 */
@ExtendWith(FxTestExtension.class)
class LaptopScreensFxTest {
  @TempDir static Path dir;
  static Services s;
  ShellHarness h;
  Stage stage;

  @BeforeAll
  static void data() {
    s =
        TestServices.withOffice(
            dir.resolve("db"), "Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL);
    new DemoService(s)
        .generate(new DemoService.Options(300, 42L, s.clock().today()), Progress.NONE);
  }

  @AfterAll
  static void close() {
    s.close();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    h = ShellHarness.showOnALaptop(stage, s);
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close(stage);
  }

  private void settle() throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> h.tasks().running().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void show(FxRobot r, String id) throws Exception {
    int i = h.features().stream().map(f -> f.id()).toList().indexOf(id);
    r.interact(() -> h.vm().select(i));
    settle();
  }

  /** Opens a candidate's file from outside (as a global search hit) and waits for its form. */
  private void openACandidate(FxRobot r) throws Exception {
    UUID id =
        s.candidateSearch()
            .search(fr.passerelle.candidates.CandidateQuery.text("a"), 0, 1)
            .get(0)
            .id();
    r.interact(() -> h.shell().open(new Navigation.OpenCandidate(id)));
    WaitForAsyncUtils.waitFor(
        60, TimeUnit.SECONDS, () -> r.lookup("#candidate-first-name").tryQuery().isPresent());
  }

  private static <T> T onFx(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyFilterShownStillLeavesADozenRowsOfCandidates(FxRobot r) throws Exception {
    assertThat(stage.getScene().getHeight()).isEqualTo(768);
    show(r, "candidates");
    r.interact(() -> r.lookup("#candidates-search").queryAs(TextField.class).setText("a"));
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> r.lookup("#candidates-table").queryAs(TableView.class).getItems().size() > 20);
    // the counselor opens the other filters too: still a dozen rows
    r.clickOn("#candidates-filters-more");
    settle();
    TableView<?> table = r.lookup("#candidates-table").queryAs(TableView.class);
    double rows =
        onFx(
            () -> {
              Node header = table.lookup(".column-header-background");
              TableRow<?> row = (TableRow<?>) table.lookup(".table-row-cell");
              return (table.getHeight() - header.getBoundsInLocal().getHeight()) / row.getHeight();
            });
    assertThat(rows).as("table rows shown at 1366×768 with every filter shown").isGreaterThan(12);
  }

  @Test
  void aFileOpenedBesideTheListNeverScrollsSideways(FxRobot r) throws Exception {
    show(r, "candidates");
    openACandidate(r); // the list without a query shows it under "Derniers candidats ouverts"
    settle();
    ScrollPane form = r.lookup("#candidate-form").queryAs(ScrollPane.class);
    List<String> wrong =
        onFx(
            () -> {
              java.util.ArrayList<String> w = new java.util.ArrayList<>();
              for (Node n : form.lookupAll(".scroll-bar")) {
                if (n instanceof ScrollBar b
                    && b.getOrientation() == Orientation.HORIZONTAL
                    && b.isVisible()) {
                  Node owner = b.getParent();
                  while (owner != null && !(owner instanceof javafx.scene.control.Control)) {
                    owner = owner.getParent();
                  }
                  w.add(
                      "a horizontal scroll bar in "
                          + (owner == null ? "?" : owner.getClass().getSimpleName())
                          + " "
                          + (owner == null ? "" : owner.getId()));
                }
              }
              double content = form.getContent().getLayoutBounds().getWidth();
              double viewport = form.getViewportBounds().getWidth();
              if (content > viewport + 1) {
                w.add("content " + content + " px wider than the pane's " + viewport);
              }
              return w;
            });
    assertThat(wrong).isEmpty();
  }

  @Test
  void theMeetingsToolbarHoldsOnOneLine(FxRobot r) throws Exception {
    show(r, "meetings");
    Node create = r.lookup("#newMeeting").query();
    List<String> below =
        onFx(
            () -> {
              Parent bar = create.getParent();
              Bounds first = create.getBoundsInParent();
              java.util.ArrayList<String> w = new java.util.ArrayList<>();
              for (Node n : bar.getChildrenUnmodifiable()) {
                if (n.isVisible() && n.getBoundsInParent().getMinY() >= first.getMaxY()) {
                  w.add(n.getClass().getSimpleName() + " " + n.getId() + " on a second line");
                }
                Bounds inScene = n.localToScene(n.getLayoutBounds());
                if (n.isVisible() && inScene.getMaxX() > stage.getScene().getWidth()) {
                  w.add(n.getClass().getSimpleName() + " " + n.getId() + " out of the window");
                }
              }
              return w;
            });
    assertThat(below).isEmpty();
  }

  @Test
  void anAmbiguousCommuneSaysWhichCommunesBearTheName(FxRobot r) throws Exception {
    show(r, "candidates");
    openACandidate(r); // the list without a query shows it under "Derniers candidats ouverts"
    r.type(javafx.scene.input.KeyCode.ESCAPE);
    settle();
    TextField commune = r.lookup("#candidates-filter-commune").queryAs(TextField.class);
    r.interact(() -> commune.setText("Saint-Denis"));
    Thread.sleep(400); // the list's debounce
    settle();
    TableView<?> table = r.lookup("#candidates-table").queryAs(TableView.class);
    Label summary = r.lookup("#candidates-summary").queryAs(Label.class);
    assertThat(table.getItems()).as("no candidate shown for a commune not chosen yet").isEmpty();
    assertThat(summary.getText()).doesNotContain("Derniers candidats ouverts");
    String placeholder = ((Label) table.getPlaceholder()).getText();
    assertThat(placeholder)
        .contains("communes portent ce nom")
        .containsPattern("\\d[0-9AB]\\d{3} Saint-Denis, \\d[0-9AB]\\d{3} Saint-Denis")
        .doesNotContain("Tapez un nom");
  }
}
