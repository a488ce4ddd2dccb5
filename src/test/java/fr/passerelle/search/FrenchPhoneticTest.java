package fr.passerelle.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Surnames that sound alike share a key; those that do not, do not (ADR 0100). */
class FrenchPhoneticTest {
  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource({
    "thibault, tibo",
    "fontaine, fonteyne",
    "rousseau, rousso",
    "philippe, filipe",
    "lefebvre, lefevre",
    "chevallier, chevalier",
    "gauthier, gautier",
    "moreau, moreaux"
  })
  void soundAlike(String a, String b) {
    assertThat(FrenchPhonetic.encode(a)).isNotNull().isEqualTo(FrenchPhonetic.encode(b));
  }

  @ParameterizedTest(name = "{0} ≁ {1}")
  @CsvSource({"moreau, marie", "martin, martine", "durand, dubois", "petit, patat"})
  void soundDifferent(String a, String b) {
    assertThat(FrenchPhonetic.encode(a)).isNotEqualTo(FrenchPhonetic.encode(b));
  }

  @ParameterizedTest
  @CsvSource({"ab", "n1103", "''"})
  void noKeyForShortOrNonLetterWords(String w) {
    assertThat(FrenchPhonetic.encode(w)).isNull();
  }
}
