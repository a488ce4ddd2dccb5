package fr.passerelle.search;

import fr.passerelle.core.Progress;
import fr.passerelle.security.Access;
import fr.passerelle.security.Permission;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Search across the application (ADR 0100): candidates, offers, meetings, employers and
 * occupations, answered by the {@link SearchIndex} when it is current. Every answer is empty while
 * it is not: the feature that asked then answers from the database (same rules, no typo tolerance).
 *
 * <p>The rules of who may find whom are applied here, at the entry: on a partner installation a
 * person who did not consent to share is never found ({@link #consentingOnly()}, which the database
 * answers must apply too).
 */
public final class SearchService implements AutoCloseable {
  private final SearchIndex index;
  private final Supplier<DSLContext> dsl;
  private final BooleanSupplier partnerInstallation;
  private final Access access;

  /**
   * @param dsl the database, which answers while the index is not current
   * @param partnerInstallation true when this installation is a partner office's: it may only find
   *     persons who consented to share
   */
  public SearchService(
      SearchIndex index,
      Supplier<DSLContext> dsl,
      BooleanSupplier partnerInstallation,
      Access access) {
    this.access = access;
    this.index = index;
    this.dsl = dsl;
    this.partnerInstallation = partnerInstallation;
  }

  /** True when only persons who consented to share may be found here (a partner installation). */
  public boolean consentingOnly() {
    return partnerInstallation.getAsBoolean();
  }

  /** A page of candidates, best first then by name; empty while the index is not current. */
  public Optional<CandidateHits> candidates(
      CandidateFilter filter, int offset, int limit, int countCap) {
    access.require(Permission.CANDIDATES_READ);
    return index.candidates(filter, consentingOnly(), offset, limit, countCap);
  }

  /** The best records of one kind for typed text; empty while the index is not current. */
  public Optional<List<SearchHit>> find(Kind kind, String text, int limit) {
    requireReadOf(kind);
    return index.find(kind, text, limit, consentingOnly());
  }

  /**
   * The best records of one kind for typed text, from the index, or from the database while the
   * index is not current (words must then start names or appear in titles; no typo).
   */
  public List<SearchHit> findAnywhere(Kind kind, String text, int limit) {
    requireReadOf(kind);
    boolean consenting = consentingOnly();
    return index
        .find(kind, text, limit, consenting)
        .orElseGet(() -> DatabaseSearch.find(dsl.get(), kind, text, limit, consenting));
  }

  /** Candidates with one of these e-mail or phone keys; empty while the index is not current. */
  public Optional<Set<UUID>> candidatesWithContact(
      Collection<String> emailKeys, Collection<String> phoneKeys) {
    access.require(Permission.CANDIDATES_READ);
    return index.candidatesWithContact(emailKeys, phoneKeys);
  }

  /**
   * The permission to read records of {@code kind}: occupations are reference data; a null kind is
   * treated as persons (the strictest).
   */
  private void requireReadOf(Kind kind) {
    if (kind == Kind.OCCUPATION) {
      return;
    }
    access.require(
        switch (kind == null ? Kind.CANDIDATE : kind) {
          case OFFER, EMPLOYER -> Permission.OFFERS_READ;
          case MEETING -> Permission.MEETINGS_READ;
          default -> Permission.CANDIDATES_READ;
        });
  }

  /**
   * Brings the index up to the database now (after a sync import or a bulk load); returns the
   * records re-indexed. Resumable: stopped, it goes on from its last committed step.
   */
  public int catchUp(Progress progress) {
    return index.catchUp(progress);
  }

  /** Starts bringing the index up to date in the background (at start-up). */
  public void warmUp() {
    index.warmUp();
  }

  public IndexStatus status() {
    return index.status();
  }

  @Override
  public void close() {
    index.close();
  }
}
