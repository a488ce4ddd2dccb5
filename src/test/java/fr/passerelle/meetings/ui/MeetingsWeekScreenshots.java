package fr.passerelle.meetings.ui;

import com.calendarfx.view.CalendarView;
import fr.passerelle.app.Services;
import fr.passerelle.meetings.CrowdedWeek;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Not a test: the shell at 1366×768 on a busy week ({@link CrowdedWeek}, 28 meetings), saving the
 * screenshots of the meetings' calendar (#19): the week as it opens on today, after a click on
 * "Prochaine réunion", the crowded Tuesday's other meetings, the day page, the participants' table
 * with long names and e-mails. Under Xvfb: {@code java -cp ...
 * fr.passerelle.meetings.ui.MeetingsWeekScreenshots OUT_DIR [PREFIX]}.
 */
public final class MeetingsWeekScreenshots {
  private MeetingsWeekScreenshots() {}

  public static void main(String[] args) {
    java.util.Locale.setDefault(java.util.Locale.FRANCE); // as the application in French
    Application.launch(Look.class, args);
  }

  /** The window and its steps. */
  public static final class Look extends Application {
    private Scene scene;
    private Path out;
    private String prefix;
    private final fr.passerelle.testsupport.TimedSteps steps =
        new fr.passerelle.testsupport.TimedSteps(Duration.seconds(3));

    @Override
    public void start(Stage stage) throws Exception {
      List<String> args = getParameters().getRaw();
      out = Path.of(args.get(0));
      prefix = args.size() > 1 ? args.get(1) : "";
      Files.createDirectories(out);
      Path dir = Files.createTempDirectory("meetings-week-shots");
      Services s = TestServices.open(dir, new TestServices.ManualClock());
      s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
      CrowdedWeek week = new CrowdedWeek(s);
      List<Meeting> meetings = week.create();
      List<UUID> people = new MeetingFixture(s).candidates(14);
      week.longContacts(people);
      s.participants().inviteCandidates(meetings.get(0).id(), people);
      ShellHarness h = ShellHarness.showOnALaptop(stage, s);
      stage.setX(0);
      stage.setY(0);
      scene = h.scene();
      steps.step(() -> h.vm().select(fr.passerelle.testsupport.TimedSteps.index(h, "meetings")));
      steps.step(
          () ->
              Event.fireEvent(
                  scene.lookup("#nextMeeting"),
                  new MouseEvent(
                      MouseEvent.MOUSE_CLICKED,
                      1,
                      1,
                      1,
                      1,
                      MouseButton.PRIMARY,
                      1,
                      false,
                      false,
                      false,
                      false,
                      true,
                      false,
                      false,
                      true,
                      false,
                      false,
                      null)));
      steps.step(() -> shoot("meetings-week-next-1366.png"));
      steps.step(() -> calendar().setDate(CrowdedWeek.TUESDAY));
      steps.step(() -> shoot("meetings-week-crowded-1366.png"));
      steps.step(() -> overflow(true));
      steps.step(() -> shoot("meetings-week-more-1366.png"));
      steps.step(
          () -> {
            overflow(false);
            calendar().showDayPage();
          });
      steps.step(() -> shoot("meetings-day-crowded-1366.png"));
      steps.step(
          () -> {
            calendar().showWeekPage();
            ((javafx.scene.control.TabPane) scene.lookup("#meetingsView .tab-pane"))
                .getSelectionModel()
                .select(1);
          });
      steps.step(
          () -> {
            var table = (javafx.scene.control.TableView<?>) scene.lookup("#participants");
            table.getSelectionModel().select(1);
            Node row =
                table.lookupAll(".table-row-cell").stream().skip(1).findFirst().orElseThrow();
            table.getContextMenu().show(row, javafx.geometry.Side.BOTTOM, 120, 0);
          });
      steps.step(() -> shoot("meetings-participants-contacts-1366.png"));
      steps.step(Platform::exit);
      steps.start();
    }

    private CalendarView calendar() {
      return (CalendarView) scene.lookup(".calendar-view");
    }

    /** Opens (or closes) the first "+N" of the week, if the calendar has one. */
    private void overflow(boolean open) {
      Node more = scene.lookup(".meetings-more");
      if (open && more instanceof com.calendarfx.view.EntryViewBase<?> v) {
        calendar().getSelections().add(v.getEntry());
      } else if (!open) {
        javafx.stage.Window.getWindows().stream()
            .filter(w -> w instanceof javafx.stage.PopupWindow)
            .toList()
            .forEach(javafx.stage.Window::hide);
      }
    }

    /**
     * The whole screen (popups included) with ImageMagick's {@code import}, as a person sees it.
     */
    private void shoot(String name) {
      try {
        new ProcessBuilder("import", "-window", "root", out.resolve(prefix + name).toString())
            .inheritIO()
            .start()
            .waitFor();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
