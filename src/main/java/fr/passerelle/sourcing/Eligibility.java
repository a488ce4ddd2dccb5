package fr.passerelle.sourcing;

/** Whether a candidate can be added to a list, and why not. */
public enum Eligibility {
  OK,
  /** Already an entry of this list. */
  ALREADY_IN_LIST,
  /** The list is shared with a partner office and the candidate did not consent to sharing. */
  NO_SHARE_CONSENT,
  /** No live candidate with this id. */
  UNKNOWN_CANDIDATE,
  /** The list is closed. */
  LIST_CLOSED
}
