package fr.passerelle.candidates;

import fr.passerelle.core.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/** A save refused because of invalid fields; the form shows each next to its field. */
public final class CandidateValidationException extends InvalidInputException {
  private final List<FieldError> errors;

  public CandidateValidationException(List<FieldError> errors) {
    super(
        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
