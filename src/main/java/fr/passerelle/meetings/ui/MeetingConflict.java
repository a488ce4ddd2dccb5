package fr.passerelle.meetings.ui;

import fr.passerelle.core.EditConflictException;
import fr.passerelle.meetings.FrenchFormats;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingDraft;
import fr.passerelle.meetings.MeetingService;
import fr.passerelle.meetings.Partner;
import fr.passerelle.meetings.PartnerKind;
import fr.passerelle.office.OfficeService;
import fr.passerelle.ui.FormConflict;
import fr.passerelle.ui.Messages;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The meeting form's save refused because a colleague saved the meeting meanwhile (ADR 0177, 0197):
 * the sentence saying who and when, what the form holds ({@code mine}, on the version it loaded)
 * and the meeting as now stored ({@code theirs}, with its version), and the names of the offices
 * and offers either refers to (read with the refusal, in the background). {@link #differences}
 * lists the fields that differ in the form's order, as {@link fr.passerelle.ui.ConflictDialogs}
 * shows them side by side.
 */
record MeetingConflict(String text, Meeting mine, Meeting theirs, Map<UUID, String> names) {
  /** The form's fields the comparison knows, by their label key. */
  static final String KIND = "meetings.field.kind";

  static final String TITLE = "meetings.field.title";
  static final String WHEN = "meetings.field.when";
  static final String PLACE = "meetings.field.place";
  static final String ROOM = "meetings.field.room";
  static final String REMOTE = "meetings.field.remote";
  static final String CAPACITY = "meetings.field.capacity";
  static final String OFFICE = "meetings.field.office";
  static final String CO_OFFICE = "meetings.field.coOffice";
  static final String PARTNERS = "meetings.field.partners";
  static final String EMPLOYERS = "meetings.field.employers";
  static final String ROME = "meetings.field.rome";
  static final String OFFER = "meetings.field.offer";
  static final String NOTES = "meetings.field.notes";

  /**
   * In the background, after the save of {@code draft} over {@code loaded} was refused with {@code
   * e}: the conflict, with the meeting as now stored ({@code e} again when it is gone) and the
   * names of the offices and offers either refers to.
   */
  static MeetingConflict read(
      EditConflictException e,
      Meeting loaded,
      MeetingDraft draft,
      MeetingService meetings,
      OfficeService offices,
      Messages msg) {
    Meeting mine = mine(loaded, draft);
    Meeting theirs = meetings.find(loaded.id()).orElseThrow(() -> e);
    Map<UUID, String> names = new HashMap<>();
    offices.all().forEach(o -> names.put(o.id(), o.name()));
    for (UUID offer : new HashSet<>(Arrays.asList(mine.offerId(), theirs.offerId()))) {
      if (offer != null) {
        meetings.focus().offer(offer).ifPresent(o -> names.put(offer, o.label()));
      }
    }
    return new MeetingConflict(msg.describe(e), mine, theirs, names);
  }

  /** The form's content as a meeting: {@code draft} on the meeting as the form loaded it. */
  private static Meeting mine(Meeting loaded, MeetingDraft d) {
    return new Meeting(
        loaded.id(),
        d.officeId(),
        d.coOfficeId(),
        d.kind(),
        d.title(),
        d.startsAt(),
        d.endsAt(),
        d.place(),
        d.room(),
        d.remoteLink(),
        d.capacity(),
        d.romeCode(),
        d.offerId(),
        loaded.status(),
        d.notes(),
        d.partners(),
        loaded.version());
  }

  /**
   * The fields whose values differ between the form and the stored meeting, in the form's order.
   */
  List<FormConflict.Difference> differences(Messages msg) {
    Function<UUID, Object> name = id -> id == null ? null : names.getOrDefault(id, "?");
    List<FormConflict.Field<Meeting>> fields =
        List.of(
            new FormConflict.Field<>(KIND, Meeting::kind, "meetings.kind."),
            new FormConflict.Field<>(TITLE, Meeting::title),
            new FormConflict.Field<>(
                WHEN,
                m ->
                    FrenchFormats.date(m.startsAt().toLocalDate())
                        + " "
                        + FrenchFormats.span(m.startsAt(), m.endsAt())),
            new FormConflict.Field<>(PLACE, Meeting::place),
            new FormConflict.Field<>(ROOM, Meeting::room),
            new FormConflict.Field<>(REMOTE, Meeting::remoteLink),
            new FormConflict.Field<>(CAPACITY, Meeting::capacity),
            new FormConflict.Field<>(OFFICE, m -> name.apply(m.officeId())),
            new FormConflict.Field<>(CO_OFFICE, m -> name.apply(m.coOfficeId())),
            new FormConflict.Field<>(PARTNERS, m -> partners(m, false)),
            new FormConflict.Field<>(EMPLOYERS, m -> partners(m, true)),
            new FormConflict.Field<>(ROME, Meeting::romeCode),
            new FormConflict.Field<>(OFFER, m -> name.apply(m.offerId())),
            new FormConflict.Field<>(NOTES, Meeting::notes));
    return new FormConflict<>(text, mine, theirs).differences(fields, msg);
  }

  /** The partner bodies (Akto, FASTT, Cap emploi), or the employers, as the form shows them. */
  private static String partners(Meeting m, boolean employers) {
    return m.partners().stream()
        .filter(p -> (p.kind() == PartnerKind.EMPLOYER) == employers)
        .sorted(Comparator.comparing(Partner::kind).thenComparing(Partner::displayName))
        .map(Partner::displayName)
        .collect(Collectors.joining(", "));
  }
}
