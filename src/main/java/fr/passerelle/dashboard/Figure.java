package fr.passerelle.dashboard;

/**
 * One figure of the dashboard: its value over the period and over the previous period ({@code
 * previous} is null for a snapshot, which has no trend).
 */
public record Figure(long value, Long previous) {
  /** value − previous, or null without a previous value. */
  public Long trend() {
    return previous == null ? null : value - previous;
  }
}
