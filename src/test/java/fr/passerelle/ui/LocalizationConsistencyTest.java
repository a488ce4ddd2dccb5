package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every UI text key written in the code exists in both languages (as JabRef's
 * LocalizationConsistencyTest): a key looked up through {@link Messages} ({@code m.get("…")},
 * {@code msg.get}, {@code messages.get}, {@code messages().get}), a keyed failure ({@code
 * .keyed("…")}, {@code InvalidInputException.of("…")}) and a view's navigation title ({@code
 * titleKey() { return "…"; }}). A key built at run time ({@code "offers.reason." + kind}) is not
 * seen here; {@link MessagesBundlesTest} checks that French and English have the same keys.
 */
class LocalizationConsistencyTest {
  private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+");
  private static final List<Pattern> USES =
      List.of(
          Pattern.compile("\\b(?:m|msg|messages|messages\\(\\))\\.get\\(\\s*\"([^\"]+)\""),
          Pattern.compile("\\.keyed\\(\\s*\"([^\"]+)\""),
          Pattern.compile("InvalidInputException\\.of\\(\\s*\"([^\"]+)\""),
          Pattern.compile("titleKey\\(\\)\\s*\\{\\s*return\\s*\"([^\"]+)\""));

  /** Keys used in the code, each with where: "key (File.java:line)". */
  static List<String[]> usedKeys() throws IOException {
    List<String[]> used = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> all = Files.walk(Path.of("src/main/java"))) {
      files = all.filter(p -> p.toString().endsWith(".java")).toList();
    }
    for (Path f : files) {
      String src = Files.readString(f, StandardCharsets.UTF_8);
      for (Pattern use : USES) {
        Matcher m = use.matcher(src);
        while (m.find()) {
          String key = m.group(1);
          if (KEY.matcher(key).matches()) {
            int line = src.substring(0, m.start()).split("\n", -1).length;
            used.add(new String[] {key, f.getFileName() + ":" + line});
          }
        }
      }
    }
    return used;
  }

  static Set<String> keys(String lang) throws IOException {
    Set<String> keys = new HashSet<>();
    for (String bundle : Messages.BUNDLES) {
      keys.addAll(MessagesBundlesTest.load(bundle, lang).stringPropertyNames());
    }
    return keys;
  }

  @Test
  void everyKeyUsedInTheCodeExistsInFrenchAndEnglish() throws IOException {
    List<String[]> used = usedKeys();
    assertThat(used).as("keys found in the code").hasSizeGreaterThan(500);
    for (String lang : List.of("fr", "en")) {
      Set<String> known = keys(lang);
      Set<String> missing = new TreeSet<>();
      for (String[] u : used) {
        if (!known.contains(u[0])) {
          missing.add(u[0] + " (" + u[1] + ")");
        }
      }
      assertThat(missing).as("keys used in the code, missing from the %s bundles", lang).isEmpty();
    }
  }
}
