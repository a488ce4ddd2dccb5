package fr.passerelle.search;

/**
 * The state of the search index.
 *
 * @param state whether searches are answered by the index
 * @param indexedChange the database change sequence the index holds (-1: none)
 * @param documents documents in the index
 */
public record IndexStatus(State state, long indexedChange, int documents) {
  public enum State {
    /** Caught up: searches answered by the index. */
    CURRENT,
    /** Behind the database, catching up: searches answered by the database meanwhile. */
    CATCHING_UP,
    /** Being built from the database: searches answered by the database meanwhile. */
    BUILDING,
    /** Not usable (its folder is held by another process, or failed): the database answers. */
    UNAVAILABLE
  }
}
