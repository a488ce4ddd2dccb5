package fr.passerelle.security;

import fr.passerelle.db.Database;
import fr.passerelle.db.WallClock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Who is signed in on this installation's services, and the check every service method that reads
 * or writes personal data starts with: {@code access.require(Permission.X)}. A refusal changes
 * nothing, is audited and says which permission is missing. One per {@code app/Services} (no static
 * state); the sign-in ({@link SignInService}) is the only way to set the account.
 */
public final class Access {
  private final AtomicReference<Principal> current = new AtomicReference<>();
  private final Set<UUID> revealed = ConcurrentHashMap.newKeySet();
  private final Set<String> noted = ConcurrentHashMap.newKeySet();
  private final AuditTrail audit;

  public Access(Database db, WallClock clock, Map<String, String> env) {
    this.audit = new AuditTrail(db, clock, current::get, () -> Workstation.name(env));
  }

  /** The audit trail, recording as the signed-in account. */
  public AuditTrail audit() {
    return audit;
  }

  /** The account signed in, if any. */
  public Optional<Principal> principal() {
    return Optional.ofNullable(current.get());
  }

  /** True when an account is signed in and holds {@code p}. */
  public boolean has(Permission p) {
    Principal pr = current.get();
    return pr != null && pr.has(p);
  }

  /**
   * Returns when the signed-in account holds {@code p}; otherwise records the refusal (which
   * permission, which operation) and throws {@link AccessDeniedException}. Call it first, before
   * reading arguments or the database.
   */
  public void require(Permission p) {
    Principal pr = current.get();
    if (pr != null && pr.has(p)) {
      return;
    }
    String operation = caller();
    audit.record(AuditAction.REFUSED, null, operation, "permission " + p.name() + " missing");
    throw new AccessDeniedException(p, operation, pr != null);
  }

  /** The counselor row of the signed-in account, if it has one (what it creates is signed). */
  public Optional<UUID> counselorId() {
    return principal().map(Principal::counselorId);
  }

  /** Notes that this session showed {@code candidate}'s sensitive data (its file may save them). */
  void revealed(UUID candidate) {
    revealed.add(candidate);
  }

  /** True when this session showed {@code candidate}'s sensitive data (after an audited "show"). */
  public boolean wasRevealed(UUID candidate) {
    return candidate != null && revealed.contains(candidate);
  }

  /** Marks sensitive data shown, after the caller audited it ({@code CandidateService}). */
  public void showSensitive(UUID candidate) {
    require(Permission.SENSITIVE_READ);
    revealed(candidate);
  }

  /** True the first time {@code key} is given in this session (to audit a thing once). */
  public boolean once(String key) {
    return noted.add(key);
  }

  void begin(Principal p) {
    revealed.clear();
    noted.clear();
    current.set(p);
  }

  void end() {
    revealed.clear();
    noted.clear();
    current.set(null);
  }

  private static String caller() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> !f.getClassName().equals(Access.class.getName()))
                    .findFirst()
                    .map(
                        f -> {
                          String c = f.getClassName();
                          return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName();
                        })
                    .orElse("?"));
  }
}
