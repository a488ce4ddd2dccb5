package fr.passerelle.accounts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A named account, as the administrator's screen lists it (never its password hash). */
public record Account(
    UUID id,
    String login,
    String firstName,
    String lastName,
    UUID counselorId,
    List<String> roles,
    boolean disabled,
    boolean mustChange,
    OffsetDateTime lockedUntil,
    int failures,
    OffsetDateTime lastSignInAt,
    OffsetDateTime createdAt) {

  public Account {
    roles = List.copyOf(roles);
  }

  /** "Camille Martin", or the login. */
  public String displayName() {
    String n = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
    return n.isBlank() ? login : n.trim();
  }
}
