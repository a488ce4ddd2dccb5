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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;

/**
 * The meetings of the shown period in CalendarFX (day / week / month / year pages): planned and
 * cancelled meetings in two colours, office hours filling the day, read-only (a meeting is edited
 * in the form). Selecting an entry opens the meeting; moving to another date reloads the period.
 *
 * <p>A busy office's week stays readable (#19): Monday to Friday unless a meeting falls on the
 * weekend; meetings at the same time side by side, none narrower than {@link #MIN_ENTRY_WIDTH}, the
 * others of a crowded hour behind a "+N réunions" entry that lists them ({@link MoreMeetings}),
 * titles wrapped between words ({@link MeetingEntryView}); a click on a day's name opens that day;
 * a new week opens scrolled to its first meeting ({@link FirstMeetingScroll}); the meeting open in
 * the form is selected, and opening one of another week ("Prochaine réunion", a search result)
 * moves the calendar to it.
 */
final class MeetingsCalendar extends CalendarView {
  /** The narrowest a meeting is drawn: about eight letters of its title on a line. */
  static final double MIN_ENTRY_WIDTH = 52;

  private final MeetingsViewModel vm;
  private final Calendar planned = new Calendar();
  private final Calendar cancelled = new Calendar();
  private final Calendar more = new Calendar();
  private final MoreMeetings moreMeetings;
  private final FirstMeetingScroll scroll;
  private boolean filling;

  /** The columns a day could hold at the last fill, and the meeting kept visible then. */
  private int columnsFilled = -1;

  private UUID pinnedFilled;

  /** The entries drawn for meetings, by meeting. */
  private final Map<UUID, Entry<?>> entries = new java.util.HashMap<>();

  /** The hour the day and week pages open on when they show no meeting: office hours. */
  static final LocalTime OPENS_AT = LocalTime.of(8, 0);

  MeetingsCalendar(MeetingsViewModel vm) {
    this.vm = vm;
    Messages m = vm.messages();
    planned.setName(m.get("meetings.cal.planned"));
    planned.setStyle(Calendar.Style.STYLE1);
    cancelled.setName(m.get("meetings.cal.cancelled"));
    cancelled.setStyle(Calendar.Style.STYLE7);
    more.setName(m.get("meetings.cal.others"));
    more.setStyle(Calendar.Style.STYLE2);
    for (Calendar c : List.of(planned, cancelled, more)) {
      c.setReadOnly(true);
    }
    CalendarSource source = new CalendarSource(m.get("meetings.nav"));
    source.getCalendars().addAll(planned, cancelled, more);
    getCalendarSources().setAll(source);
    // the office's weeks start on Monday whatever the language of the window
    setWeekFields(WeekFields.of(Locale.FRANCE));
    getStylesheets()
        .add(MeetingsCalendar.class.getResource("meetings-calendar.css").toExternalForm());
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
    // no meeting lasts all day: without that row ("Toute la journée" set the hours' column at
    // 105 px) the week's days get the width, and the hours the height (the day page keeps it:
    // without it CalendarFX drew its hours' column empty)
    getWeekPage().getDetailedWeekView().setShowAllDayView(false);
    // titles wrapped between words, a word too long cut with "…", the whole in a tooltip
    getDayPage().getDetailedDayView().getDayView().setEntryViewFactory(MeetingEntryView::new);
    var weekDays = getWeekPage().getDetailedWeekView().getWeekView().getWeekDayViewFactory();
    getWeekPage()
        .getDetailedWeekView()
        .getWeekView()
        .setWeekDayViewFactory(
            p -> {
              var day = weekDays.call(p);
              day.setEntryViewFactory(MeetingEntryView::new);
              return day;
            });
    getDayPage().setDateTimeFormatter(fr.passerelle.core.DateFormats.longDate(Locale.FRANCE));
    this.moreMeetings = new MoreMeetings(this, vm);
    this.scroll = new FirstMeetingScroll(this, OPENS_AT);
    setEntryDetailsCallback(
        p -> {
          open(p.getEntry());
          return null;
        });
    setEntryContextMenuCallback(p -> null);
    setContextMenuCallback(p -> null);
    setEntryFactory(p -> null);
    // a day's name opens that day, where its meetings have the calendar's whole width
    setDateDetailsCallback(
        p -> {
          setDate(p.getLocalDate());
          showDayPage();
          return true;
        });
    getSelections()
        .addListener(
            (SetChangeListener<Entry<?>>)
                c -> {
                  if (c.wasAdded() && !filling) {
                    open(c.getElementAdded());
                  }
                });
    // the office's today (the injected clock, not the machine's)
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
          }
        });
    // a meeting opened from the banner or the search: the calendar shows it, selected (not while
    // the list is shown instead: moving the date would read the list's period again under it)
    vm.selected.addListener(
        (o, a, b) -> {
          goToOpen();
          UUID id = b == null ? null : b.id();
          if (!java.util.Objects.equals(id, pinnedFilled)) {
            fill();
          }
        });
    // back from the list: on the meeting opened there
    visibleProperty().addListener(x -> goToOpen());
    vm.meetings.addListener((ListChangeListener<MeetingSummary>) c -> fill());
    selectedPageProperty().addListener(x -> fill());
    // as many columns as the day's width holds: the calendar's share of the window decides
    javafx.beans.InvalidationListener resized =
        x -> {
          if (columns() != columnsFilled) {
            fill();
          }
        };
    getWeekPage().getDetailedWeekView().getWeekView().widthProperty().addListener(resized);
    getDayPage().getDetailedDayView().getDayView().widthProperty().addListener(resized);
  }

  private void open(Entry<?> e) {
    if (e != null && e.getUserObject() instanceof UUID id) {
      vm.open(id);
    } else if (e != null && e.getUserObject() instanceof DayColumns.More hidden) {
      moreMeetings.show(e, hidden);
    }
  }

  /** Selects the entry of the meeting open in the form (none when it is not shown). */
  void selectOpen() {
    filling = true;
    Meeting open = vm.selected.get();
    Entry<?> found = open == null ? null : entries.get(open.id());
    getSelections().removeIf(e -> e != found);
    if (found != null) {
      getSelections().add(found);
    }
    filling = false;
  }

  /** The entry drawn for a meeting, if it is drawn (not behind a "+N"). */
  java.util.Optional<Entry<?>> entryOf(UUID meeting) {
    return java.util.Optional.ofNullable(entries.get(meeting));
  }

  /** The list of meetings behind a "+N" last opened (null before). */
  javafx.scene.control.ContextMenu moreMeetingsMenu() {
    return moreMeetings.menu;
  }

  /** The hours the week page shows now, top to bottom: what the counselor sees first. */
  java.util.Optional<List<LocalTime>> weekHours() {
    return scroll.weekHours();
  }

  /** Moves to the meeting open in the form when the page shown does not hold it. */
  private void goToOpen() {
    Meeting open = vm.selected.get();
    if (open != null && isVisible() && !shows(open.startsAt().toLocalDate())) {
      setDate(open.startsAt().toLocalDate());
    }
  }

  /** Whether the page shown holds {@code day} (its day, week, month or year). */
  private boolean shows(LocalDate day) {
    LocalDate d = getDate();
    Page page = getSelectedPage() == null ? Page.WEEK : getSelectedPage();
    return switch (page) {
      case DAY -> day.equals(d);
      case WEEK -> monday(day).equals(monday(d));
      case MONTH -> day.getYear() == d.getYear() && day.getMonth() == d.getMonth();
      default -> day.getYear() == d.getYear();
    };
  }

  private static LocalDate monday(LocalDate d) {
    return d.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The meetings of the day or week shown (the scroll goes to the first of them). */
  private List<MeetingSummary> shownMeetings() {
    Page page = getSelectedPage();
    if (page != Page.DAY && page != Page.WEEK) {
      return List.of();
    }
    return vm.meetings.stream().filter(s -> shows(s.meeting().startsAt().toLocalDate())).toList();
  }

  /**
   * How many meetings a day's column holds side by side on the page shown (no limit on the month
   * and year pages, nor before the page has a width).
   */
  private int columns() {
    double width;
    if (getSelectedPage() == Page.WEEK) {
      var week = getWeekPage().getDetailedWeekView();
      width = week.getWeekView().getWidth() / week.getNumberOfDays();
    } else if (getSelectedPage() == Page.DAY) {
      width = getDayPage().getDetailedDayView().getDayView().getWidth();
    } else {
      return Integer.MAX_VALUE;
    }
    // CalendarFX leaves a few pixels of each column free
    return width <= 0 ? Integer.MAX_VALUE : Math.max(1, (int) ((width - 6) / MIN_ENTRY_WIDTH));
  }

  private void fill() {
    filling = true;
    int columns = columns();
    Meeting open = vm.selected.get();
    UUID pinned = open == null ? null : open.id();
    Map<LocalDate, List<MeetingSummary>> days = new TreeMap<>();
    for (MeetingSummary s : vm.meetings) {
      days.computeIfAbsent(s.meeting().startsAt().toLocalDate(), d -> new ArrayList<>()).add(s);
    }
    entries.clear();
    List<Entry<?>> live = new ArrayList<>();
    List<Entry<?>> off = new ArrayList<>();
    List<Entry<?>> others = new ArrayList<>();
    for (List<MeetingSummary> day : days.values()) {
      DayColumns laid = DayColumns.of(day, columns, pinned);
      for (MeetingSummary s : laid.shown()) {
        Entry<UUID> e = entry(s);
        entries.put(s.meeting().id(), e);
        (s.meeting().status() == MeetingStatus.CANCELLED ? off : live).add(e);
      }
      for (DayColumns.More hidden : laid.more()) {
        others.add(moreMeetings.entry(hidden));
      }
    }
    for (Calendar c : List.of(planned, cancelled, more)) {
      c.startBatchUpdates();
      c.clear();
    }
    planned.addEntries(live);
    cancelled.addEntries(off);
    more.addEntries(others);
    for (Calendar c : List.of(planned, cancelled, more)) {
      c.stopBatchUpdates();
    }
    columnsFilled = columns;
    pinnedFilled = pinned;
    filling = false;
    selectOpen();
    // Monday to Friday, the weekend only when a meeting falls on it
    boolean weekend =
        vm.meetings.stream()
            .map(s -> s.meeting().startsAt().toLocalDate())
            .anyMatch(
                d ->
                    monday(d).equals(monday(getDate()))
                        && d.getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0);
    getWeekPage().getDetailedWeekView().setNumberOfDays(weekend ? 7 : 5);
    scroll.toFirstMeeting(getSelectedPage(), getDate(), shownMeetings());
  }

  private static Entry<UUID> entry(MeetingSummary s) {
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
    return e;
  }
}
