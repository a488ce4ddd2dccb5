package fr.passerelle.office;

import java.util.UUID;

/** A local office: a France Travail agency, a temp-work agency or a partner body. */
public record Office(UUID id, String name, OfficeKind kind, String organisation) {
  public static final String FRANCE_TRAVAIL_ORGANISATION = "France Travail";

  /** The organisation an office belongs to when none is given. */
  public static String defaultOrganisation(String officeName, OfficeKind kind) {
    return kind == OfficeKind.FRANCE_TRAVAIL ? FRANCE_TRAVAIL_ORGANISATION : officeName.trim();
  }
}
