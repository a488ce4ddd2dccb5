package fr.passerelle.offers;

import java.util.List;

/**
 * A validation problem on one field of a form. {@code code} is stable (the UI maps it to a message
 * key {@code offers.error.<code>}, formatted with {@code args}); {@code message} is the English
 * text the command line prints.
 */
public record OfferFieldError(String field, String code, String message, List<String> args) {
  public OfferFieldError {
    args = args == null ? List.of() : List.copyOf(args);
  }

  public OfferFieldError(String field, String code, String message) {
    this(field, code, message, List.of());
  }
}
