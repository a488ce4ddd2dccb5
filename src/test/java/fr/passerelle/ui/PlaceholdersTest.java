package fr.passerelle.ui;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceholdersTest {
  @TempDir static Path dir;
  static Services services;
  static UiContext ctx;

  @BeforeAll
  static void open() {
    services = TestServices.withOffice(dir, "Agence Albi", OfficeKind.FRANCE_TRAVAIL);
    ctx = new UiContext(services, new SameThreadTaskRunner(), new Messages(Messages.FRENCH));
    services
        .db()
        .dsl()
        .transaction(
            cfg -> {
              for (int i = 0; i < 250; i++) {
                CandidateRecord c = cfg.dsl().newRecord(CANDIDATE);
                c.setLastName(String.format("NOM%03d", i));
                c.setFirstName("Prénom");
                c.setNameNorm(String.format("nom%03d prenom", i));
                c.setCommuneCode("81004"); // Albi
                services.writer().insert(cfg.dsl(), c);
              }
            });
    services
        .db()
        .dsl()
        .transaction(
            cfg ->
                services
                    .writer()
                    .delete(
                        cfg.dsl(),
                        CANDIDATE,
                        cfg.dsl()
                            .select(CANDIDATE.ID)
                            .from(CANDIDATE)
                            .where(CANDIDATE.LAST_NAME.eq("NOM000"))
                            .fetchSingle(CANDIDATE.ID)));
  }

  @AfterAll
  static void close() {
    services.close();
  }

  @Test
  void theEntriesInTheOrderOfTheRail() {
    assertThat(Features.all(ctx))
        .extracting(FeatureView::id)
        .containsExactly(
            "dashboard",
            "meetings",
            "candidates",
            "offers",
            "lists",
            "training",
            "sync",
            "accounts",
            "audit");
    for (FeatureView f : Features.all(ctx)) {
      assertThat(ctx.messages().get(f.titleKey())).isNotBlank();
    }
  }

  @Test
  void candidatesArePagedSkipTombstonesAndShowTheCommuneName() {
    PlaceholderFeature candidates = (PlaceholderFeature) Placeholders.candidates(ctx);
    List<List<Object>> page = candidates.loadPage();
    assertThat(page).hasSize(PlaceholderFeature.PAGE);
    assertThat(page.get(0)).startsWith("NOM001", "Prénom", "Albi");
  }

  @Test
  void dashboardCountsLiveRowsPerTable() {
    List<List<Object>> page = ((PlaceholderFeature) Placeholders.dashboard(ctx)).loadPage();
    assertThat(page).contains(List.of("Candidats", 249), List.of("Agences", 1));
  }

  @Test
  void everyPlaceholderLoadsOnAnEmptyishDatabase() {
    for (FeatureView f : Features.all(ctx)) {
      if (f instanceof PlaceholderFeature p) {
        assertThat(p.loadPage()).as(f.id()).isNotNull();
      }
    }
    assertThat(((PlaceholderFeature) Placeholders.meetings(ctx)).loadPage()).isEmpty();
  }

  @Test
  void formatsValuesTheFrenchWay() {
    PlaceholderFeature p = (PlaceholderFeature) Placeholders.offers(ctx);
    assertThat(p.format(java.time.LocalDate.of(2025, 12, 8))).isEqualTo("8 déc. 2025");
    assertThat(p.format(true)).isEqualTo("oui");
    assertThat(p.format(null)).isEmpty();
  }
}
