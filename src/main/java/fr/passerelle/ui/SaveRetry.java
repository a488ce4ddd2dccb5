package fr.passerelle.ui;

/**
 * A form's save that failed because the office server was lost, done again once it answers (issue
 * 15, ADR 0211). The save is run again as the counselor would click it — with what the form holds
 * then, over the version the form read (a colleague's save meanwhile is still refused, ADR 0177). A
 * form cancels it when it moves to another record, drops its edits or is saved by hand.
 */
public final class SaveRetry {
  private final ServerReturn server;
  private ServerReturn.Waiting waiting;

  /** {@code server} null: no retry (the form says to save again once the server is back). */
  public SaveRetry(ServerReturn server) {
    this.server = server;
  }

  /**
   * When {@code failure} is the office server lost: {@code again} runs once it answers and this
   * returns true (the form says so with {@link #waitingText}); otherwise false, nothing waits.
   */
  public boolean after(Throwable failure, Runnable again) {
    cancel();
    if (server == null || !Messages.connectionLost(failure)) {
      return false;
    }
    waiting = server.whenBack(again);
    return true;
  }

  /** True while the save waits for the server. */
  public boolean pending() {
    return waiting != null;
  }

  /** The save no longer waits (the form moved on, or is being saved now). */
  public void cancel() {
    if (waiting != null) {
      waiting.cancel();
      waiting = null;
    }
  }

  /** What the form says while its save waits for the server. */
  public static String waitingText(Messages msg) {
    return msg.get("error.serverUnreachable.retrying");
  }
}
