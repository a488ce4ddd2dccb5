package fr.passerelle.accounts;

import java.util.List;
import java.util.UUID;

/**
 * A new account: its login, name, roles, and its counselor row — an existing one of this office
 * ({@code counselorId}), a new one with the account's name ({@code newCounselor}), or none.
 */
public record AccountDraft(
    String login,
    String firstName,
    String lastName,
    List<String> roles,
    UUID counselorId,
    boolean newCounselor) {

  public AccountDraft {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }
}
