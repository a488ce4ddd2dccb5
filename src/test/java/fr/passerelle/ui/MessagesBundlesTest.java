package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every bundle of {@link Messages#BUNDLES} has the same keys in French and English. */
class MessagesBundlesTest {
  private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

  static Properties load(String bundle, String lang) throws IOException {
    String path = "/" + bundle.replace('.', '/') + "_" + lang + ".properties";
    try (InputStream in = MessagesBundlesTest.class.getResourceAsStream(path)) {
      assertThat(in).as("bundle file %s", path).isNotNull();
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    }
  }

  @Test
  void everyKeyExistsInBothLanguages() throws IOException {
    assertThat(Messages.BUNDLES).isNotEmpty();
    for (String bundle : Messages.BUNDLES) {
      Set<String> fr = new TreeSet<>(load(bundle, "fr").stringPropertyNames());
      Set<String> en = new TreeSet<>(load(bundle, "en").stringPropertyNames());
      assertThat(fr).as("%s: French keys", bundle).isNotEmpty();
      Set<String> missingInEn = new TreeSet<>(fr);
      missingInEn.removeAll(en);
      Set<String> missingInFr = new TreeSet<>(en);
      missingInFr.removeAll(fr);
      assertThat(missingInEn).as("%s: keys missing in English", bundle).isEmpty();
      assertThat(missingInFr).as("%s: keys missing in French", bundle).isEmpty();
    }
  }

  @Test
  void noKeyIsDefinedInTwoBundles() throws IOException {
    Map<String, String> owner = new java.util.HashMap<>();
    for (String bundle : Messages.BUNDLES) {
      for (String key : load(bundle, "fr").stringPropertyNames()) {
        String previous = owner.put(key, bundle);
        assertThat(previous).as("key %s in %s and %s", key, previous, bundle).isNull();
      }
    }
  }

  /**
   * {@link Messages#get} formats with MessageFormat only when there are arguments: a text with
   * arguments writes an apostrophe as '' , a text without writes it once. Checked on every bundle
   * bundle; other bundles: see the report (sync.ui has five texts shown with a doubled '').
   */
  @Test
  void apostrophesMatchHowTheTextIsFormatted() throws IOException {
    for (String bundle : Messages.BUNDLES) {
      for (String lang : new String[] {"fr", "en"}) {
        Properties p = load(bundle, lang);
        Set<String> wrong =
            p.stringPropertyNames().stream()
                .filter(
                    k -> {
                      String v = p.getProperty(k);
                      boolean formatted = ARGUMENT.matcher(v).find();
                      String withoutDoubled = v.replace("''", "");
                      return formatted ? withoutDoubled.contains("'") : v.contains("''");
                    })
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(wrong).as("%s_%s: apostrophes", bundle, lang).isEmpty();
      }
    }
  }

  /**
   * Every text key a service gives its errors ({@code .keyed("key", …)}, {@code
   * XException.of("key", …)}) is in the bundles: the window says it in French, never the command
   * line's English sentence (#19).
   */
  @Test
  void everyKeyAServiceErrorNamesIsInTheBundles() throws IOException {
    Set<String> known = new TreeSet<>();
    for (String bundle : Messages.BUNDLES) {
      known.addAll(load(bundle, "fr").stringPropertyNames());
    }
    Pattern named = Pattern.compile("(?:\\.keyed|Exception\\.of)\\(\\s*\"([A-Za-z0-9_.]+)\"");
    Set<String> missing = new TreeSet<>();
    int seen = 0;
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
      for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
        var m = named.matcher(java.nio.file.Files.readString(f));
        while (m.find()) {
          seen++;
          // "meetings.problem." + code: a family of keys, each checked by its feature's tests
          if (!m.group(1).endsWith(".") && !known.contains(m.group(1))) {
            missing.add(m.group(1) + " (" + f.getFileName() + ")");
          }
        }
      }
    }
    assertThat(seen).as("keys named by service errors").isGreaterThan(100);
    assertThat(missing).as("keys with no text").isEmpty();
  }

  @Test
  void messagesResolveInBothLanguages() {
    assertThat(new Messages(Messages.FRENCH).get("nav.candidates")).isEqualTo("Candidats");
    assertThat(new Messages(Messages.ENGLISH).get("nav.candidates")).isEqualTo("Candidates");
    assertThat(new Messages(Messages.FRENCH).get("status.daysAgo", 3)).isEqualTo("il y a 3 j");
  }
}
