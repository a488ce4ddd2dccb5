package fr.passerelle.demo;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;

/**
 * Deterministic, realistic demo data (one France Travail agency, two temp-work agencies in
 * Occitanie). STUB: the demo-data work fills this in; the signature is the contract.
 */
public final class DemoService {
  /** What to generate. */
  public record Options(int candidates, long seed) {
    public static final int DEFAULT_CANDIDATES = 2000;
    public static final long DEFAULT_SEED = 42L;
  }

  /** What was generated: live rows per table. */
  public record Report(java.util.Map<String, Integer> rows, long millis) {}

  private final Services services;

  public DemoService(Services services) {
    this.services = services;
  }

  /** Generates the demo data into this installation (which must be empty of replicated rows). */
  public Report generate(Options options, Progress progress) {
    throw new UnsupportedOperationException("demo data: not yet implemented");
  }
}
