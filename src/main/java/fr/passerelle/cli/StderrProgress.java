package fr.passerelle.cli;

import fr.passerelle.core.Progress;
import java.io.PrintWriter;

/** Progress of long work on the error stream: one line per step or per 5,000 rows. */
final class StderrProgress implements Progress {
  private final PrintWriter err;
  private final String what;
  private String lastMessage;
  private long lastShown = -1;

  StderrProgress(PrintWriter err, String what) {
    this.err = err;
    this.what = what;
  }

  @Override
  public void update(long done, long total, String message) {
    boolean step = message != null && !message.equals(lastMessage);
    if (step || done - lastShown >= 5000 || done < lastShown) {
      lastShown = done;
      lastMessage = message;
      err.println(
          what
              + ": "
              + (message == null ? "" : message + " ")
              + done
              + (total > 0 ? " / " + total : ""));
      err.flush();
    }
  }

  @Override
  public boolean isCancelled() {
    return false;
  }
}
