package fr.passerelle.meetings;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * The figures of a meeting, over its candidates: {@code invited} holds a place (invited, confirmed,
 * present or absent), {@code confirmed} confirmed or came, {@code present} came. The no-show rate
 * is absent / (present + absent): excused people are not no-shows, and it is empty until attendance
 * is taken.
 */
public record MeetingCounts(
    int invited, int confirmed, int waitlisted, int present, int absent, int excused) {
  public static final MeetingCounts NONE = new MeetingCounts(0, 0, 0, 0, 0, 0);

  public OptionalDouble noShowRate() {
    int taken = present + absent;
    return taken == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) absent / taken);
  }

  /** Counts the candidates among {@code participants}. */
  public static MeetingCounts of(Collection<Participant> participants) {
    int[] n = new int[ParticipantStatus.values().length];
    for (Participant p : participants) {
      if (p.role() == ParticipantRole.CANDIDATE && p.status() != null) {
        n[p.status().ordinal()]++;
      }
    }
    return fromStatusCounts(n);
  }

  /** From counts indexed by {@link ParticipantStatus#ordinal()}. */
  public static MeetingCounts fromStatusCounts(int[] n) {
    int present = n[ParticipantStatus.PRESENT.ordinal()];
    int absent = n[ParticipantStatus.ABSENT.ordinal()];
    int confirmed = n[ParticipantStatus.CONFIRMED.ordinal()];
    int invited = n[ParticipantStatus.INVITED.ordinal()];
    return new MeetingCounts(
        invited + confirmed + present + absent,
        confirmed + present,
        n[ParticipantStatus.WAITLISTED.ordinal()],
        present,
        absent,
        n[ParticipantStatus.EXCUSED.ordinal()]);
  }
}
