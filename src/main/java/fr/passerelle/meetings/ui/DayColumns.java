package fr.passerelle.meetings.ui;

import fr.passerelle.meetings.MeetingSummary;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What a day's column of the calendar can show when meetings overlap (#19): side by side, each at
 * least a minimum width, so at most {@code maxColumns} at once. Overlapping meetings are grouped as
 * the calendar groups them (one group while they overlap one another, transitively), placed in
 * columns first come first served (the fewest columns possible); a group needing more columns than
 * the day has keeps its first {@code maxColumns - 1} and gathers the others in "+N" slots, one per
 * run of hidden meetings that overlap. The meeting open in the form is always shown.
 *
 * @param shown the meetings drawn as themselves
 * @param more the "+N" slots, each with the meetings it stands for
 */
record DayColumns(List<MeetingSummary> shown, List<More> more) {

  /**
   * A "+N" slot: from the first start to the last end of the meetings it stands for; {@code alone}
   * when none of its group could be drawn (a day narrower than two columns).
   */
  record More(LocalDateTime start, LocalDateTime end, List<MeetingSummary> hidden, boolean alone) {}

  private static final Comparator<MeetingSummary> BY_TIME =
      Comparator.comparing((MeetingSummary s) -> s.meeting().startsAt())
          .thenComparing(s -> s.meeting().endsAt(), Comparator.reverseOrder());

  /** Lays out one day's meetings in at most {@code maxColumns} columns, {@code pinned} shown. */
  static DayColumns of(List<MeetingSummary> day, int maxColumns, UUID pinned) {
    List<MeetingSummary> shown = new ArrayList<>();
    List<More> more = new ArrayList<>();
    for (List<MeetingSummary> group : runs(day)) {
      place(group, Math.max(1, maxColumns), pinned, shown, more);
    }
    return new DayColumns(shown, more);
  }

  /** The meetings in order of time, cut where none of them overlaps the next ones. */
  private static List<List<MeetingSummary>> runs(List<MeetingSummary> meetings) {
    List<MeetingSummary> sorted = new ArrayList<>(meetings);
    sorted.sort(BY_TIME);
    List<List<MeetingSummary>> runs = new ArrayList<>();
    LocalDateTime end = null;
    for (MeetingSummary s : sorted) {
      if (end == null || !s.meeting().startsAt().isBefore(end)) {
        runs.add(new ArrayList<>());
        end = null;
      }
      runs.get(runs.size() - 1).add(s);
      end = end == null || s.meeting().endsAt().isAfter(end) ? s.meeting().endsAt() : end;
    }
    return runs;
  }

  private static void place(
      List<MeetingSummary> group,
      int max,
      UUID pinned,
      List<MeetingSummary> shown,
      List<More> more) {
    if (group.isEmpty()) {
      return;
    }
    List<List<MeetingSummary>> columns = new ArrayList<>();
    // the open meeting first, in the first column: it is never among the hidden ones
    group.stream()
        .filter(s -> s.meeting().id().equals(pinned))
        .findFirst()
        .ifPresent(s -> columns.add(new ArrayList<>(List.of(s))));
    for (MeetingSummary s : group) {
      if (s.meeting().id().equals(pinned)) {
        continue;
      }
      List<MeetingSummary> free =
          columns.stream()
              .filter(c -> c.stream().noneMatch(o -> overlap(o, s)))
              .findFirst()
              .orElse(null);
      if (free == null) {
        free = new ArrayList<>();
        columns.add(free);
      }
      free.add(s);
    }
    if (columns.size() <= max) {
      shown.addAll(group);
      return;
    }
    // the first columns, and the "+N" in the last; the open meeting's column even when the day
    // holds one column only
    boolean open = group.stream().anyMatch(s -> s.meeting().id().equals(pinned));
    int kept = Math.max(max - 1, open ? 1 : 0);
    List<MeetingSummary> hidden = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      (c < kept ? shown : hidden).addAll(columns.get(c));
    }
    for (List<MeetingSummary> run : runs(hidden)) {
      LocalDateTime end =
          run.stream().map(h -> h.meeting().endsAt()).max(Comparator.naturalOrder()).orElseThrow();
      more.add(new More(run.get(0).meeting().startsAt(), end, List.copyOf(run), kept == 0));
    }
  }

  private static boolean overlap(MeetingSummary a, MeetingSummary b) {
    return a.meeting().startsAt().isBefore(b.meeting().endsAt())
        && b.meeting().startsAt().isBefore(a.meeting().endsAt());
  }
}
