package fr.passerelle.testsupport;

import fr.passerelle.accounts.AccountDraft;
import fr.passerelle.accounts.Roles;
import fr.passerelle.app.Services;
import java.util.List;

/**
 * A colleague of the test administrator, Hélène Dupont (counselor, login {@code hdupont}), for the
 * tests where two counselors edit the same file (ADR 0177).
 */
public final class Colleague {
  public static final String LOGIN = "hdupont";

  /** As the audit trail names her. */
  public static final String ACTOR = "Hélène Dupont (hdupont)";

  private Colleague() {}

  /** Creates her account (the administrator signed in on {@code s}). */
  public static void create(Services s) {
    s.accounts()
        .create(
            new AccountDraft(LOGIN, "Hélène", "Dupont", List.of(Roles.COUNSELOR), null, false),
            TestServices.PASSWORD.toCharArray());
  }

  /** Signs her in on {@code s}. */
  public static Services signIn(Services s) {
    s.signIn().signIn(LOGIN, TestServices.PASSWORD.toCharArray());
    return s;
  }
}
