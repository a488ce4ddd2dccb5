package fr.passerelle.security;

import java.util.Set;
import java.util.UUID;

/**
 * The account signed in: who it is (for the audit trail and what it creates) and what it may do,
 * read once at sign-in from the account's roles.
 */
public record Principal(
    UUID accountId,
    String login,
    String firstName,
    String lastName,
    UUID counselorId,
    Set<String> roles,
    Set<Permission> permissions) {

  public Principal {
    roles = Set.copyOf(roles);
    permissions = Set.copyOf(permissions);
  }

  /** "Camille Martin", or the login when the account has no name. */
  public String displayName() {
    String n = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
    return n.isBlank() ? login : n.trim();
  }

  /** How the audit trail names the account: "Camille Martin (cmartin)". */
  public String actor() {
    return displayName().equals(login) ? login : displayName() + " (" + login + ")";
  }

  public boolean has(Permission p) {
    return permissions.contains(p);
  }
}
