package fr.passerelle.testsupport;

import fr.passerelle.ui.DialogService;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Dialog;

/**
 * A {@link DialogService} with no window, for view models' workflows: it records every question
 * asked and answers with the answers scripted by {@link #answer}, in order; with none left, it
 * answers as Enter would — the safe answer (Annuler: false, {@code CANCEL}, empty).
 */
public final class ScriptedDialogs implements DialogService {
  /** A question as asked: its kind, header, text and the labels of its answers (safe one last). */
  public record Asked(String kind, String header, String text, List<String> answers) {}

  private final Deque<Object> script = new ArrayDeque<>();
  private final List<Asked> asked = new ArrayList<>();

  /**
   * The next question's answer: {@code true}/{@code false} for a confirmation, an {@link Unsaved},
   * or the value of one of a choice's answers ({@link #SAFE} for its safe answer).
   */
  public ScriptedDialogs answer(Object next) {
    script.add(next);
    return this;
  }

  /** The safe answer of a choice, when scripted explicitly. */
  public static final Object SAFE = new Object();

  /** The questions asked so far, in order. */
  public List<Asked> asked() {
    return List.copyOf(asked);
  }

  /**
   * The kinds of the questions asked so far ("confirmDestructive", "choose:duplicates-dialog"…).
   */
  public List<String> kinds() {
    return asked.stream().map(Asked::kind).toList();
  }

  /** True when every scripted answer was used. */
  public boolean allAnswered() {
    return script.isEmpty();
  }

  private Object next(Object safe) {
    return script.isEmpty() ? safe : script.poll();
  }

  @Override
  public void info(String header, String text) {
    asked.add(new Asked("info", header, text, List.of()));
  }

  @Override
  public void error(String id, String header, String text, Runnable closed) {
    asked.add(new Asked("error:" + id, header, text, List.of()));
    closed.run();
  }

  @Override
  public boolean confirm(String header, String text, String action) {
    asked.add(new Asked("confirm", header, text, List.of(action)));
    return (Boolean) next(false);
  }

  @Override
  public boolean confirmDestructive(String header, String text, String action) {
    asked.add(new Asked("confirmDestructive", header, text, List.of(action)));
    return (Boolean) next(false);
  }

  @Override
  public Unsaved unsaved(String what) {
    asked.add(new Asked("unsaved", what, "", List.of()));
    return (Unsaved) next(Unsaved.CANCEL);
  }

  @Override
  public <T> Optional<T> choose(
      String id, String header, String text, List<Answer<T>> answers, String safe) {
    List<String> labels = new ArrayList<>(answers.stream().map(Answer::label).toList());
    labels.add(safe);
    asked.add(new Asked("choose:" + id, header, text, labels));
    Object a = next(SAFE);
    if (a == SAFE) {
      return Optional.empty();
    }
    return answers.stream()
        .map(Answer::value)
        .filter(a::equals)
        .findFirst()
        .map(Optional::of)
        .orElseThrow(() -> new AssertionError("no answer " + a + " to " + header));
  }

  @Override
  public <R> Optional<R> show(Dialog<R> dialog) {
    asked.add(new Asked("show", dialog.getHeaderText(), "", List.of()));
    return Optional.empty();
  }
}
