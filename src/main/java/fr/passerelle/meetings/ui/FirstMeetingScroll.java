package fr.passerelle.meetings.ui;

import com.calendarfx.util.ViewHelper;
import com.calendarfx.view.CalendarView;
import com.calendarfx.view.CalendarView.Page;
import fr.passerelle.meetings.MeetingSummary;
import impl.com.calendarfx.view.DayViewScrollPane;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Scrolls the calendar's day or week page to its first meeting, on the hour half an hour before it
 * (#19: the week opened at midnight's compressed hours, or at a fixed hour, whatever it held). Once
 * per period and first meeting: when the same meetings are read again (a colleague's change, a
 * participant added), the counselor's own scrolling stays. CalendarFX's requested time only scrolls
 * to a time outside the visible hours, and puts it a third of the way down.
 */
final class FirstMeetingScroll {
  private final CalendarView calendar;
  private final LocalTime empty;
  private Object done;

  /** {@code empty}: where a period without meetings opens (office hours). */
  FirstMeetingScroll(CalendarView calendar, LocalTime empty) {
    this.calendar = calendar;
    this.empty = empty;
  }

  /** Scrolls {@code page} (showing {@code date}) to the first of {@code meetings} if not yet. */
  void toFirstMeeting(Page page, LocalDate date, List<MeetingSummary> meetings) {
    if (page != Page.DAY && page != Page.WEEK) {
      return;
    }
    LocalTime first =
        meetings.stream()
            .map(s -> s.meeting().startsAt().toLocalTime())
            .min(Comparator.naturalOrder())
            .orElse(empty);
    LocalTime top =
        first.isBefore(LocalTime.of(0, 30))
            ? LocalTime.MIDNIGHT
            : first.minusMinutes(30).truncatedTo(ChronoUnit.HOURS);
    LocalDate period =
        page == Page.DAY ? date : date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    Object key = List.of(page, period, top);
    if (key.equals(done)) {
      return;
    }
    done = key;
    Parent node = page == Page.WEEK ? calendar.getWeekPage() : calendar.getDayPage();
    scroll(node, top, 10);
  }

  /** The hours the week page shows now, top to bottom: what the counselor sees first. */
  Optional<List<LocalTime>> weekHours() {
    return pane(calendar.getWeekPage()).map(p -> List.of(p.getStartTime(), p.getEndTime()));
  }

  private void scroll(Parent page, LocalTime top, int tries) {
    Optional<DayViewScrollPane> found = pane(page);
    if (found.isEmpty() || found.get().getHeight() <= 0) {
      // the page's skin is not built or laid out yet: on a later pulse
      if (tries > 0) {
        Platform.runLater(() -> scroll(page, top, tries - 1));
      }
      return;
    }
    DayViewScrollPane pane = found.get();
    var bar = pane.getScrollBar();
    Runnable apply =
        () ->
            bar.setValue(
                Math.max(
                    0, Math.min(bar.getMax(), ViewHelper.getTimeLocation(pane.getDayView(), top))));
    if (bar.getMax() > 0) {
      apply.run();
    } else {
      // the hours are not laid out yet: as soon as they are
      bar.maxProperty()
          .addListener(
              new InvalidationListener() {
                @Override
                public void invalidated(Observable o) {
                  if (bar.getMax() > 0) {
                    bar.maxProperty().removeListener(this);
                    apply.run();
                  }
                }
              });
    }
  }

  private static Optional<DayViewScrollPane> pane(Node n) {
    if (n instanceof DayViewScrollPane p) {
      return Optional.of(p);
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        Optional<DayViewScrollPane> found = pane(c);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
