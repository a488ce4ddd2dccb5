package fr.passerelle.accounts;

import fr.passerelle.security.Permission;
import java.util.Set;

/** A role as the tables define it: its code, its description and the permissions it grants. */
public record RoleInfo(String code, String description, Set<Permission> permissions) {
  public RoleInfo {
    permissions = Set.copyOf(permissions);
  }
}
