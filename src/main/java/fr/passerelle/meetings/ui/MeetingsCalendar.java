package fr.passerelle.meetings.ui;

import com.calendarfx.model.Calendar;
import com.calendarfx.model.CalendarSource;
import com.calendarfx.model.Entry;
import com.calendarfx.view.CalendarView;
import com.calendarfx.view.DayViewBase.EarlyLateHoursStrategy;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingStatus;
import fr.passerelle.meetings.MeetingSummary;
import fr.passerelle.ui.Messages;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;

/**
 * The meetings of the shown period in CalendarFX (day / week / month / year pages): planned and
 * cancelled meetings in two colours, office hours filling the day, read-only (a meeting is edited
 * in the form). Selecting an entry opens the meeting; moving to another date reloads the period.
 */
final class MeetingsCalendar extends CalendarView {
  private final MeetingsViewModel vm;
  private final Calendar planned = new Calendar();
  private final Calendar cancelled = new Calendar();
  private boolean filling;

  /** The hour the day and week pages open on: the start of office hours. */
  static final LocalTime OPENS_AT = LocalTime.of(8, 0);

  MeetingsCalendar(MeetingsViewModel vm) {
    this.vm = vm;
    Messages m = vm.messages();
    planned.setName(m.get("meetings.cal.planned"));
    planned.setStyle(Calendar.Style.STYLE1);
    cancelled.setName(m.get("meetings.cal.cancelled"));
    cancelled.setStyle(Calendar.Style.STYLE7);
    planned.setReadOnly(true);
    cancelled.setReadOnly(true);
    CalendarSource source = new CalendarSource(m.get("meetings.nav"));
    source.getCalendars().addAll(planned, cancelled);
    getCalendarSources().setAll(source);
    setShowAddCalendarButton(false);
    setShowPrintButton(false);
    setShowSourceTrayButton(false);
    setShowSearchField(false);
    setShowDeveloperConsole(false);
    showWeekPage();
    // the page switcher (Jour / Semaine / Mois / Année) keeps whole words: at 1366 px the
    // calendar's half of the window cut them to "J… Semai… M… Ann…"
    skinProperty()
        .addListener(
            (o, a, b) ->
                javafx.application.Platform.runLater(
                    () ->
                        lookupAll(".toggle-button")
                            .forEach(
                                n ->
                                    ((javafx.scene.layout.Region) n)
                                        .setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE))));
    // office hours fill the day and week pages; the night is compressed, not hidden
    setStartTime(OPENS_AT);
    setEndTime(LocalTime.of(19, 0));
    getWeekPage()
        .getDetailedWeekView()
        .setEarlyLateHoursStrategy(EarlyLateHoursStrategy.SHOW_COMPRESSED);
    getDayPage()
        .getDetailedDayView()
        .setEarlyLateHoursStrategy(EarlyLateHoursStrategy.SHOW_COMPRESSED);
    setEntryDetailsCallback(
        p -> {
          open(p.getEntry());
          return null;
        });
    setEntryContextMenuCallback(p -> null);
    setContextMenuCallback(p -> null);
    setEntryFactory(p -> null);
    getSelections()
        .addListener(
            (SetChangeListener<Entry<?>>)
                c -> {
                  if (c.wasAdded() && !filling) {
                    open(c.getElementAdded());
                  }
                });
    // the office's today (the injected clock, not the machine's), the week opened at 08:00 — not at
    // the hour the view happened to be built (it scrolled to 10:00 after a morning's start)
    setToday(vm.shownDate.get());
    setDate(vm.shownDate.get());
    setRequestedTime(OPENS_AT);
    dateProperty()
        .addListener(
            (o, a, d) -> {
              if (d != null && !d.equals(vm.shownDate.get())) {
                vm.shownDate.set(d);
                vm.refresh();
              }
            });
    // a meeting saved in another week: the calendar goes to it (the view model moved the date)
    vm.shownDate.addListener(
        (o, a, d) -> {
          if (d != null && !d.equals(getDate())) {
            setDate(d);
            setRequestedTime(OPENS_AT);
          }
        });
    vm.meetings.addListener((ListChangeListener<MeetingSummary>) c -> fill());
  }

  private void open(Entry<?> e) {
    if (e != null && e.getUserObject() instanceof UUID id) {
      vm.open(id);
    }
  }

  private void fill() {
    filling = true;
    planned.startBatchUpdates();
    cancelled.startBatchUpdates();
    planned.clear();
    cancelled.clear();
    List<Entry<?>> live = new ArrayList<>();
    List<Entry<?>> off = new ArrayList<>();
    for (MeetingSummary s : vm.meetings) {
      Meeting mt = s.meeting();
      Entry<UUID> e =
          new Entry<>(
              mt.title()
                  + " · "
                  + s.counts().invited()
                  + (mt.capacity() == null ? "" : "/" + mt.capacity()));
      e.setId(mt.id().toString());
      e.setUserObject(mt.id());
      e.setInterval(mt.startsAt(), mt.endsAt());
      e.setLocation(MeetingsView.join(mt.place(), mt.room()));
      (mt.status() == MeetingStatus.CANCELLED ? off : live).add(e);
    }
    planned.addEntries(live);
    cancelled.addEntries(off);
    planned.stopBatchUpdates();
    cancelled.stopBatchUpdates();
    filling = false;
  }
}
