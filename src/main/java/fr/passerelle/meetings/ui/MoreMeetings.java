package fr.passerelle.meetings.ui;

import com.calendarfx.model.Entry;
import com.calendarfx.view.EntryViewBase;
import fr.passerelle.meetings.FrenchFormats;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingStatus;
import fr.passerelle.meetings.MeetingSummary;
import fr.passerelle.ui.Messages;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * The "+N réunions" of a crowded hour in the calendar (#19), as Outlook's and Google's calendars
 * say it: an entry where the hidden meetings would be; a click lists them — time, title, room — and
 * opens the one chosen, or the day on the whole width of the calendar.
 */
final class MoreMeetings {
  /** The style class of a "+N" entry (and of its view in the calendar). */
  static final String STYLE = "meetings-more";

  private final MeetingsCalendar calendar;
  private final MeetingsViewModel vm;
  private final Messages m;

  /** The list last shown (tests read it). */
  ContextMenu menu;

  MoreMeetings(MeetingsCalendar calendar, MeetingsViewModel vm) {
    this.calendar = calendar;
    this.vm = vm;
    this.m = vm.messages();
  }

  /** The entry standing for {@code hidden}: "+3 réunions" (or "3 réunions" when none is drawn). */
  Entry<DayColumns.More> entry(DayColumns.More hidden) {
    Entry<DayColumns.More> e =
        new Entry<>(
            m.get(
                hidden.alone() ? "meetings.cal.moreAlone" : "meetings.cal.more",
                hidden.hidden().size()));
    e.setUserObject(hidden);
    e.setInterval(hidden.start(), hidden.end());
    e.getStyleClass().add(STYLE);
    return e;
  }

  /** Lists the meetings behind {@code e} under it. */
  void show(Entry<?> e, DayColumns.More hidden) {
    if (menu != null) {
      menu.hide();
    }
    menu = new ContextMenu();
    menu.getStyleClass().add(STYLE);
    for (MeetingSummary s : hidden.hidden()) {
      MenuItem item = new MenuItem(describe(s.meeting()));
      item.setOnAction(x -> vm.open(s.meeting().id()));
      menu.getItems().add(item);
    }
    MenuItem day = new MenuItem(m.get("meetings.cal.showDay"));
    day.setOnAction(
        x -> {
          calendar.setDate(hidden.start().toLocalDate());
          calendar.showDayPage();
        });
    menu.getItems().addAll(new SeparatorMenuItem(), day);
    menu.show(viewOf(e), Side.BOTTOM, 0, 0);
    // the "+N" is not a meeting: the selection goes back to the meeting open in the form
    javafx.application.Platform.runLater(calendar::selectOpen);
  }

  /** "09:30 – 11:00 · Atelier CV · Canal", and "annulée" for a cancelled meeting. */
  private String describe(Meeting mt) {
    String where = MeetingsView.join(null, mt.room());
    return FrenchFormats.span(mt.startsAt(), mt.endsAt())
        + " · "
        + mt.title()
        + (where.isEmpty() ? "" : " · " + where)
        + (mt.status() == MeetingStatus.CANCELLED
            ? " — " + m.get("meetings.mstatus.CANCELLED")
            : "");
  }

  /** The entry's view on the page shown (the calendar itself if it cannot be found). */
  private Node viewOf(Entry<?> e) {
    for (Node n : calendar.lookupAll("." + STYLE)) {
      if (n instanceof EntryViewBase<?> v && v.getEntry() == e && showing(n)) {
        return n;
      }
    }
    return calendar;
  }

  private static boolean showing(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return n.getScene() != null;
  }
}
