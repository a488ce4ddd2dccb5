package fr.passerelle.offers;

/**
 * A validation problem on one field of a form. {@code code} is stable (the UI maps it to a message
 * key {@code offers.error.<code>}); {@code message} is the English text the command line prints.
 */
public record FieldError(String field, String code, String message) {}
