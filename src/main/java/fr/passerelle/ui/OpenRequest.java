package fr.passerelle.ui;

import java.util.Optional;

/**
 * A request, handed through the {@link Navigator} as a filter, to open one record in its view (a
 * candidate's file, an offer, a meeting, an occupation): what Enter on a global search hit does.
 * Its text form is {@code open:<id>}.
 */
public record OpenRequest(String id) {
  private static final String PREFIX = "open:";

  /** The filter text to hand to {@link Navigator#open}. */
  public String toFilter() {
    return PREFIX + id;
  }

  /** The request a filter text carries, if it is one (anything else: empty). */
  public static Optional<OpenRequest> parse(String filter) {
    if (filter == null || !filter.startsWith(PREFIX) || filter.length() == PREFIX.length()) {
      return Optional.empty();
    }
    return Optional.of(new OpenRequest(filter.substring(PREFIX.length()).trim()));
  }

  /** The id as a UUID, if it is one (an occupation's id is its ROME code). */
  public Optional<java.util.UUID> uuid() {
    try {
      return Optional.of(java.util.UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
