package fr.passerelle.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.FrenchWording;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every French UI text reads as French (as JabRef's LocalizationConsistencyTest, issue 19): no
 * English words left, no raw codes ({@code CPRO_INTERIM}, {@code birth_date}, ISO dates, exception
 * names). The command line's texts may name an environment variable ({@code PASSERELLE_USER}): that
 * is what the user types.
 */
class FrenchBundlesWordingTest {
  /** Texts that must hold a code: what the user types on the command line. */
  private static final Set<String> TYPED = Set.of("cli.error.noUser");

  /** MessageFormat's own words ("{0,number,integer}", "{1,date,long}", "{0,choice,"). */
  private static final Pattern FORMAT =
      Pattern.compile("\\{\\d+,\\s*(?:number|date|time|choice)(?:,\\s*[a-z]+)?");

  @Test
  void theFrenchBundlesHoldNoEnglishLeftoversNorRawCodes() throws IOException {
    Set<String> faults = new TreeSet<>();
    int texts = 0;
    for (String bundle : Messages.BUNDLES) {
      Properties fr = MessagesBundlesTest.load(bundle, "fr");
      for (String key : fr.stringPropertyNames()) {
        texts++;
        String f = FrenchWording.faults(FORMAT.matcher(fr.getProperty(key)).replaceAll("{"));
        if (!f.isEmpty() && !TYPED.contains(key)) {
          faults.add(key + " = " + fr.getProperty(key) + "  → " + f);
        }
      }
    }
    assertThat(texts).as("French texts scanned").isGreaterThan(1000);
    assertThat(faults).as("French texts with English or codes").isEmpty();
  }

  @Test
  void theScanSeesTheLeftoversTheIssueListed() {
    for (String seen :
        List.of(
            "zip END header not found",
            "Trust it? [y/N]",
            "\"14/13/1990\" is not a date",
            "champ birth_date",
            "Financement CPRO_INTERIM",
            "Début 2026-01-31",
            "11 541 rows added")) {
      assertThat(FrenchWording.faults(seen)).as(seen).isNotEmpty();
    }
    for (String fine :
        List.of(
            "Commune inconnue : choisissez-la dans la liste",
            "Code ROME inconnu",
            "Date de naissance",
            "Importer le fichier",
            "Total : 3 candidats")) {
      assertThat(FrenchWording.faults(fine)).as(fine).isEmpty();
    }
  }
}
