package fr.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CNIL's case 1 (80 bits), counted their way, without any composition rule. */
class PassphrasePolicyTest {
  private final PassphrasePolicy policy = new PassphrasePolicy();

  private List<String> problems(String phrase) {
    return policy.check(phrase.toCharArray(), "cmartin", "Camille", "Martin").stream()
        .map(PassphrasePolicy.Problem::key)
        .toList();
  }

  @Test
  void theCnilExamplesPass() {
    // 12 characters of the four kinds (about 80 bits in the CNIL's table)
    assertThat(problems("Tr0mb0ne!Vél")).isEmpty();
    // 14 characters of upper and lower case and digits, no special character
    assertThat(problems("Aubergine7Pont")).isEmpty();
    // a phrase of lower-case words: length over complexity
    assertThat(problems("le vieux port sous la pluie")).isEmpty();
    assertThat(problems("correct horse battery staple")).isEmpty();
  }

  @Test
  void shortOrSimpleOnesAreRefusedWithTheReason() {
    assertThat(problems("Tr0mb0ne!")).containsExactly("security.policy.tooShort");
    // 12 lower-case letters: 56 bits
    assertThat(problems("abricotpoire")).containsExactly("security.policy.weak");
    assertThat(PassphrasePolicy.bits("abricotpoire")).isLessThan(60);
    assertThat(problems("aaaaaaaaaaaaaaaaaaaaaaaaaa")).contains("security.policy.repeated");
    assertThat(problems("Motdepasse123!!!")).contains("security.policy.common");
    assertThat(problems("camille martin au bureau")).containsExactly("security.policy.personal");
    assertThat(problems("le port de cmartin sous la pluie")).contains("security.policy.personal");
  }

  @Test
  void bitsAreCountedTheCnilWay() {
    assertThat(PassphrasePolicy.bits("")).isZero();
    assertThat(PassphrasePolicy.bits("abcdefghijklmnopqr")).isBetween(84.5, 84.7); // 18 × log2 26
    assertThat(PassphrasePolicy.bits("Ab1!Ab1!Ab1!")).isBetween(79.5, 79.6); // 12 × log2 99
  }
}
