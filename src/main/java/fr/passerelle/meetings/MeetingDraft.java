package fr.passerelle.meetings;

import fr.passerelle.core.ControlCharacters;
import fr.passerelle.core.InvalidInputException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What a counselor fills in to create or edit a meeting; validated before anything is saved. */
public record MeetingDraft(
    UUID officeId,
    UUID coOfficeId,
    MeetingKind kind,
    String title,
    LocalDateTime startsAt,
    LocalDateTime endsAt,
    String place,
    String room,
    String remoteLink,
    Integer capacity,
    String romeCode,
    UUID offerId,
    String notes,
    List<Partner> partners) {

  public MeetingDraft {
    partners = partners == null ? List.of() : List.copyOf(partners);
  }

  /** A field of the form and why its value is refused. */
  public enum Problem {
    TITLE_REQUIRED("title", "the title is required"),
    KIND_REQUIRED("kind", "the kind of meeting is required"),
    START_REQUIRED("start", "the start date and time are required"),
    END_REQUIRED("end", "the end date and time are required"),
    END_BEFORE_START("end", "the end is not after the start"),
    IN_THE_PAST("start", "the meeting would start in the past"),
    CAPACITY_NOT_POSITIVE("capacity", "the capacity must be at least 1"),
    CAPACITY_BELOW_CONFIRMED("capacity", "the capacity is below the number of confirmed places"),
    TITLE_CONTROL("title", "a control character is not allowed"),
    PLACE_CONTROL("place", "a control character is not allowed"),
    ROOM_CONTROL("room", "a control character is not allowed"),
    LINK_CONTROL("remoteLink", "a control character is not allowed"),
    NOTES_CONTROL("notes", "a control character is not allowed"),
    PARTNER_CONTROL("partners", "a control character is not allowed");

    private final String field;
    private final String english;

    Problem(String field, String english) {
      this.field = field;
      this.english = english;
    }

    /** The form field this problem belongs to. */
    public String field() {
      return field;
    }

    public String english() {
      return english;
    }
  }

  /**
   * What is wrong with this draft. {@code now} is the office's local time; {@code startChanged} is
   * false when editing a meeting whose start is kept (a meeting already under way may still be
   * edited); {@code confirmed} is the number of confirmed places already taken.
   */
  public List<Problem> problems(LocalDateTime now, boolean startChanged, int confirmed) {
    List<Problem> out = new ArrayList<>();
    if (title == null || title.isBlank()) {
      out.add(Problem.TITLE_REQUIRED);
    }
    if (kind == null) {
      out.add(Problem.KIND_REQUIRED);
    }
    if (startsAt == null) {
      out.add(Problem.START_REQUIRED);
    } else if (startChanged && startsAt.isBefore(now)) {
      out.add(Problem.IN_THE_PAST);
    }
    if (endsAt == null) {
      out.add(Problem.END_REQUIRED);
    } else if (startsAt != null && !endsAt.isAfter(startsAt)) {
      out.add(Problem.END_BEFORE_START);
    }
    for (Problem p : Problem.values()) {
      if (controlCharacter(p) != null) {
        out.add(p);
      }
    }
    if (capacity != null) {
      if (capacity < 1) {
        out.add(Problem.CAPACITY_NOT_POSITIVE);
      } else if (capacity < confirmed) {
        out.add(Problem.CAPACITY_BELOW_CONFIRMED);
      }
    }
    return out;
  }

  /**
   * For a {@code *_CONTROL} problem, the first control character of its field ("U+0007", see {@link
   * ControlCharacters}); null for the others or when the field is clean.
   */
  public String controlCharacter(Problem p) {
    return switch (p) {
      case TITLE_CONTROL -> ControlCharacters.first(title, false);
      case PLACE_CONTROL -> ControlCharacters.first(place, false);
      case ROOM_CONTROL -> ControlCharacters.first(room, false);
      case LINK_CONTROL -> ControlCharacters.first(remoteLink, false);
      case NOTES_CONTROL -> ControlCharacters.first(notes, true);
      case PARTNER_CONTROL ->
          partners.stream()
              .map(x -> ControlCharacters.first(x.name(), false))
              .filter(java.util.Objects::nonNull)
              .findFirst()
              .orElse(null);
      default -> null;
    };
  }

  /**
   * Refuses the draft if {@link #problems} finds any: English for the command line, the first
   * problem's UI text for a window.
   */
  public void requireValid(LocalDateTime now, boolean startChanged, int confirmed) {
    List<Problem> problems = problems(now, startChanged, confirmed);
    if (!problems.isEmpty()) {
      throw InvalidInputException.of(
          "meetings.problem." + problems.get(0).name(),
          "Meeting not saved: "
              + problems.stream()
                  .map(
                      p ->
                          controlCharacter(p) == null
                              ? p.field() + ": " + p.english()
                              : ControlCharacters.english(p.field(), controlCharacter(p)))
                  .collect(java.util.stream.Collectors.joining("; "))
              + ".",
          confirmed,
          nz(controlCharacter(problems.get(0))));
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** A copy with another capacity. */
  public MeetingDraft withCapacity(Integer newCapacity) {
    return copy(startsAt, endsAt, newCapacity, romeCode, offerId);
  }

  /** A copy at another start, keeping the duration. */
  public MeetingDraft movedTo(LocalDateTime newStart) {
    java.time.Duration length = java.time.Duration.between(startsAt, endsAt);
    return copy(newStart, newStart.plus(length), capacity, romeCode, offerId);
  }

  /** A copy about another occupation and offer. */
  public MeetingDraft withFocus(String newRomeCode, UUID newOfferId) {
    return copy(startsAt, endsAt, capacity, newRomeCode, newOfferId);
  }

  private MeetingDraft copy(
      LocalDateTime start, LocalDateTime end, Integer cap, String rome, UUID offer) {
    return new MeetingDraft(
        officeId,
        coOfficeId,
        kind,
        title,
        start,
        end,
        place,
        room,
        remoteLink,
        cap,
        rome,
        offer,
        notes,
        partners);
  }
}
