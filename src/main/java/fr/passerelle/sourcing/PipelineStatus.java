package fr.passerelle.sourcing;

/** Where a candidate stands in a sourcing list's pipeline, in pipeline order. */
public enum PipelineStatus {
  PROPOSED,
  CONTACTED,
  INTERESTED,
  INTERVIEW,
  HIRED,
  DECLINED,
  WITHDRAWN;

  /** HIRED, DECLINED and WITHDRAWN end the pipeline (a move back is still allowed, and dated). */
  public boolean isFinal() {
    return this == HIRED || this == DECLINED || this == WITHDRAWN;
  }

  /** The next step forward, or this status when there is none (final or interview → hired). */
  public PipelineStatus next() {
    return switch (this) {
      case PROPOSED -> CONTACTED;
      case CONTACTED -> INTERESTED;
      case INTERESTED -> INTERVIEW;
      case INTERVIEW -> HIRED;
      default -> this;
    };
  }

  /** The previous step, or this status at the start. */
  public PipelineStatus previous() {
    return switch (this) {
      case CONTACTED -> PROPOSED;
      case INTERESTED -> CONTACTED;
      case INTERVIEW -> INTERESTED;
      case HIRED -> INTERVIEW;
      default -> this;
    };
  }
}
