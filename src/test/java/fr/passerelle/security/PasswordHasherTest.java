package fr.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher fast = new PasswordHasher(new PasswordHasher.Params(1024, 1, 1));

  /**
   * A hash made by the reference implementation (the {@code argon2} command of Debian's argon2
   * package: {@code echo -n "correct horse battery staple" | argon2 saltsaltsaltsalt -id -t 2 -k
   * 4096 -p 1 -l 32 -e}) is verified: Bouncy Castle computes the same Argon2id.
   */
  @Test
  void verifiesAHashOfTheReferenceImplementation() {
    String reference =
        "$argon2id$v=19$m=4096,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$QeqvybJoRz5A33IgYk3wbHQmIWs8wtAs1P/F6cPYYro";
    assertThat(fast.verify("correct horse battery staple".toCharArray(), reference)).isTrue();
    assertThat(fast.verify("correct horse battery stapl".toCharArray(), reference)).isFalse();
  }

  @Test
  void hashesAreSaltedAndRecordTheirParameters() {
    String a = fast.hash("le vieux port sous la pluie".toCharArray());
    String b = fast.hash("le vieux port sous la pluie".toCharArray());
    assertThat(a).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").isNotEqualTo(b);
    assertThat(a).doesNotContain("vieux");
    assertThat(fast.verify("le vieux port sous la pluie".toCharArray(), a)).isTrue();
    assertThat(fast.verify("le vieux port sous la pluie ".toCharArray(), a)).isFalse();
  }

  @Test
  void malformedOrForeignHashesNeverMatch() {
    for (String bad :
        new String[] {
          null,
          "",
          "motdepasse",
          "$argon2i$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA",
          "$argon2id$v=16$m=1024,t=1,p=1$c2FsdA$aGFzaA",
          "$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA",
          "$argon2id$v=19$m=1024,t=1$c2FsdA$aGFzaA",
          "$argon2id$v=19$m=1024,t=1,p=1$!!!$aGFzaA"
        }) {
      assertThat(fast.verify("x".toCharArray(), bad)).as(String.valueOf(bad)).isFalse();
    }
  }

  @Test
  void aWeakerHashIsToBeReplaced() {
    String weak = fast.hash("une phrase assez longue".toCharArray());
    PasswordHasher strong = new PasswordHasher(new PasswordHasher.Params(2048, 2, 1));
    assertThat(strong.needsRehash(weak)).isTrue();
    assertThat(fast.needsRehash(weak)).isFalse();
    assertThat(strong.verify("une phrase assez longue".toCharArray(), weak)).isTrue();
  }
}
