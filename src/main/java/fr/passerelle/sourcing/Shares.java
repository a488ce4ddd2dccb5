package fr.passerelle.sourcing;

/**
 * Priority publics and RQTH in a list beside the matching pool (active candidates with the list's
 * occupation). Shares are 0..1; a share over an empty set is 0.
 */
public record Shares(
    int listSize, int listPriority, int listRqth, int poolSize, int poolPriority, int poolRqth) {

  public double listPriorityShare() {
    return share(listPriority, listSize);
  }

  public double listRqthShare() {
    return share(listRqth, listSize);
  }

  public double poolPriorityShare() {
    return share(poolPriority, poolSize);
  }

  public double poolRqthShare() {
    return share(poolRqth, poolSize);
  }

  private static double share(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }
}
