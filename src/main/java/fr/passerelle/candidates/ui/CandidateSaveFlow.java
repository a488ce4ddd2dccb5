package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateSummary;
import fr.passerelle.candidates.Duplicate;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.DialogService.Answer;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UnsavedChanges;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The questions around a candidate's file, asked through the {@link DialogService} (ADR 0189): the
 * unsaved-changes guard, the save — confirm a consent withdrawal, then, for a new file that looks
 * like an existing one, "open it / merge / create anyway / cancel" and a confirmation before a
 * merge — and the erasure of a person. Every question's safe answer (cancel) keeps what was typed.
 * No JavaFX window: tested with a scripted dialog service ({@code CandidateSaveFlowTest}).
 */
final class CandidateSaveFlow {
  /** The answers of the duplicates question besides Annuler. */
  enum DuplicateAnswer {
    OPEN_EXISTING,
    MERGE,
    CREATE
  }

  private final CandidateDetailViewModel detail;
  private final PersonRightsViewModel rights;
  private final Runnable refresh;
  private final DialogService dialogs;
  private final Messages msg;

  /**
   * The flow of the file {@code detail} edits; {@code refresh} runs after the list may have changed
   * (a save, a merge, an erasure).
   */
  CandidateSaveFlow(
      CandidateDetailViewModel detail,
      PersonRightsViewModel rights,
      Runnable refresh,
      DialogService dialogs,
      Messages msg) {
    this.detail = detail;
    this.rights = rights;
    this.refresh = refresh;
    this.dialogs = dialogs;
    this.msg = msg;
  }

  /** Runs {@code then} unless unsaved changes would be lost: asks Save / Discard / Cancel. */
  void guard(Runnable then) {
    UnsavedChanges.guard(unsaved, dialogs, then);
  }

  /** The file being edited, for the shell's guard (another entry, closing the window) and ours. */
  UnsavedChanges unsaved() {
    return unsaved;
  }

  private final UnsavedChanges unsaved =
      new UnsavedChanges() {
        @Override
        public Optional<String> pending() {
          return detail.dirty().get()
              ? Optional.of(
                  msg.get(
                      "candidates.unsaved.what",
                      (detail.lastName().get().toUpperCase(msg.locale())
                              + " "
                              + detail.firstName().get())
                          .trim()))
              : Optional.empty();
        }

        @Override
        public void save(Runnable saved) {
          CandidateSaveFlow.this.save(saved);
        }

        @Override
        public void discard() {
          detail.cancel();
        }
      };

  /** Saves the file (Ctrl+S, the Save button). */
  void save() {
    save(() -> {});
  }

  /**
   * Saves the file, after confirming a consent withdrawal, then runs {@code then}; when the file
   * looks like an existing one, asks first (see {@link #askDuplicates}).
   */
  void save(Runnable then) {
    if (detail.withdrawsConsent()
        && !dialogs.confirmDestructive(
            msg.get(
                "candidates.consent.withdraw.title",
                detail.lastName().get() + " " + detail.firstName().get()),
            msg.get("candidates.consent.withdraw.text"),
            msg.get("candidates.consent.withdraw.ok"))) {
      return;
    }
    save(false, saved -> then.run());
  }

  private void save(boolean ignoreDuplicates, Consumer<CandidateDetail> then) {
    detail.save(
        ignoreDuplicates,
        saved -> {
          refresh.run();
          then.accept(saved);
        },
        dups -> askDuplicates(dups.get(0), then));
  }

  /**
   * "Une fiche ressemble à celle-ci": open the existing file (the edits are dropped), merge with it
   * (asked once more), create anyway, or cancel — the default — which keeps the form as typed.
   */
  private void askDuplicates(Duplicate d, Consumer<CandidateDetail> then) {
    CandidateSummary existing = d.existing();
    Optional<DuplicateAnswer> answer =
        dialogs.choose(
            "duplicates-dialog",
            msg.get("candidates.duplicates.title"),
            msg.get(
                "candidates.duplicates.text",
                existing.displayName(),
                existing.birthDate() == null
                    ? ""
                    : fr.passerelle.core.DateFormats.DAY.format(existing.birthDate()),
                existing.communeName(),
                msg.get("candidates.duplicates.reason." + d.reason().name())),
            List.of(
                new Answer<>(DuplicateAnswer.OPEN_EXISTING, msg.get("candidates.duplicates.open")),
                new Answer<>(DuplicateAnswer.MERGE, msg.get("candidates.duplicates.merge")),
                new Answer<>(DuplicateAnswer.CREATE, msg.get("candidates.duplicates.create"))),
            msg.get("unsaved.cancel"));
    if (answer.isEmpty()) {
      return;
    }
    switch (answer.get()) {
      case OPEN_EXISTING -> {
        detail.close();
        detail.open(existing.id(), () -> {});
      }
      case CREATE -> save(true, then);
      case MERGE -> {
        if (dialogs.confirmDestructive(
            msg.get("candidates.merge.title"),
            msg.get(
                "candidates.merge.text",
                existing.displayName(),
                detail.lastName().get() + " " + detail.firstName().get()),
            msg.get("candidates.duplicates.merge"))) {
          detail.save(true, saved -> detail.merge(existing.id(), saved.id(), m -> refresh.run()));
        }
      }
    }
  }

  /** "Effacer cette personne…": a confirmation naming the person, then the erasure. */
  void erase() {
    CandidateDetail d = detail.loaded().get();
    if (d == null || d.id() == null) {
      return;
    }
    if (confirmErase(shownName())) {
      rights.erase(
          d.id(),
          d.version(),
          () -> {
            detail.close();
            refresh.run();
          });
    }
  }

  /** The confirmation of an erasure: names the person; the default button is Cancel. */
  boolean confirmErase(String name) {
    return dialogs.confirmDestructive(
        msg.get("rights.erase.title", name),
        msg.get("rights.erase.text", name),
        msg.get("rights.erase.confirm"));
  }

  /** The person's name as the file shows it ("Léa Garnier"). */
  String shownName() {
    return (detail.firstName().get() + " " + detail.lastName().get()).trim();
  }
}
