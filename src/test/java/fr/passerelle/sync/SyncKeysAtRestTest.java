package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.hybrid.HpkePrivateKey;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import fr.passerelle.app.Services;
import fr.passerelle.app.Vault;
import fr.passerelle.db.crypto.Sealer;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.security.keys.KeyRing;
import fr.passerelle.testsupport.TestServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14 item 2 (ADR 0145): beside an encrypted database the sync identity's private keys are
 * sealed with a key derived from the database's file key; a clear {@code sync-keys.json} is sealed
 * at the first sign-in after the upgrade, safely if killed; sync goes on between encrypted offices.
 */
class SyncKeysAtRestTest {
  @TempDir Path root;
  final List<Node> nodes = new ArrayList<>();
  final TestServices.ManualClock clock = new TestServices.ManualClock();

  Vault encrypting(Node n) {
    return new Vault(
        n.clock,
        TestServices.FAST,
        true,
        (d, recovery) -> Services.open(d, n.clock, TestServices.FAST, recovery));
  }

  Node node(String name, OfficeKind kind, String organisation) {
    Node n = Node.create(root, name, kind, organisation);
    nodes.add(n);
    return n;
  }

  @AfterEach
  void close() {
    nodes.forEach(Node::close);
  }

  /** The private key values themselves, and the forms the clear file held them in. */
  static List<byte[]> needles(LocalKeys k) throws Exception {
    List<byte[]> out = new ArrayList<>();
    for (byte[] keyset : k.secretsForTests()) {
      KeysetHandle h =
          com.google.crypto.tink.TinkProtoKeysetFormat.parseKeyset(
              keyset, InsecureSecretKeyAccess.get());
      byte[] raw =
          h.getPrimary().getKey() instanceof Ed25519PrivateKey e
              ? e.getPrivateKeyBytes().toByteArray(InsecureSecretKeyAccess.get())
              : ((HpkePrivateKey) h.getPrimary().getKey())
                  .getPrivateKeyBytes()
                  .toByteArray(InsecureSecretKeyAccess.get());
      assertThat(raw).hasSize(32);
      out.add(raw);
      out.add(Base64.getEncoder().encode(raw));
      out.add(Base64.getEncoder().withoutPadding().encode(raw));
      out.add(HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII));
      out.add(keyset);
      out.add(Base64.getEncoder().encode(keyset));
    }
    return out;
  }

  /** The files of {@code dir} (all depths) holding one of {@code needles}. */
  static List<String> holding(Path dir, List<byte[]> needles) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        byte[] b = Files.readAllBytes(f);
        for (byte[] n : needles) {
          if (indexOf(b, n) >= 0) {
            found.add(dir.relativize(f).toString());
            break;
          }
        }
      }
    }
    return found;
  }

  static int indexOf(byte[] hay, byte[] needle) {
    return fr.passerelle.search.IndexBytes.indexOf(hay, needle);
  }

  @Test
  void afterTheFirstSignInNoPrivateKeyIsReadableInTheDataFolder() throws Exception {
    Node a = node("FT Toulouse", OfficeKind.FRANCE_TRAVAIL, null);
    LocalKeys clear = a.sync().identity().keys();
    String fingerprint = clear.fingerprint();
    List<byte[]> needles = needles(clear);
    Path file = a.dir.resolve(LocalKeys.FILE);
    assertThat(holding(a.dir, needles)).as("the test sees the clear file").contains(LocalKeys.FILE);

    // a clear installation (passerelle.keepClearDatabase) keeps its clear keys and works
    Vault clearVault =
        Vault.clearOnly((d, recovery) -> Services.open(d, a.clock, TestServices.FAST, recovery));
    a.signInThrough(clearVault);
    assertThat(LocalKeys.sealed(file)).isFalse();
    assertThat(a.sync().identity().card().fingerprint()).isEqualTo(fingerprint);

    a.signInThrough(encrypting(a));
    assertThat(LocalKeys.sealed(file)).isTrue();
    assertThat(holding(a.dir, needles)).isEmpty();
    assertThat(a.sync().identity().keys().fingerprint()).isEqualTo(fingerprint);
    assertThat(LocalKeys.fingerprintOf(file)).isEqualTo(fingerprint);
    // and after it is closed (the database's checkpoint, the journal, the temporary folder)
    a.services.close();
    assertThat(holding(a.dir, needles)).isEmpty();
    assertThatThrownBy(() -> LocalKeys.load(file))
        .hasMessageContaining("sealed by an encrypted database's key");
    a.signInThrough(encrypting(a));
  }

  @Test
  void newKeysOfAnEncryptedInstallationAreSealedFromTheStart() throws Exception {
    Node a = node("FT Toulouse", OfficeKind.FRANCE_TRAVAIL, null);
    a.signInThrough(encrypting(a));
    Path file = a.dir.resolve(LocalKeys.FILE);
    assertThat(file).doesNotExist();
    LocalKeys k = a.sync().identity().keys();
    assertThat(LocalKeys.sealed(file)).isTrue();
    assertThat(holding(a.dir, needles(k))).isEmpty();
  }

  /** Three encrypted offices trust each other and exchange as clear ones do. */
  @Test
  void encryptedOfficesExchangeAcrossTwoAndThreeOffices() throws Exception {
    Node a = node("FT Toulouse", OfficeKind.FRANCE_TRAVAIL, null);
    Node b = node("FT Albi", OfficeKind.FRANCE_TRAVAIL, null);
    Node c = node("Interim Nord Lille", OfficeKind.TEMP_AGENCY, "Interim Nord");
    for (Node n : List.of(a, b, c)) {
      n.signInThrough(encrypting(n));
    }
    Node.trustEachOther(a, b, c);
    for (Node n : List.of(a, b, c)) {
      assertThat(LocalKeys.sealed(n.dir.resolve(LocalKeys.FILE))).as(n.name).isTrue();
    }
    UUID martin = a.addCandidate("Martin");
    a.setConsent(martin, true, false);
    a.sendTo(b);
    assertThat(b.dsl().fetchExists(CANDIDATE, CANDIDATE.ID.eq(martin))).isTrue();
    b.sendTo(c);
    assertThat(c.dsl().fetchExists(CANDIDATE, CANDIDATE.ID.eq(martin))).isTrue();
    UUID durand = c.addCandidate("Durand");
    c.setConsent(durand, true, false);
    c.sendTo(a);
    assertThat(a.dsl().fetchExists(CANDIDATE, CANDIDATE.ID.eq(durand))).isTrue();

    // signed in again (keys read back from their sealed file), still the same identities
    String fp = b.sync().identity().keys().fingerprint();
    b.signInThrough(encrypting(b));
    assertThat(b.sync().identity().keys().fingerprint()).isEqualTo(fp);
    a.sendTo(b);
    b.sendTo(a);
    assertThat(a.digest()).isEqualTo(b.digest());
  }

  /**
   * An installation encrypted before this change (its keys clear beside an encrypted database)
   * whose first sealing is killed after each step: the keys stay whole — clear before the rename,
   * sealed after — and the next sign-in seals them and syncs.
   */
  @ParameterizedTest
  @EnumSource(LocalKeys.Step.class)
  void aSealingKilledAtAnyStepLeavesUsableKeys(LocalKeys.Step step) throws Exception {
    Node a = node("FT Toulouse", OfficeKind.FRANCE_TRAVAIL, null);
    Node b = node("FT Albi", OfficeKind.FRANCE_TRAVAIL, null);
    LocalKeys clear = a.sync().identity().keys();
    String fingerprint = clear.fingerprint();
    Path file = a.dir.resolve(LocalKeys.FILE);
    byte[] clearBytes = Files.readAllBytes(file);
    a.signInThrough(encrypting(a));
    Node.trustEachOther(a, b);
    a.services.close();
    Files.write(file, clearBytes); // as the encryption of session 5 left it: keys clear

    KeyRing ring =
        KeyRing.unlock(
            a.dir,
            TestServices.ADMIN,
            TestServices.PASSWORD.toCharArray(),
            TestServices.FAST,
            a.clock);
    char[] pw = ring.h2FilePassword();
    Sealer sealer = Sealer.of(pw, LocalKeys.SEALER_LABEL);
    class Killed extends Error {}
    assertThatThrownBy(
            () ->
                LocalKeys.protect(
                    a.dir,
                    sealer,
                    s -> {
                      if (s == step) {
                        throw new Killed();
                      }
                    }))
        .isInstanceOf(Killed.class);
    boolean replaced = step == LocalKeys.Step.REPLACED;
    assertThat(LocalKeys.sealed(file)).isEqualTo(replaced);
    assertThat(LocalKeys.fingerprintOf(file)).isEqualTo(fingerprint);
    assertThat(LocalKeys.opensWith(file, java.util.Optional.of(sealer))).isTrue();

    a.signInThrough(encrypting(a));
    assertThat(LocalKeys.sealed(file)).isTrue();
    try (var files = Files.list(a.dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".sealing"));
    }
    assertThat(holding(a.dir, needles(clear))).isEmpty();
    UUID martin = a.addCandidate("Martin");
    a.setConsent(martin, true, false);
    SyncImportReport got = a.sendTo(b);
    assertThat(got.senderOffice()).isEqualTo("FT Toulouse");
    assertThat(b.dsl().fetchExists(CANDIDATE, CANDIDATE.ID.eq(martin))).isTrue();
    assertThat(b.sync().peers().all()).anyMatch(p -> p.fingerprint().equals(fingerprint));
  }

  /** Keys sealed by another database's key are refused, saying so, never used or replaced. */
  @Test
  void keysSealedByAnotherDatabaseAreRefused() throws Exception {
    Node a = node("FT Toulouse", OfficeKind.FRANCE_TRAVAIL, null);
    Node b = node("FT Albi", OfficeKind.FRANCE_TRAVAIL, null);
    a.signInThrough(encrypting(a));
    b.signInThrough(encrypting(b));
    a.sync().identity().keys();
    b.sync().identity().keys();
    b.services.close();
    Files.copy(
        a.dir.resolve(LocalKeys.FILE),
        b.dir.resolve(LocalKeys.FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    byte[] copied = Files.readAllBytes(b.dir.resolve(LocalKeys.FILE));
    b.signInThrough(encrypting(b));
    assertThatThrownBy(() -> b.sync().identity().keys())
        .hasMessageContaining("sealed by another database's key")
        .satisfies(
            e ->
                assertThat(
                        new fr.passerelle.ui.Messages(fr.passerelle.ui.Messages.FRENCH).describe(e))
                    .as("said in French in the sync view")
                    .startsWith("Les clés de synchronisation ")
                    .contains("scellées par la clé d’une autre base"));
    assertThat(Files.readAllBytes(b.dir.resolve(LocalKeys.FILE))).isEqualTo(copied);
  }
}
