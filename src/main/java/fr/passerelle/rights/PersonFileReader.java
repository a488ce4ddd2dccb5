package fr.passerelle.rights;

import static fr.passerelle.db.jooq.Tables.*;

import fr.passerelle.security.AuditAction;
import fr.passerelle.sync.Disclosures;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/** Reads everything about one person into a {@link PersonFile}, section by section. */
final class PersonFileReader {
  private final DSLContext ctx;
  private final boolean sensitive;

  PersonFileReader(DSLContext ctx, boolean sensitive) {
    this.ctx = ctx;
    this.sensitive = sensitive;
  }

  PersonFile read(UUID person, OffsetDateTime now, String madeBy) {
    var c =
        ctx.selectFrom(CANDIDATE)
            .where(CANDIDATE.ID.eq(person))
            .and(CANDIDATE.DELETED.isFalse())
            .fetchOptional()
            .orElseThrow(
                () ->
                    fr.passerelle.core.InvalidInputException.of(
                        "rights.error.gone",
                        "No person with the id " + person + " here (or already erased).",
                        person));
    String office = officeName(c.getOfficeId());
    var own =
        ctx.select(OFFICE.NAME, OFFICE.ORGANISATION)
            .from(REPLICA)
            .join(OFFICE)
            .on(OFFICE.ID.eq(REPLICA.OFFICE_ID))
            .where(REPLICA.IS_CURRENT.isTrue())
            .fetchOne();
    List<PersonFile.Section> sections = new ArrayList<>();
    sections.add(identity(c, office));
    sections.add(criteria(person));
    sections.add(occupations(person));
    sections.add(consent(person));
    sections.add(consentHistory(person));
    sections.add(lists(person));
    sections.add(meetings(person));
    sections.add(trainingPaths(person));
    sections.add(trainingSteps(person));
    sections.add(disclosures(person));
    return new PersonFile(
        person,
        ((c.getFirstName() == null ? "" : c.getFirstName())
                + " "
                + (c.getLastName() == null ? "" : c.getLastName()))
            .trim(),
        own == null ? null : own.value1(),
        own == null ? null : own.value2(),
        now,
        madeBy,
        sensitive,
        List.copyOf(sections));
  }

  private String officeName(UUID id) {
    return id == null
        ? null
        : ctx.select(OFFICE.NAME).from(OFFICE).where(OFFICE.ID.eq(id)).fetchOne(OFFICE.NAME);
  }

  private String counselorName(UUID id) {
    if (id == null) {
      return null;
    }
    var r =
        ctx.select(COUNSELOR.FIRST_NAME, COUNSELOR.LAST_NAME)
            .from(COUNSELOR)
            .where(COUNSELOR.ID.eq(id))
            .fetchOne();
    return r == null
        ? null
        : ((r.value1() == null ? "" : r.value1()) + " " + (r.value2() == null ? "" : r.value2()))
            .trim();
  }

  private PersonFile.Section identity(
      fr.passerelle.db.jooq.tables.records.CandidateRecord c, String office) {
    String commune =
        c.getCommuneCode() == null
            ? null
            : ctx.select(COMMUNE.NAME)
                .from(COMMUNE)
                .where(COMMUNE.INSEE_CODE.eq(c.getCommuneCode()))
                .fetchOne(COMMUNE.NAME);
    PersonFile.Item item =
        new PersonFile.ItemBuilder("Dossier")
            .put("id", "Identifiant", c.getId().toString())
            .put("lastName", "Nom", c.getLastName())
            .put("firstName", "Prénom", c.getFirstName())
            .put(
                "civility",
                "Civilité",
                // in words, as the person reads it ("rights" does not depend on "candidates")
                "MADAME".equals(c.getCivility())
                    ? "Madame"
                    : "MONSIEUR".equals(c.getCivility()) ? "Monsieur" : null)
            .put("birthDate", "Date de naissance", c.getBirthDate())
            .put("franceTravailId", "Identifiant France Travail", c.getFtIdentifier())
            .put("email", "Courriel", c.getEmail())
            .put("phone", "Téléphone", c.getPhone())
            .put("address", "Adresse", c.getAddress())
            .put(
                "commune",
                "Commune",
                commune == null ? c.getCommuneCode() : commune + " (" + c.getCommuneCode() + ")")
            .put("mobilityKm", "Mobilité (km)", c.getMobilityKm())
            .put("drivingLicence", "Permis de conduire", c.getDrivingLicence())
            .put("availableFrom", "Disponible à partir du", c.getAvailableFrom())
            .put("status", "Situation", c.getStatus())
            .put("registeredOn", "Inscrit(e) le", c.getRegisteredOn())
            .put("office", "Agence qui suit la personne", office)
            .put("notes", "Notes", c.getNotes())
            .build();
    return new PersonFile.Section("file", "Dossier", List.of(item), null);
  }

  private PersonFile.Section criteria(UUID person) {
    List<PersonFile.Item> items = new ArrayList<>();
    boolean withheld = false;
    for (var r :
        ctx.selectFrom(CANDIDATE_CRITERION)
            .where(CANDIDATE_CRITERION.CANDIDATE_ID.eq(person))
            .and(CANDIDATE_CRITERION.DELETED.isFalse())
            .orderBy(CANDIDATE_CRITERION.CRITERION)
            .fetch()) {
      if (PersonRightsService.isSensitive(r.getCriterion()) && !sensitive) {
        withheld = true;
        continue;
      }
      items.add(
          new PersonFile.ItemBuilder(r.getCriterion())
              .put("criterion", "Critère", r.getCriterion())
              .put("since", "Depuis le", r.getSince())
              .put("proofSeen", "Justificatif vu", r.getProofSeen())
              .put("proofSeenOn", "Justificatif vu le", r.getProofSeenOn())
              .build());
    }
    // the note does not say whether health criteria exist: only that this export cannot show them
    String note =
        sensitive
            ? null
            : "Les critères de santé (RQTH, AAH) ne figurent pas dans cet export : le compte qui l'a"
                + " fait n'a pas la permission de les afficher (SENSITIVE_READ). Un compte autorisé"
                + " doit refaire l'export pour les inclure.";
    return new PersonFile.Section(
        "criteria", "Critères (publics prioritaires)", items, withheld || !sensitive ? note : null);
  }

  private PersonFile.Section occupations(UUID person) {
    List<PersonFile.Item> items = new ArrayList<>();
    for (var r :
        ctx.select(
                CANDIDATE_OCCUPATION.ROME_CODE,
                OCCUPATION.LABEL,
                CANDIDATE_OCCUPATION.EXPERIENCE_YEARS)
            .from(CANDIDATE_OCCUPATION)
            .leftJoin(OCCUPATION)
            .on(OCCUPATION.ROME_CODE.eq(CANDIDATE_OCCUPATION.ROME_CODE))
            .where(CANDIDATE_OCCUPATION.CANDIDATE_ID.eq(person))
            .and(CANDIDATE_OCCUPATION.DELETED.isFalse())
            .orderBy(CANDIDATE_OCCUPATION.ROME_CODE)
            .fetch()) {
      items.add(
          new PersonFile.ItemBuilder(r.value1())
              .put("romeCode", "Code ROME", r.value1())
              .put("label", "Métier", r.value2())
              .put("experienceYears", "Années d'expérience", r.value3())
              .build());
    }
    return new PersonFile.Section("occupations", "Métiers recherchés", items, null);
  }

  private PersonFile.Section consent(UUID person) {
    List<PersonFile.Item> items = new ArrayList<>();
    var r =
        ctx.selectFrom(CANDIDATE_CONSENT)
            .where(CANDIDATE_CONSENT.ID.eq(person))
            .and(CANDIDATE_CONSENT.DELETED.isFalse())
            .fetchOne();
    if (r != null) {
      items.add(
          new PersonFile.ItemBuilder("Consentement")
              .put("share", "Partage avec les organisations partenaires", r.getShare())
              .put("shareAt", "Partage : décidé le", r.getShareAt())
              .put("sensitive", "Partage des données de santé", r.getSensitive())
              .put("sensitiveAt", "Données de santé : décidé le", r.getSensitiveAt())
              .put("recordedBy", "Enregistré par", counselorName(r.getRecordedBy()))
              .build());
    }
    return new PersonFile.Section(
        "consent", "Consentement", items, r == null ? "Aucun consentement enregistré." : null);
  }

  private PersonFile.Section consentHistory(UUID person) {
    List<PersonFile.Item> items = new ArrayList<>();
    for (var r :
        ctx.select(AUDIT_ENTRY.AT, AUDIT_ENTRY.ACTOR, AUDIT_ENTRY.ORGANISATION, AUDIT_ENTRY.DETAILS)
            .from(AUDIT_ENTRY)
            .where(AUDIT_ENTRY.PERSON_ID.eq(person))
            .and(AUDIT_ENTRY.ACTION.eq(AuditAction.CONSENT_CHANGED.name()))
            .orderBy(AUDIT_ENTRY.AT)
            .fetch()) {
      items.add(
          new PersonFile.ItemBuilder("Changement du consentement")
              .put("at", "Le", r.value1())
              .put("by", "Par", r.value2())
              .put("organisation", "Organisation", r.value3())
              .put("change", "Consentement enregistré", r.value4())
              .build());
    }
    return new PersonFile.Section(
        "consentHistory",
        "Historique du consentement",
        items,
        "D'après le journal d'audit de l'organisation (les changements enregistrés par ses agences).");
  }

  private PersonFile.Section lists(UUID person) {
    List<PersonFile.Item> items = new ArrayList<>();
    for (var r :
        ctx.select(
                SOURCING_LIST.NAME,
                SOURCING_ENTRY.STATUS,
                SOURCING_ENTRY.ADDED_ON,
                SOURCING_ENTRY.SCORE,
                SOURCING_ENTRY.HISTORY,
                SOURCING_LIST.CLOSED_ON)
            .from(SOURCING_ENTRY)
            .leftJoin(SOURCING_LIST)
            .on(SOURCING_LIST.ID.eq(SOURCING_ENTRY.LIST_ID))
            .where(SOURCING_ENTRY.CANDIDATE_ID.eq(person))
            .and(SOURCING_ENTRY.DELETED.isFalse())
            .orderBy(SOURCING_ENTRY.ADDED_ON)
            .fetch()) {
      items.add(
          new PersonFile.ItemBuilder(r.value1() == null ? "Liste" : r.value1())
              .put("list", "Liste", r.value1())
              .put("status", "Étape", r.value2())
              .put("addedOn", "Ajouté(e) le", r.value3())
              .put("score", "Score", r.value4())
              .put("history", "Historique", r.value5())
              .put("listClosedOn", "Liste close le", r.value6())
              .build());
    }
    return new PersonFile.Section("lists", "Listes de sourcing", items, null);
  }

  private PersonFile.Section meetings(UUID person) {
    List<PersonFile.Item> items = new ArrayList<>();
    for (var r :
        ctx.select(
                MEETING.TITLE,
                MEETING.KIND,
                MEETING.STARTS_AT,
                MEETING.PLACE,
                MEETING_PARTICIPANT.STATUS,
                MEETING_PARTICIPANT.INVITED_AT)
            .from(MEETING_PARTICIPANT)
            .leftJoin(MEETING)
            .on(MEETING.ID.eq(MEETING_PARTICIPANT.MEETING_ID))
            .where(MEETING_PARTICIPANT.CANDIDATE_ID.eq(person))
            .and(MEETING_PARTICIPANT.DELETED.isFalse())
            .orderBy(MEETING.STARTS_AT)
            .fetch()) {
      items.add(
          new PersonFile.ItemBuilder(r.value1() == null ? "Réunion" : r.value1())
              .put("meeting", "Réunion", r.value1())
              .put("kind", "Type", r.value2())
              .put("startsAt", "Date", r.value3())
              .put("place", "Lieu", r.value4())
              .put("attendance", "Inscription / présence", r.value5())
              .put("invitedAt", "Invité(e) le", r.value6())
              .build());
    }
    return new PersonFile.Section("meetings", "Réunions et émargement", items, null);
  }

  private PersonFile.Section trainingPaths(UUID person) {
    List<PersonFile.Item> items = new ArrayList<>();
    for (var r :
        ctx.selectFrom(TRAINING_PATH)
            .where(TRAINING_PATH.CANDIDATE_ID.eq(person))
            .and(TRAINING_PATH.DELETED.isFalse())
            .orderBy(TRAINING_PATH.STARTS_ON)
            .fetch()) {
      items.add(
          new PersonFile.ItemBuilder(r.getTitle() == null ? "Parcours" : r.getTitle())
              .put("title", "Formation", r.getTitle())
              .put("provider", "Organisme", r.getProvider())
              .put("place", "Lieu", r.getPlace())
              .put("fromRome", "Métier d'origine", r.getFromRomeCode())
              .put("targetRome", "Métier visé", r.getTargetRomeCode())
              .put("hours", "Heures", r.getHours())
              .put("startsOn", "Début", r.getStartsOn())
              .put("endsOn", "Fin", r.getEndsOn())
              .put("funding", "Financement", r.getFundingScheme())
              .put(
                  "fundingAmount",
                  "Montant",
                  r.getFundingAmount() == null ? null : r.getFundingAmount().toPlainString())
              .put("status", "Étape", r.getStatus())
              .put("outcome", "Résultat à six mois", r.getOutcome())
              .put("outcomeOn", "Résultat constaté le", r.getOutcomeOn())
              .put("counselor", "Conseiller", counselorName(r.getCounselorId()))
              .build());
    }
    return new PersonFile.Section("trainingPaths", "Parcours de formation", items, null);
  }

  private PersonFile.Section trainingSteps(UUID person) {
    List<PersonFile.Item> items = new ArrayList<>();
    for (var r :
        ctx.select(
                TRAINING_PATH.TITLE,
                TRAINING_EVENT.AT,
                TRAINING_EVENT.FROM_STATUS,
                TRAINING_EVENT.TO_STATUS,
                TRAINING_EVENT.NOTE)
            .from(TRAINING_EVENT)
            .join(TRAINING_PATH)
            .on(TRAINING_PATH.ID.eq(TRAINING_EVENT.PATH_ID))
            .where(TRAINING_PATH.CANDIDATE_ID.eq(person))
            .and(TRAINING_EVENT.DELETED.isFalse())
            .orderBy(TRAINING_EVENT.AT)
            .fetch()) {
      items.add(
          new PersonFile.ItemBuilder(r.value1() == null ? "Parcours" : r.value1())
              .put("path", "Parcours", r.value1())
              .put("at", "Le", r.value2())
              .put("from", "De", r.value3())
              .put("to", "À", r.value4())
              .put("note", "Note", r.value5())
              .build());
    }
    return new PersonFile.Section("trainingSteps", "Étapes des parcours", items, null);
  }

  private PersonFile.Section disclosures(UUID person) {
    List<PersonFile.Item> items = new ArrayList<>();
    for (Disclosures.Disclosure d : Disclosures.of(ctx, person)) {
      items.add(
          new PersonFile.ItemBuilder(d.organisation())
              .put("organisation", "Organisation", d.organisation())
              .put("firstAt", "Premier envoi", d.firstAt())
              .put("lastAt", "Dernier envoi", d.lastAt())
              .put("files", "Fichiers de synchronisation", d.files())
              .build());
    }
    return new PersonFile.Section(
        "disclosures",
        "Organisations partenaires destinataires",
        items,
        "Envois par fichier de synchronisation à une autre organisation, relevés à chaque envoi"
            + " depuis cette version. Les agences de notre propre organisation reçoivent aussi le"
            + " dossier.");
  }
}
