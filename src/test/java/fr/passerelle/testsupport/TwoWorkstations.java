package fr.passerelle.testsupport;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Two counselors of one office editing the same rows (ADR 0177, 0181): A is the test administrator,
 * B is {@link Colleague} Hélène Dupont. On the office server (the PostgreSQL suite) they are two
 * service stacks with their own connection pools on one schema, as two workstations; on H2 one
 * stack whose signed-in account changes as the test switches between them (the check is the same
 * SQL in the saving transaction).
 */
public final class TwoWorkstations implements AutoCloseable {
  public final TestServices.ManualClock clock = new TestServices.ManualClock();
  private final Services a;
  private final Services b;

  public TwoWorkstations(Path folder) {
    a = TestServices.open(folder, clock);
    a.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    Colleague.create(a);
    b = TestServer.configured() ? TestServices.openSignedOut(folder, clock) : a;
  }

  /** Workstation A, the administrator signed in. */
  public Services a() {
    TestServices.signInAdmin(a);
    return a;
  }

  /** Workstation B, Hélène Dupont signed in. */
  public Services b() {
    return Colleague.signIn(b);
  }

  /** A minute later on the shared clock: the time of the next save. */
  public Instant minuteLater() {
    clock.advanceMillis(60_000);
    return Instant.ofEpochMilli(clock.millis());
  }

  /**
   * Waits (20 s at most, the speed not asserted) until {@code done}: what workstation A shows after
   * a colleague's change on B, heard through the office server's notices.
   */
  public static void awaitNotice(java.util.function.BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    a.close();
    if (b != a) {
      b.close();
    }
  }
}
