package fr.passerelle.tabular;

import java.util.List;

/**
 * What the window says of an import's refusal or correction: a message key of the UI bundles and
 * its arguments (the English sentence stays for the command line and logs). Null key: the window
 * shows the English sentence (issue 19).
 */
public record Wording(String key, List<String> args) {
  public Wording {
    args = args == null ? List.of() : List.copyOf(args);
  }

  public static Wording of(String key, Object... args) {
    return new Wording(
        key, java.util.Arrays.stream(args).map(a -> a == null ? "" : a.toString()).toList());
  }
}
