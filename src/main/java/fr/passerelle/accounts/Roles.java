package fr.passerelle.accounts;

import java.util.List;

/** The roles the migration creates (their permissions are rows of {@code role_permission}). */
public final class Roles {
  public static final String ADMINISTRATOR = "ADMINISTRATOR";
  public static final String COUNSELOR = "COUNSELOR";
  public static final String MANAGER = "MANAGER";
  public static final String READ_ONLY = "READ_ONLY";

  /** The first administrator's roles: the office head usually does everything at first. */
  public static final List<String> FIRST_ADMINISTRATOR = List.of(ADMINISTRATOR, COUNSELOR, MANAGER);

  private Roles() {}
}
