package fr.passerelle.ui.shell;

import static fr.passerelle.db.jooq.Tables.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import fr.passerelle.ui.Languages;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final List<String> IDS =
      List.of("dashboard", "meetings", "candidates", "offers", "lists", "training", "sync");

  @TempDir static Path dir;
  static final ManualClock clock = new ManualClock();
  static Services services;
  ShellViewModel vm;

  @BeforeAll
  static void open() {
    services = TestServices.open(dir, clock);
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
  }

  @AfterAll
  static void close() {
    services.close();
  }

  @BeforeEach
  void setUp() {
    services.db().dsl().deleteFrom(PEER).execute();
    services.settings().put(Languages.SETTING, "fr");
    vm = newVm(Messages.FRENCH);
  }

  private ShellViewModel newVm(Locale locale) {
    return new ShellViewModel(
        new UiContext(services, new SameThreadTaskRunner(), new Messages(locale)), IDS, PARIS);
  }

  @Test
  void selectsByIndexAndByIdAndIgnoresWhatDoesNotExist() {
    assertThat(vm.selectedId()).isEqualTo("dashboard");
    vm.select(2);
    assertThat(vm.selectedId()).isEqualTo("candidates");
    assertThat(vm.select("sync")).isTrue();
    assertThat(vm.selectedProperty().get()).isEqualTo(6);
    vm.select(7);
    vm.select(-1);
    assertThat(vm.select("nowhere")).isFalse();
    assertThat(vm.selectedId()).isEqualTo("sync");
  }

  @Test
  void statusSaysOfficeDatabaseFolderAndNeverSynced() {
    vm.refreshStatus();
    assertThat(vm.officeProperty().get()).isEqualTo("Agence Toulouse Matabiau");
    assertThat(vm.databaseProperty().get()).isEqualTo(dir.toAbsolutePath().toString());
    assertThat(vm.lastSyncProperty().get()).isEqualTo("jamais");
    assertThat(vm.errorProperty().get()).isEmpty();
  }

  @Test
  void lastSyncIsTheLatestImportOrExportOfAnyPeer() {
    OffsetDateTime now = Instant.ofEpochMilli(clock.millis()).atOffset(ZoneOffset.UTC);
    peer(now.minusDays(3), now.minusDays(10));
    peer(null, now.minusHours(1)); // 2026-01-05 08:00 UTC = 09:00 in Paris
    vm.refreshStatus();
    assertThat(vm.lastSyncProperty().get()).isEqualTo("aujourd'hui à 09:00");
    ShellViewModel en = newVm(Messages.ENGLISH);
    en.refreshStatus();
    assertThat(en.lastSyncProperty().get()).startsWith("today at");
  }

  @Test
  void describesOlderExchangesInDays() {
    OffsetDateTime now = Instant.ofEpochMilli(clock.millis()).atOffset(ZoneOffset.UTC);
    assertThat(vm.describe(now.minusDays(1))).startsWith("hier à");
    assertThat(vm.describe(now.minusDays(3))).isEqualTo("il y a 3 j");
    assertThat(vm.describe(now.minusDays(60))).contains("2025");
  }

  @Test
  void changingTheLanguageSavesTheSettingThenAsksForARebuild() {
    AtomicReference<Locale> rebuilt = new AtomicReference<>();
    vm.changeLanguage(Messages.FRENCH, rebuilt::set);
    assertThat(rebuilt.get()).as("same language: nothing to do").isNull();
    vm.changeLanguage(Messages.ENGLISH, rebuilt::set);
    assertThat(rebuilt.get()).isEqualTo(Messages.ENGLISH);
    assertThat(services.settings().get(Languages.SETTING)).contains("en");
    assertThat(Languages.load(services.settings())).isEqualTo(Messages.ENGLISH);
  }

  private static void peer(OffsetDateTime lastImport, OffsetDateTime lastExport) {
    services
        .db()
        .dsl()
        .insertInto(PEER)
        .set(PEER.REPLICA_ID, UUID.randomUUID())
        .set(PEER.OFFICE_NAME, "Agence intérim Albi")
        .set(PEER.ORGANISATION, "Intérim Sud")
        .set(PEER.OFFICE_KIND, "TEMP_AGENCY")
        .set(PEER.IDENTITY_CARD, "{}")
        .set(PEER.FINGERPRINT, "AAAA")
        .set(PEER.TRUSTED_AT, OffsetDateTime.now())
        .set(PEER.LAST_IMPORT_AT, lastImport)
        .set(PEER.LAST_EXPORT_AT, lastExport)
        .execute();
  }
}
