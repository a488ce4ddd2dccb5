package fr.passerelle.core;

/** Progress of long work, reported by services without knowing who listens (UI or CLI). */
public interface Progress {
  Progress NONE =
      new Progress() {
        @Override
        public void update(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
          return false;
        }
      };

  /** {@code total} may be -1 when unknown. */
  void update(long done, long total, String message);

  /** Long work checks this between batches and stops (rolling back) when true. */
  boolean isCancelled();

  /** Passes the figures on but never asks to stop: for work that follows a commit. */
  record Uncancellable(Progress to) implements Progress {
    @Override
    public void update(long done, long total, String message) {
      to.update(done, total, message);
    }

    @Override
    public boolean isCancelled() {
      return false;
    }
  }
}
