package fr.passerelle.meetings;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rank of each waitlisted candidate of a meeting: the order in which freed places go to them
 * (oldest invitation first, as {@code Seats.promoteWaitlisted} gives them), 1 = next to get one.
 */
public final class WaitlistRanks {
  private WaitlistRanks() {}

  /** Participant id → rank, for the waitlisted candidates of {@code participants}. */
  public static Map<UUID, Integer> of(List<Participant> participants) {
    Map<UUID, Integer> ranks = new HashMap<>();
    List<Participant> waiting =
        participants.stream()
            .filter(p -> p.status() == ParticipantStatus.WAITLISTED)
            .filter(p -> p.role() == ParticipantRole.CANDIDATE)
            .sorted(
                Comparator.comparing(
                        Participant::invitedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Participant::id))
            .toList();
    for (int i = 0; i < waiting.size(); i++) {
      ranks.put(waiting.get(i).id(), i + 1);
    }
    return ranks;
  }
}
