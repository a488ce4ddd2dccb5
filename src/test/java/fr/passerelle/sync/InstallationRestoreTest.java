package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.PEER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.office.OfficeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: a backup of another installation is not restored by default (the folder would present
 * itself as that office while keeping this one's keys); moving an installation to a new workstation
 * keeps its office and its keys together, with a new replica id (ADR 0087).
 */
class InstallationRestoreTest {
  @TempDir Path root;
  Node a;
  Node t;
  Node b;
  Path backupOfT;
  Path keysOfT;
  String fingerprintOfA;
  String fingerprintOfT;

  @BeforeEach
  void setUp() throws IOException {
    a = Node.create(root, "FT Toulouse", OfficeKind.FRANCE_TRAVAIL, null);
    t = Node.create(root, "Interim Nord Lille", OfficeKind.TEMP_AGENCY, "Interim Nord");
    b = Node.create(root, "FT Albi", OfficeKind.FRANCE_TRAVAIL, null);
    Node.trustEachOther(a, t, b);
    fingerprintOfA = a.sync().identity().keys().fingerprint();
    fingerprintOfT = t.sync().identity().keys().fingerprint();
    UUID c = t.addCandidate("Martin");
    t.setConsent(c, true, false);
    t.sendTo(b);
    backupOfT = root.resolve("backup-interim.zip");
    InstallationBackup.backup(t.services.db(), backupOfT, t.clock);
    keysOfT = root.resolve("old-workstation-sync-keys.json");
    Files.copy(t.dir.resolve(LocalKeys.FILE), keysOfT);
  }

  @AfterEach
  void tearDown() {
    a.close();
    t.close();
    b.close();
  }

  private String officeOf(Node n) {
    return n.services.offices().current().orElseThrow().name();
  }

  @Test
  void anotherOfficesBackupIsRefusedNamingBothOffices() throws IOException {
    String digest = a.digest();
    UUID replica = a.replica();
    byte[] keys = Files.readAllBytes(a.dir.resolve(LocalKeys.FILE));
    a.close();
    assertThatThrownBy(
            () ->
                InstallationBackup.restore(
                    a.dir, backupOfT, false, null, fr.passerelle.db.WallClock.system()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("made by the office \"Interim Nord Lille\" (Interim Nord)")
        .hasMessageContaining("this installation is the office \"FT Toulouse\" (France Travail)")
        .hasMessageContaining("--move-installation");
    a.reopen();
    assertThat(officeOf(a)).isEqualTo("FT Toulouse");
    assertThat(a.replica()).isEqualTo(replica);
    assertThat(a.digest()).isEqualTo(digest);
    assertThat(Files.readAllBytes(a.dir.resolve(LocalKeys.FILE))).isEqualTo(keys);
    try (var files = Files.list(a.dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.contains("before-restore") || n.startsWith("restore-"));
    }
  }

  /**
   * The old workstation's backup and keys file moved to a new one (here a folder that held another
   * office): the office comes with its keys, the replica id is new, and its partner goes on
   * exchanging with it without trusting it again.
   */
  @Test
  void movingAnInstallationKeepsItsOfficeAndKeysTogether() {
    a.close();
    InstallationBackup.Restored r =
        InstallationBackup.restore(
            a.dir, backupOfT, true, keysOfT, fr.passerelle.db.WallClock.system());
    a.reopen();
    assertThat(r.office()).isEqualTo("Interim Nord Lille");
    assertThat(r.fingerprint()).hasValue(fingerprintOfT);
    assertThat(r.keysSetAside()).isPresent();
    assertThat(LocalKeys.load(r.keysSetAside().get()).fingerprint()).isEqualTo(fingerprintOfA);
    IdentityCard card = a.sync().identity().card();
    assertThat(card.office()).isEqualTo("Interim Nord Lille");
    assertThat(card.organisation()).isEqualTo("Interim Nord");
    assertThat(card.fingerprint()).isEqualTo(fingerprintOfT);
    assertThat(card.replicaId()).isEqualTo(r.replicaId()).isNotEqualTo(t.replica());
    assertThat(officeOf(a)).isEqualTo("Interim Nord Lille");

    UUID c = a.addCandidate("Durand");
    a.setConsent(c, true, false);
    SyncImportReport got = b.importFile(a.exportTo(b, false));
    assertThat(got.senderOffice()).isEqualTo("Interim Nord Lille");
    assertThat(b.dsl().fetchExists(CANDIDATE, CANDIDATE.ID.eq(c))).isTrue();
    assertThat(b.dsl().fetchExists(PEER, PEER.REPLICA_ID.eq(r.replicaId()))).isTrue();
  }

  /** Without its keys, the moved installation gets new ones: never this folder's old ones. */
  @Test
  void movingWithoutItsKeysGivesItNewOnes() {
    a.close();
    InstallationBackup.Restored r =
        InstallationBackup.restore(
            a.dir, backupOfT, true, null, fr.passerelle.db.WallClock.system());
    a.reopen();
    assertThat(r.fingerprint()).isEmpty();
    assertThat(r.keysSetAside()).isPresent();
    IdentityCard card = a.sync().identity().card();
    assertThat(card.office()).isEqualTo("Interim Nord Lille");
    assertThat(card.fingerprint()).isNotEqualTo(fingerprintOfA).isNotEqualTo(fingerprintOfT);
    assertThat(card.replicaId()).isNotEqualTo(t.replica());
  }

  @Test
  void keysOfAnotherInstallationAreRefused() throws IOException {
    Path keysOfA = root.resolve("a-keys.json");
    Files.copy(a.dir.resolve(LocalKeys.FILE), keysOfA);
    a.close();
    assertThatThrownBy(
            () ->
                InstallationBackup.restore(
                    a.dir, backupOfT, true, keysOfA, fr.passerelle.db.WallClock.system()))
        .hasMessageContaining("are not those of the installation that made")
        .hasMessageContaining(fingerprintOfT);
    a.reopen();
    assertThat(officeOf(a)).isEqualTo("FT Toulouse");
  }

  /** A folder with no office yet but another installation's keys is no place for the backup. */
  @Test
  void anEmptyFolderHoldingOtherKeysIsRefusedUnlessMoving() throws IOException {
    Path fresh = root.resolve("fresh");
    Files.createDirectories(fresh);
    LocalKeys.loadOrCreate(fresh);
    assertThatThrownBy(
            () ->
                InstallationBackup.restore(
                    fresh, backupOfT, false, null, fr.passerelle.db.WallClock.system()))
        .hasMessageContaining("holds other keys");
    Path clean = root.resolve("clean");
    InstallationBackup.Restored r =
        InstallationBackup.restore(
            clean, backupOfT, false, keysOfT, fr.passerelle.db.WallClock.system());
    assertThat(r.office()).isEqualTo("Interim Nord Lille");
    assertThat(r.fingerprint()).hasValue(fingerprintOfT);
  }

  /** Its own backup restores as before: same office, same keys, a new replica id. */
  @Test
  void itsOwnBackupNeedsNoOption() throws IOException {
    Path own = root.resolve("backup-a.zip");
    InstallationBackup.backup(a.services.db(), own, a.clock);
    UUID before = a.replica();
    a.close();
    InstallationBackup.Restored r =
        InstallationBackup.restore(a.dir, own, false, null, fr.passerelle.db.WallClock.system());
    a.reopen();
    assertThat(r.office()).isEqualTo("FT Toulouse");
    assertThat(r.fingerprint()).hasValue(fingerprintOfA);
    assertThat(r.keysSetAside()).isEmpty();
    assertThat(a.replica()).isEqualTo(r.replicaId()).isNotEqualTo(before);
  }
}
