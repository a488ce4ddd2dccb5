package fr.passerelle.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.demo.DemoService;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.CutTexts;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.FeatureView;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
 * Every view at 1366×768 (the common office laptop) and at 1920×1080 on demo data, each tab of each
 * view: no visible text is cut (a {@code Labeled} shown with an ellipsis instead of its text —
 * buttons, labels, column headers, tabs, cards, chosen values of lists) and no button sits outside
 * the window where it cannot be reached (#19, "Done when"). Table cells are data the counselor
 * widens as in Excel; a button inside a scrolling pane is reached by scrolling.
 */
@ExtendWith(FxTestExtension.class)
class TruncationWalkFxTest {
  static final double WIDTH = 1366;
  static final double HEIGHT = 768;

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
        .generate(new DemoService.Options(400, 42L, s.clock().today()), Progress.NONE);
  }

  @AfterAll
  static void close() {
    s.close();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    h = ShellHarness.show(stage, s, f -> f);
    stage.setWidth(WIDTH);
    stage.setHeight(HEIGHT);
  }

  @AfterEach
  void tearDown() throws Exception {
    h.tasks().close();
    // the stage is shared with the next UI tests: back to the size they expect
    WaitForAsyncUtils.asyncFx(
            () -> {
              stage.setWidth(1280);
              stage.setHeight(800);
            })
        .get(60, TimeUnit.SECONDS);
  }

  private void settle() throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> h.tasks().running().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitForFxEvents(); // a pulse for the layout of what the tasks filled in
  }

  @Test
  void noTextIsCutAndNoButtonIsOutOfReachInAnyView(FxRobot r) throws Exception {
    assertThat(stage.getScene().getWidth()).isEqualTo(WIDTH);
    Set<String> problems = new LinkedHashSet<>();
    walkEveryView(r, "1366×768", problems);
    assertThat(problems).as("cut texts and unreachable buttons at 1366×768").isEmpty();
  }

  /** The other supported size (#19 item 1): the office's 1920×1080 screen. */
  @Test
  void noTextIsCutAndNoButtonIsOutOfReachInAnyViewAt1920(FxRobot r) throws Exception {
    r.interact(
        () -> {
          // the whole screen: a window over its edge is not painted (the headless screen's buffer)
          stage.setX(0);
          stage.setY(0);
          stage.setWidth(1920);
          stage.setHeight(1080);
        });
    assertThat(stage.getScene().getWidth()).isEqualTo(1920);
    Set<String> problems = new LinkedHashSet<>();
    walkEveryView(r, "1920×1080", problems);
    assertThat(problems).as("cut texts and unreachable buttons at 1920×1080").isEmpty();
  }

  /** Each view, then each tab of each view, walked at the stage's size. */
  private void walkEveryView(FxRobot r, String size, Set<String> problems) throws Exception {
    List<FeatureView> features = h.features();
    for (int i = 0; i < features.size(); i++) {
      int index = i;
      String id = features.get(i).id();
      r.interact(() -> h.vm().select(index));
      settle();
      Parent view = r.lookup("#view-" + id).queryAs(Parent.class);
      problems.addAll(onFx(r, () -> walk(size + " " + id, stage.getScene().getRoot())));
      List<TabPane> tabPanes = onFx(r, () -> tabPanes(view));
      for (TabPane tabs : tabPanes) {
        for (Tab tab : new ArrayList<>(tabs.getTabs())) {
          if (tab.isDisable()) {
            continue;
          }
          r.interact(() -> tabs.getSelectionModel().select(tab));
          settle();
          problems.addAll(
              onFx(
                  r,
                  () -> walk(size + " " + id + " › " + tab.getText(), stage.getScene().getRoot())));
        }
        r.interact(() -> tabs.getSelectionModel().select(0));
      }
    }
  }

  /**
   * A candidate's file opened from the list, at 1366×768 and at 1920×1080: its Save and Cancel
   * buttons ("Annuler les modifications", "Enregistrer (Ctrl+S)") and every label whole.
   */
  @Test
  void aCandidateFileOpenedIsNotCutAtEitherSize(FxRobot r) throws Exception {
    java.util.UUID id =
        s.db()
            .dsl()
            .select(fr.passerelle.db.jooq.Tables.CANDIDATE.ID)
            .from(fr.passerelle.db.jooq.Tables.CANDIDATE)
            .where(fr.passerelle.db.jooq.Tables.CANDIDATE.DELETED.isFalse())
            .limit(1)
            .fetchOne(fr.passerelle.db.jooq.Tables.CANDIDATE.ID);
    Set<String> problems = new LinkedHashSet<>();
    for (double[] size : new double[][] {{WIDTH, HEIGHT}, {1920, 1080}}) {
      r.interact(
          () -> {
            stage.setX(0); // the whole window on the headless screen, painted
            stage.setY(0);
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
          });
      r.interact(() -> h.shell().open(new fr.passerelle.ui.Navigation.OpenCandidate(id)));
      WaitForAsyncUtils.waitFor(
          60, TimeUnit.SECONDS, () -> r.lookup("#candidate-first-name").tryQuery().isPresent());
      settle();
      String where = "candidate file at " + (int) size[0] + "×" + (int) size[1];
      problems.addAll(onFx(r, () -> walk(where, stage.getScene().getRoot())));
    }
    assertThat(problems).as("cut texts and unreachable buttons in a candidate's file").isEmpty();
  }

  private static <T> T onFx(FxRobot r, java.util.concurrent.Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
  }

  private static List<TabPane> tabPanes(Parent root) {
    List<TabPane> found = new ArrayList<>();
    CutTexts.collect(root, n -> n instanceof TabPane t && shown(t), n -> found.add((TabPane) n));
    return found;
  }

  /** What is wrong in what the window shows now. */
  static List<String> walk(String where, Parent root) {
    return CutTexts.walk(where, root);
  }

  private static boolean shown(Node n) {
    return CutTexts.shown(n);
  }
}
