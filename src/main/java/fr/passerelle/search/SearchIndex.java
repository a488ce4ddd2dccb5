package fr.passerelle.search;

import fr.passerelle.core.Progress;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The search index as the rest of the application sees it (ADR 0100): a cache of the database, fed
 * by its change sequence, so it can follow any writer. Every answer is either current (the index
 * holds every change the database had committed when the question came) or empty: then the caller
 * answers from the database, never from stale data.
 */
public interface SearchIndex extends AutoCloseable {

  /** A page of candidates, best first; empty while the index is not current. */
  Optional<CandidateHits> candidates(
      CandidateFilter filter, boolean consentingOnly, int offset, int limit, int countCap);

  /** The best {@code limit} records of a kind for {@code text}; empty while not current. */
  Optional<List<SearchHit>> find(Kind kind, String text, int limit, boolean consentingOnly);

  /**
   * Live candidates with one of these e-mail or phone keys ({@link FrenchText#emailKey}, {@link
   * FrenchText#phoneKey}); empty while not current.
   */
  Optional<Set<UUID>> candidatesWithContact(
      Collection<String> emailKeys, Collection<String> phoneKeys);

  /**
   * Brings the index up to the database's change sequence now (building it first if it is missing
   * or out of date), in steps that are each committed: stopped at any point, it goes on from the
   * last step next time. Only reads the database. Returns the number of records re-indexed.
   */
  int catchUp(Progress progress);

  /** Starts bringing the index up to date in the background, if it is not. */
  void warmUp();

  /** What the index is doing, for the status bar and the command line. */
  IndexStatus status();

  @Override
  void close();
}
