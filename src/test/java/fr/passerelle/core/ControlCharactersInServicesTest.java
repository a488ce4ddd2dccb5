package fr.passerelle.core;

import static fr.passerelle.db.jooq.Tables.ACCOUNT;
import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.MEETING;
import static fr.passerelle.db.jooq.Tables.SOURCING_LIST;
import static fr.passerelle.db.jooq.Tables.TRAINING_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.accounts.AccountDraft;
import fr.passerelle.app.Services;
import fr.passerelle.meetings.MeetingDraft;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.meetings.Partner;
import fr.passerelle.meetings.PartnerKind;
import fr.passerelle.offers.Contract;
import fr.passerelle.offers.Offer;
import fr.passerelle.offers.OfferDraft;
import fr.passerelle.offers.OfferSource;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.sourcing.NewList;
import fr.passerelle.testsupport.OfferFixtures;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.training.FundingScheme;
import fr.passerelle.training.PathDraft;
import fr.passerelle.training.TrainingFixture;
import fr.passerelle.training.TrainingStatus;
import fr.passerelle.ui.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #22: every service that saves a text field refuses a control character (BEL, NUL, ESC…)
 * with a keyed error naming the field, and saves nothing — in the service, whatever the form did.
 */
class ControlCharactersInServicesTest {
  private static final String BEL = "\u0007";
  private static final String NUL = "\u0000";
  private static final String ESC = "\u001B";

  @TempDir Path dir;
  Services s;
  final Messages french = new Messages(Messages.FRENCH);

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir, new TestServices.ManualClock());
    s.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  /**
   * Runs {@code save}, expects the refusal and its French text, and that {@code table} is
   * unchanged.
   */
  private void refused(ThrowingCallable save, Table<?> table, String english, String text) {
    int before = s.db().dsl().fetchCount(table);
    assertThatThrownBy(save)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(english)
        .satisfies(e -> assertThat(french.describe(e)).isEqualTo(text));
    assertThat(s.db().dsl().fetchCount(table)).isEqualTo(before);
  }

  private static OfferDraft offer(String employer, String title, String description) {
    return new OfferDraft(
        null,
        employer,
        title,
        "D1102",
        OfferFixtures.TOULOUSE,
        Contract.CDD,
        2,
        OfferFixtures.TODAY,
        null,
        OfferSource.TEMP_AGENCY,
        description);
  }

  @Test
  void anOfferWithAControlCharacterIsRefusedNamingTheField() {
    var offers = s.offersModule().offers();
    refused(
        () -> offers.save(offer("Boulangerie Occitane", "Boulanger" + BEL, null)),
        JOB_OFFER,
        "title: control character (U+0007) not allowed",
        "Intitulé : caractère de contrôle (U+0007) interdit");
    refused(
        () -> offers.save(offer("Boulangerie" + NUL, "Boulanger", null)),
        EMPLOYER,
        "employer: control character (U+0000) not allowed",
        "Employeur : caractère de contrôle (U+0000) interdit");
    refused(
        () -> offers.save(offer("Boulangerie", "Boulanger", "Nuit" + ESC + "[31m")),
        JOB_OFFER,
        "description: control character (U+001B) not allowed",
        "Description : caractère de contrôle (U+001B) interdit");
    // a description keeps its line breaks and tabs
    Offer ok = offers.save(offer("Boulangerie", "Boulanger", "Nuit\n\tweek-end"));
    assertThat(ok.description()).isEqualTo("Nuit\n\tweek-end");
    assertThatThrownBy(() -> offers.setOverride(ok.id(), true, "Horaires" + BEL))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(french.describe(e))
                    .isEqualTo("Motif du forçage : caractère de contrôle (U+0007) interdit"));
    assertThat(offers.find(ok.id()).orElseThrow().hardToFillOverride()).isNull();
  }

  @Test
  void aMeetingWithAControlCharacterIsRefusedNamingTheField() {
    MeetingFixture fixture = new MeetingFixture(s);
    MeetingDraft good =
        fixture.draft("Info coll", MeetingFixture.NEXT_MONDAY.atTime(9, 30), 90, 10);
    refused(
        () -> s.meetings().create(withTitle(good, "Info" + BEL)),
        MEETING,
        "title: control character (U+0007) not allowed",
        "Titre : caractère de contrôle (U+0007) interdit");
    refused(
        () -> s.meetings().create(withNotesAndPartner(good, "ok\nligne 2", "Akto" + ESC)),
        MEETING,
        "partners: control character (U+001B) not allowed",
        "Partenaires : caractère de contrôle (U+001B) interdit");
    refused(
        () -> s.meetings().create(withNotesAndPartner(good, "note" + NUL, null)),
        MEETING,
        "notes: control character (U+0000) not allowed",
        "Notes : caractère de contrôle (U+0000) interdit");
    // the problem list the form shows has the field and the character
    MeetingDraft bad = withTitle(good, "Info" + BEL);
    assertThat(bad.problems(MeetingFixture.NEXT_MONDAY.atStartOfDay(), true, 0))
        .containsExactly(MeetingDraft.Problem.TITLE_CONTROL);
    assertThat(bad.controlCharacter(MeetingDraft.Problem.TITLE_CONTROL)).isEqualTo("U+0007");
    assertThat(s.meetings().create(withNotesAndPartner(good, "ok\nligne 2", "Akto")).notes())
        .isEqualTo("ok\nligne 2");
  }

  private static MeetingDraft withTitle(MeetingDraft d, String title) {
    return with(d, title, d.notes(), d.partners());
  }

  private static MeetingDraft withNotesAndPartner(MeetingDraft d, String notes, String partner) {
    return with(
        d,
        d.title(),
        notes,
        partner == null ? List.of() : List.of(new Partner(PartnerKind.EMPLOYER, partner)));
  }

  private static MeetingDraft with(
      MeetingDraft d, String title, String notes, List<Partner> partners) {
    return new MeetingDraft(
        d.officeId(),
        d.coOfficeId(),
        d.kind(),
        title,
        d.startsAt(),
        d.endsAt(),
        d.place(),
        d.room(),
        d.remoteLink(),
        d.capacity(),
        d.romeCode(),
        d.offerId(),
        notes,
        partners);
  }

  @Test
  void aTrainingPathWithAControlCharacterIsRefusedNamingTheField() {
    UUID candidate = TrainingFixture.candidate(s, "Martin", "Léa");
    PathDraft good = TrainingFixture.draft(candidate, FundingScheme.POEC, 350);
    PathDraft bell =
        new PathDraft(
            candidate,
            null,
            good.fromRomeCode(),
            good.targetRomeCode(),
            "Cariste" + BEL,
            good.provider(),
            good.place(),
            good.hours(),
            good.startsOn(),
            good.endsOn(),
            good.scheme(),
            good.amount(),
            null,
            null,
            null);
    refused(
        () -> s.training().create(bell, null, null, null),
        TRAINING_PATH,
        "title: control character (U+0007) not allowed",
        "Intitulé de la formation : caractère de contrôle (U+0007) interdit");
    refused(
        () -> s.training().create(good, null, "Idée" + ESC, null),
        TRAINING_PATH,
        "note: control character (U+001B) not allowed",
        "Note : caractère de contrôle (U+001B) interdit");
    var path = s.training().create(good, null, "Idée\nà creuser", null);
    assertThatThrownBy(
            () -> s.training().move(path.id(), TrainingStatus.APPLIED, "envoyé" + NUL, false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("U+0000");
    assertThat(s.training().find(path.id()).orElseThrow().status()).isEqualTo(TrainingStatus.IDEA);
  }

  @Test
  void accountsListsAndOfficeSettingsRefuseControlCharacters() {
    refused(
        () ->
            s.accounts()
                .create(
                    new AccountDraft(
                        "lea.martin", "Léa" + BEL, "Martin", List.of("COUNSELOR"), null, true),
                    "orange tabouret nuage rivière".toCharArray()),
        ACCOUNT,
        "first name: control character (U+0007) not allowed",
        "Prénom : caractère de contrôle (U+0007) interdit");
    assertThat(
            s.accounts()
                .create(
                    new AccountDraft(
                        "lea.martin", "Léa", "Martin", List.of("COUNSELOR"), null, true),
                    "orange tabouret nuage rivière".toCharArray())
                .login())
        .isEqualTo("lea.martin");
    refused(
        () -> s.sourcing().create(new NewList("Vivier" + ESC, null, "N1103", null, null)),
        SOURCING_LIST,
        "name: control character (U+001B) not allowed",
        "Nom de la liste : caractère de contrôle (U+001B) interdit");
    assertThatThrownBy(() -> s.offices().updateContact("12 rue Bayard" + NUL, null, null, null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(french.describe(e))
                    .isEqualTo("Adresse : caractère de contrôle (U+0000) interdit"));
    // an address may span several lines
    assertThat(
            s.offices().updateContact("12 rue Bayard\n31000 Toulouse", null, null, null).address())
        .isEqualTo("12 rue Bayard\n31000 Toulouse");
  }
}
