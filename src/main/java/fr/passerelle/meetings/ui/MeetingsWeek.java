package fr.passerelle.meetings.ui;

import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingCounts;
import fr.passerelle.meetings.MeetingFilter;
import fr.passerelle.meetings.MeetingKind;
import fr.passerelle.meetings.MeetingService;
import fr.passerelle.meetings.MeetingStatus;
import fr.passerelle.meetings.MeetingSummary;
import fr.passerelle.meetings.ParticipantService;
import fr.passerelle.meetings.SourcingListRef;
import fr.passerelle.office.Office;
import fr.passerelle.office.OfficeService;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The calendar's state: the shown date and filters, the meetings of the period around it with their
 * figures, the next meeting, and the choices the form and the participants' pane offer (offices,
 * open sourcing lists).
 */
final class MeetingsWeek {
  private final MeetingService service;
  private final ParticipantService participants;
  private final OfficeService offices;
  private final MeetingsTasks work;

  final ObservableList<MeetingSummary> meetings = FXCollections.observableArrayList();
  final ObservableList<Office> officeChoices = FXCollections.observableArrayList();
  final ObservableList<SourcingListRef> sourcingLists = FXCollections.observableArrayList();
  final ObjectProperty<MeetingSummary> next = new SimpleObjectProperty<>();

  /** This installation's office: the organiser of a new meeting. */
  final ObjectProperty<Office> here = new SimpleObjectProperty<>();

  final ObjectProperty<LocalDate> shownDate = new SimpleObjectProperty<>();
  final ObjectProperty<MeetingKind> kindFilter = new SimpleObjectProperty<>();
  final ObjectProperty<Office> officeFilter = new SimpleObjectProperty<>();
  final ObjectProperty<MeetingStatus> statusFilter = new SimpleObjectProperty<>();
  final StringProperty romeFilter = new SimpleStringProperty("");

  /**
   * False until the first load has answered (or failed): meanwhile the view says it is reading the
   * meetings, not "Aucune réunion prévue" (#19 item 8: 1–2 s at 100,000 candidates).
   */
  final javafx.beans.property.BooleanProperty loaded =
      new javafx.beans.property.SimpleBooleanProperty(false);

  MeetingsWeek(
      MeetingService service,
      ParticipantService participants,
      OfficeService offices,
      LocalDate today,
      MeetingsTasks work) {
    this.service = service;
    this.participants = participants;
    this.offices = offices;
    this.work = work;
    shownDate.set(today);
  }

  /**
   * Loads the meetings around the shown date, the next meeting and the choices, then the open
   * sourcing lists: the calendar is drawn before the lists are read (read beside the meetings, in a
   * second task, they made the first open slower on the loaded machine). A list read again
   * unchanged is not set again, so a return with nothing changed does not draw the calendar again
   * (ADR 0206).
   */
  void refresh() {
    MeetingFilter f =
        MeetingFilter.around(shownDate.get())
            .with(
                kindFilter.get(),
                romeFilter.get(),
                officeFilter.get() == null ? null : officeFilter.get().id(),
                statusFilter.get());
    work.run(
        "meetings.task.load",
        p ->
            new Loaded(
                service.list(f),
                service.next().orElse(null),
                offices.all(),
                offices.current().orElse(null)),
        l -> {
          loaded.set(true);
          here.set(l.here());
          setIfChanged(meetings, l.meetings());
          next.set(l.next());
          setIfChanged(officeChoices, l.offices());
          work.run(
              "meetings.task.load",
              p -> participants.sourcingLists(),
              lists -> setIfChanged(sourcingLists, lists));
        },
        () -> loaded.set(true));
  }

  private static <T> void setIfChanged(ObservableList<T> shown, List<T> read) {
    if (!shown.equals(read)) {
      shown.setAll(read);
    }
  }

  private record Loaded(
      List<MeetingSummary> meetings, MeetingSummary next, List<Office> offices, Office here) {}

  /** The figures of meeting {@code m} changed (a participant's change): its rows say them. */
  void countsChanged(Meeting m, MeetingCounts counts) {
    for (int i = 0; i < meetings.size(); i++) {
      if (meetings.get(i).meeting().id().equals(m.id())) {
        meetings.set(i, new MeetingSummary(m, counts));
      }
    }
    MeetingSummary n = next.get();
    if (n != null && n.meeting().id().equals(m.id())) {
      next.set(new MeetingSummary(m, counts));
    }
  }
}
