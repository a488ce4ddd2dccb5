package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.CutTexts;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Navigation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
 * The meeting form's "Enregistrer" is in the window as soon as the form opens, without scrolling,
 * at 1366×768 and at 1920×1080 (#19: at 1366×768 it sat under the notes, below the window's edge;
 * only Ctrl+S saved). The fields scroll; the actions stay in a bar at the bottom of the pane.
 */
@ExtendWith(FxTestExtension.class)
class MeetingFormActionsFxTest {
  @TempDir static Path dir;
  static Services s;
  static Meeting meeting;
  ShellHarness h;
  Stage stage;

  @BeforeAll
  static void data() {
    s = TestServices.open(dir.resolve("db"), new TestServices.ManualClock());
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    meeting =
        new MeetingFixture(s)
            .meeting(
                "Info coll préparateurs de commandes",
                MeetingFixture.NEXT_MONDAY.atTime(9, 0),
                120,
                20);
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
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> h.tasks().running().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void saveIsInTheWindowForANewMeetingAndAnOpenOneAtBothSizes(FxRobot r) throws Exception {
    List<String> wrong = new ArrayList<>();
    for (double[] size : new double[][] {{1366, 768}, {1920, 1080}}) {
      String at = (int) size[0] + "×" + (int) size[1];
      r.interact(
          () -> {
            stage.setWidth(size[0]);
            stage.setHeight(size[1]);
          });
      int meetings = h.features().stream().map(f -> f.id()).toList().indexOf("meetings");
      r.interact(() -> h.vm().select(meetings));
      settle();

      // "Nouvelle réunion", as the counselor clicks it
      r.clickOn("#newMeeting");
      settle();
      wrong.addAll(
          WaitForAsyncUtils.asyncFx(() -> outOfView("new meeting at " + at))
              .get(60, TimeUnit.SECONDS));

      // a meeting opened (a search hit, the calendar): its form, to edit
      r.interact(() -> h.shell().open(new Navigation.OpenMeeting(meeting.id())));
      WaitForAsyncUtils.waitFor(
          30,
          TimeUnit.SECONDS,
          () ->
              meeting
                  .title()
                  .equals(r.lookup("#meetingsView #heading").queryAs(Label.class).getText()));
      settle();
      wrong.addAll(
          WaitForAsyncUtils.asyncFx(() -> outOfView("meeting open at " + at))
              .get(60, TimeUnit.SECONDS));
    }
    assertThat(wrong).as("the Save button reached without scrolling").isEmpty();
  }

  /** What keeps the form's Save button from being seen now, without scrolling (FX thread). */
  private List<String> outOfView(String where) {
    Button save = (Button) stage.getScene().getRoot().lookup("#meetingsView #save");
    List<String> wrong = new ArrayList<>();
    if (!CutTexts.shown(save)) {
      wrong.add(where + ": «" + save.getText() + "» is not shown");
      return wrong;
    }
    Bounds b = save.localToScene(save.getLayoutBounds());
    double w = stage.getScene().getWidth();
    double ht = stage.getScene().getHeight();
    if (b.getMinX() < 0 || b.getMinY() < 0 || b.getMaxX() > w + 1 || b.getMaxY() > ht + 1) {
      wrong.add(where + ": «" + save.getText() + "» at " + b + ", outside the window");
    }
    for (Node p = save.getParent(); p != null; p = p.getParent()) {
      if (p instanceof ScrollPane sp) {
        Bounds v = sp.localToScene(sp.getLayoutBounds());
        if (b.getMinY() < v.getMinY() || b.getMaxY() > v.getMaxY() + 1) {
          wrong.add(where + ": «" + save.getText() + "» scrolled out of its pane (" + v + ")");
        }
      }
    }
    return wrong;
  }
}
