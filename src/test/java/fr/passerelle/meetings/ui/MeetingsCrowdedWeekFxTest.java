package fr.passerelle.meetings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.calendarfx.model.Entry;
import com.calendarfx.view.DayEntryView;
import fr.passerelle.app.Services;
import fr.passerelle.meetings.CrowdedWeek;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.FxTestExtension;
import fr.passerelle.testsupport.ShellHarness;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import fr.passerelle.ui.Navigation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19, the meetings' calendar of a busy office at 1366×768 in the window's shell: 28 meetings
 * in a week, eight of them at once on Tuesday morning ({@link CrowdedWeek}). Every meeting is
 * either drawn at a readable width or listed behind a "+N autres" that opens it; the week opens on
 * its first meeting; the "Prochaine réunion" banner and a search result take the calendar to their
 * meeting's week and select it. The test clock reads Monday 5 January 2026, 10:00.
 */
@ExtendWith(FxTestExtension.class)
class MeetingsCrowdedWeekFxTest {
  /** Narrower than this, a title shows a letter or two a line: a sliver. */
  private static final double READABLE = 48;

  private static Services services;
  private static List<Meeting> week;
  private static Meeting later;
  private ShellHarness h;
  private Stage stage;

  @BeforeAll
  static void data() throws Exception {
    org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
    Path dir = Files.createTempDirectory("meetings-crowded");
    services = TestServices.open(dir, new ManualClock());
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    week = new CrowdedWeek(services).create();
    later =
        new fr.passerelle.meetings.MeetingFixture(services)
            .meeting("Forum de l'alternance", LocalDateTime.of(2026, 1, 28, 14, 0), 180, 40);
  }

  @AfterAll
  static void closeData() {
    services.close();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    h = ShellHarness.showOnALaptop(stage, services);
  }

  @AfterEach
  void close() throws Exception {
    h.close(stage);
  }

  @Test
  void everyMeetingOfACrowdedWeekIsDrawnReadableOrListedBehindAPlus(FxRobot robot)
      throws Exception {
    MeetingsCalendar calendar = showMeetings(robot);
    robot.interact(() -> calendar.setDate(CrowdedWeek.TUESDAY));
    waitUntil(() -> drawn(calendar).size() > 10);

    Map<UUID, Node> drawn = drawn(calendar);
    List<Node> plus = plus(calendar);
    Map<UUID, Node> behind = new HashMap<>();
    for (Node p : plus) {
      assertThat(p.getLayoutBounds().getWidth())
          .as("a \"+N\" is as wide as a meeting")
          .isGreaterThanOrEqualTo(READABLE);
      DayColumns.More more = (DayColumns.More) ((DayEntryView) p).getEntry().getUserObject();
      more.hidden().forEach(s -> behind.put(s.meeting().id(), p));
    }
    List<String> slivers = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    for (Meeting m : week) {
      Node n = drawn.get(m.id());
      if (n == null && !behind.containsKey(m.id())) {
        lost.add(m.title());
      } else if (n != null && n.getLayoutBounds().getWidth() < READABLE) {
        slivers.add(m.title() + " (" + Math.round(n.getLayoutBounds().getWidth()) + " px)");
      }
    }
    assertThat(lost).as("meetings neither drawn nor behind a \"+N\"").isEmpty();
    assertThat(slivers).as("meetings drawn narrower than %s px", READABLE).isEmpty();
    assertThat(plus).as("Tuesday's eight meetings do not fit side by side").isNotEmpty();

    // the "+N" lists its meetings — time, title, room — and opens the one chosen
    Node first = plus.get(0);
    DayColumns.More more = (DayColumns.More) ((DayEntryView) first).getEntry().getUserObject();
    robot.clickOn(first);
    waitUntil(() -> calendar.moreMeetingsMenu() != null && calendar.moreMeetingsMenu().isShowing());
    List<String> items =
        calendar.moreMeetingsMenu().getItems().stream()
            .map(MenuItem::getText)
            .filter(t -> t != null)
            .toList();
    for (var s : more.hidden()) {
      assertThat(items).anyMatch(t -> t.contains(s.meeting().title()) && t.contains(":"));
    }
    assertThat(items).contains("Voir la journée");
    Meeting chosen = more.hidden().get(0).meeting();
    robot.interact(
        () ->
            calendar.moreMeetingsMenu().getItems().stream()
                .filter(i -> chosen.title().equals(titleOf(i.getText())))
                .findFirst()
                .orElseThrow()
                .fire());
    waitUntil(() -> selected(calendar).equals(List.of(chosen.id())));
    assertThat(robot.lookup("#heading").queryAs(Label.class).getText()).startsWith(chosen.title());
    assertThat(drawn(calendar)).as("the meeting opened is drawn").containsKey(chosen.id());

    // the week opens on its first meeting (Thursday 08:30), not at midnight nor a fixed hour
    LocalTime top = onFx(robot, () -> calendar.weekHours().orElseThrow().get(0));
    assertThat(top).isBetween(LocalTime.of(7, 45), LocalTime.of(8, 15));
  }

  /**
   * Side by side, a meeting's title wraps between words only: a word wider than the entry is cut
   * with "…" (#19: "prépar / ateurs de / comma"), the whole title in the entry's tooltip. Read from
   * the lines the title's text is laid out in.
   */
  @Test
  void narrowMeetingsBreakTheirTitlesBetweenWordsOnly(FxRobot robot) throws Exception {
    MeetingsCalendar calendar = showMeetings(robot);
    robot.interact(() -> calendar.setDate(CrowdedWeek.TUESDAY));
    waitUntil(() -> drawn(calendar).size() > 10);
    List<String> broken = new ArrayList<>();
    List<String> cut = new ArrayList<>();
    var entries = drawn(calendar).values();
    onFx(
        robot,
        () -> {
          for (Node n : entries) {
            DayEntryView v = (DayEntryView) n;
            Label title = (Label) v.lookup(".title-label");
            javafx.scene.text.Text shown = (javafx.scene.text.Text) title.lookup(".text");
            String text = shown.getText();
            double lineY = Double.NaN;
            for (int i = 0; i < text.length(); i++) {
              double y = ((javafx.scene.shape.MoveTo) shown.caretShape(i, true)[0]).getY();
              boolean newLine = !Double.isNaN(lineY) && y > lineY + 1;
              if (newLine
                  && Character.isLetterOrDigit(text.charAt(i - 1))
                  && Character.isLetterOrDigit(text.charAt(i))) {
                broken.add(
                    text.substring(0, i) + " / " + text.substring(i) + " (" + v.getWidth() + ")");
              }
              lineY = y;
            }
            if (text.contains("…")) {
              cut.add(text);
              javafx.scene.control.Tooltip whole =
                  (javafx.scene.control.Tooltip)
                      v.getProperties().get("javafx.scene.control.Tooltip");
              assertThat(whole).as("the whole title of «%s» in a tooltip", text).isNotNull();
              assertThat(whole.getText()).startsWith(v.getEntry().getTitle());
            }
          }
          return null;
        });
    assertThat(broken).as("titles broken inside a word").isEmpty();
    assertThat(cut).as("long words cut with an ellipsis in a crowded week").isNotEmpty();
  }

  @Test
  void theNextMeetingAndASearchResultTakeTheCalendarToTheirWeekSelected(FxRobot robot)
      throws Exception {
    MeetingsCalendar calendar = showMeetings(robot);
    assertThat(calendar.getDate()).isEqualTo(LocalDate.of(2026, 1, 5));
    Meeting next = week.get(0); // Monday 12 January, 09:00: the office's next meeting
    waitUntil(
        () -> robot.lookup("#nextMeeting").queryAs(Label.class).getText().contains(next.title()));

    robot.clickOn("#nextMeeting");
    waitUntil(() -> selected(calendar).equals(List.of(next.id())));
    assertThat(calendar.getDate()).isEqualTo(next.startsAt().toLocalDate());
    assertThat(drawn(calendar)).containsKey(next.id());

    // a search result (Ctrl+K) in another week: the calendar follows, scrolled to it
    robot.interact(() -> h.shell().open(new Navigation.OpenMeeting(later.id())));
    waitUntil(() -> selected(calendar).equals(List.of(later.id())));
    assertThat(calendar.getDate()).isEqualTo(later.startsAt().toLocalDate());
    assertThat(drawn(calendar)).containsKey(later.id());
    // the whole of it in sight (14:00 – 17:00)
    List<LocalTime> hours = onFx(robot, () -> calendar.weekHours().orElseThrow());
    assertThat(hours.get(0)).isBeforeOrEqualTo(LocalTime.of(14, 0));
    assertThat(hours.get(1)).isAfterOrEqualTo(LocalTime.of(17, 0));
  }

  /**
   * The day page, where a day's name or "Voir la journée" leads, looks up no colour the theme lacks
   * (its small month logged ~50 "Could not resolve '-fx-text-background-color'").
   */
  @Test
  void theDayPageLooksUpNoMissingColour(FxRobot robot) throws Exception {
    MeetingsCalendar calendar = showMeetings(robot);
    java.util.logging.Logger css = java.util.logging.Logger.getLogger("javafx.css");
    List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
              warnings.add(r.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    css.addHandler(capture);
    try {
      robot.interact(
          () -> {
            calendar.setDate(CrowdedWeek.TUESDAY);
            calendar.showDayPage();
          });
      settle();
    } finally {
      css.removeHandler(capture);
    }
    assertThat(warnings).as("CSS warnings on the day page").isEmpty();
  }

  private MeetingsCalendar showMeetings(FxRobot robot) throws Exception {
    int index = h.features().stream().map(f -> f.id()).toList().indexOf("meetings");
    robot.interact(() -> h.vm().select(index));
    waitUntil(() -> robot.lookup(".calendar-view").tryQuery().isPresent());
    settle();
    return robot.lookup(".calendar-view").queryAs(MeetingsCalendar.class);
  }

  /** "09:30 – 11:00 · Atelier CV · Canal" → "Atelier CV". */
  private static String titleOf(String item) {
    String[] parts = item.split(" · ");
    return parts.length > 1 ? parts[1] : item;
  }

  /** The meetings drawn on the week page now, with their entry's view. */
  private static Map<UUID, Node> drawn(MeetingsCalendar calendar) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () -> {
              Map<UUID, Node> found = new HashMap<>();
              for (Node n : calendar.getWeekPage().lookupAll(".default-style-entry")) {
                if (n instanceof DayEntryView v
                    && fr.passerelle.testsupport.CutTexts.shown(n)
                    && v.getEntry().getUserObject() instanceof UUID id) {
                  found.put(id, n);
                }
              }
              return found;
            })
        .get(60, TimeUnit.SECONDS);
  }

  private static List<Node> plus(MeetingsCalendar calendar) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                calendar.getWeekPage().lookupAll("." + MoreMeetings.STYLE).stream()
                    .filter(n -> n instanceof DayEntryView)
                    .filter(fr.passerelle.testsupport.CutTexts::shown)
                    .toList())
        .get(60, TimeUnit.SECONDS);
  }

  private static List<UUID> selected(MeetingsCalendar calendar) throws Exception {
    return WaitForAsyncUtils.asyncFx(
            () ->
                calendar.getSelections().stream()
                    .map(Entry::getUserObject)
                    .filter(o -> o instanceof UUID)
                    .map(UUID.class::cast)
                    .toList())
        .get(60, TimeUnit.SECONDS);
  }

  private void settle() throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> h.tasks().running().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    settle();
  }

  private static <T> T onFx(FxRobot robot, Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
  }
}
