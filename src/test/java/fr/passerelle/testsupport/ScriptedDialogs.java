package fr.passerelle.testsupport;

import fr.passerelle.ui.DialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Dialog;

/**
 * A {@link DialogService} with no window, for view models' workflows: it records every question
 * asked and answers with the answers scripted by {@link #answer}, in order; with none left, it
 * answers as Enter would — the safe answer (Annuler: false, {@code CANCEL}, empty) — and as Esc
 * would to a chooser or an input (no file, no text).
 */
public final class ScriptedDialogs implements DialogService {
  /** A question as asked: its kind, header, text and the labels of its answers (safe one last). */
  public record Asked(String kind, String header, String text, List<String> answers) {}

  private final Deque<Object> script = new ArrayDeque<>();
  private final List<Asked> asked = new ArrayList<>();

  /**
   * The next question's answer: {@code true}/{@code false} for a confirmation, an {@link Unsaved},
   * the value of one of a choice's answers ({@link #SAFE} for its safe answer), a {@link Path} for
   * a file or folder chooser, a {@code String} for an input, a dialog's result for {@link
   * #show(String, Supplier)} ({@link #SAFE}: cancelled, for any of them).
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

  /** Builds no dialog (no FX toolkit needed): the scripted result, empty when none or SAFE. */
  @Override
  @SuppressWarnings("unchecked")
  public <R> Optional<R> show(String id, Supplier<? extends Dialog<R>> dialog) {
    asked.add(new Asked("show:" + id, "", "", List.of()));
    return Optional.ofNullable((R) answerOrEmpty());
  }

  @Override
  public Optional<Path> openFile(FileChoice choice) {
    return file("openFile", choice);
  }

  @Override
  public Optional<Path> saveFile(FileChoice choice) {
    return file("saveFile", choice);
  }

  private Optional<Path> file(String kind, FileChoice c) {
    String name = c.initialName() == null ? "" : c.initialName();
    List<String> filters = c.filters().stream().map(Filter::label).toList();
    asked.add(new Asked(kind + ":" + c.purpose(), c.title(), name, filters));
    return Optional.ofNullable((Path) answerOrEmpty());
  }

  @Override
  public Optional<Path> chooseFolder(String purpose, String title) {
    asked.add(new Asked("chooseFolder:" + purpose, title, "", List.of()));
    return Optional.ofNullable((Path) answerOrEmpty());
  }

  @Override
  public Optional<String> input(String header, String text, String initial) {
    asked.add(new Asked("input", header, text, List.of()));
    return Optional.ofNullable((String) answerOrEmpty());
  }

  /** The next scripted answer, null when none is left or it is {@link #SAFE}. */
  private Object answerOrEmpty() {
    Object a = next(SAFE);
    return a == SAFE ? null : a;
  }
}
