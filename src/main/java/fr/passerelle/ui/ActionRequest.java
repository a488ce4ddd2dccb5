package fr.passerelle.ui;

import java.util.Optional;
import java.util.UUID;

/**
 * A request, handed through the {@link Navigator} as a filter, to start a co-organised action (a
 * meeting, a training path) about an occupation and, optionally, one of its offers: the form opens
 * prefilled. Its text form is {@code new:rome=N1103;offer=<uuid>}.
 */
public record ActionRequest(String romeCode, UUID offerId) {
  private static final String PREFIX = "new:";

  public static ActionRequest forOccupation(String romeCode) {
    return new ActionRequest(romeCode, null);
  }

  public static ActionRequest forOffer(String romeCode, UUID offerId) {
    return new ActionRequest(romeCode, offerId);
  }

  /** The filter text to hand to {@link Navigator#open}. */
  public String toFilter() {
    StringBuilder b = new StringBuilder(PREFIX);
    b.append("rome=").append(romeCode == null ? "" : romeCode);
    if (offerId != null) {
      b.append(";offer=").append(offerId);
    }
    return b.toString();
  }

  /** The request a filter text carries, if it is one (anything else: empty). */
  public static Optional<ActionRequest> parse(String filter) {
    if (filter == null || !filter.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rome = null;
    UUID offer = null;
    for (String part : filter.substring(PREFIX.length()).split(";")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = part.substring(0, eq);
      String value = part.substring(eq + 1).trim();
      if (key.equals("rome") && !value.isEmpty()) {
        rome = value;
      } else if (key.equals("offer") && !value.isEmpty()) {
        try {
          offer = UUID.fromString(value);
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(new ActionRequest(rome, offer));
  }
}
