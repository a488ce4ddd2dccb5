package fr.passerelle.meetings;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;

import fr.passerelle.app.Services;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.office.Office;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An office's busy week (#19): 28 meetings from Monday 12 to Friday 16 January 2026 in six rooms —
 * information meetings, job datings, workshops, MRS sessions — with eight of them at once on
 * Tuesday morning and the first of the week at 08:30 on Thursday. The test clock's today is Monday
 * 5 January: this is next week.
 */
public final class CrowdedWeek {
  /** The crowded week's Monday. */
  public static final LocalDate MONDAY = MeetingFixture.NEXT_MONDAY;

  /** The crowded day: eight meetings between 09:00 and 12:00. */
  public static final LocalDate TUESDAY = MONDAY.plusDays(1);

  /** The week's first meeting starts at 08:30 (Thursday's welcome session). */
  public static final LocalDateTime FIRST_START = MONDAY.plusDays(3).atTime(8, 30);

  /** day (0 = Monday), start, minutes, kind, title, room. */
  private static final Object[][] WEEK = {
    {
      0, "09:00", 120, MeetingKind.INFO_COLLECTIVE, "Info coll préparateurs de commandes", "Garonne"
    },
    {0, "09:30", 120, MeetingKind.DISCOVERY_WORKSHOP, "Atelier CV et lettre", "Canal"},
    {0, "14:00", 120, MeetingKind.JOB_DATING, "Job dating logistique Fenouillet", "Capitole"},
    {0, "14:00", 60, MeetingKind.TRAINING_INFO, "Info POEI soudeurs", "Garonne"},
    {0, "16:30", 60, MeetingKind.NETWORK_INFO, "Point mission locale", "Visio"},
    {1, "09:00", 180, MeetingKind.JOB_DATING, "Job dating BTP Blagnac", "Capitole"},
    {1, "09:00", 90, MeetingKind.INFO_COLLECTIVE, "Info coll aide à domicile", "Garonne"},
    {1, "09:30", 90, MeetingKind.DISCOVERY_WORKSHOP, "Atelier découverte numérique", "Canal"},
    {1, "09:30", 60, MeetingKind.MRS, "MRS agents de propreté", "Salle 4"},
    {1, "10:00", 90, MeetingKind.NETWORK_INFO, "Réunion inter-réseaux Akto / FASTT", "Visio"},
    {1, "10:00", 120, MeetingKind.TRAINING_INFO, "Info POEI caristes CACES", "Salle 5"},
    {1, "10:30", 90, MeetingKind.DISCOVERY_WORKSHOP, "Atelier entretien d'embauche", "Salle 6"},
    {1, "11:00", 60, MeetingKind.INFO_COLLECTIVE, "Info création d'entreprise", "Salle 4"},
    {1, "14:00", 120, MeetingKind.JOB_DATING, "Job dating hôtellerie restauration", "Capitole"},
    {1, "15:00", 60, MeetingKind.MRS, "MRS téléconseillers", "Salle 4"},
    {2, "09:00", 90, MeetingKind.INFO_COLLECTIVE, "Info coll transport routier", "Garonne"},
    {2, "09:30", 120, MeetingKind.MRS, "MRS conducteurs de bus Tisséo", "Salle 4"},
    {2, "14:00", 90, MeetingKind.DISCOVERY_WORKSHOP, "Atelier découverte soins", "Canal"},
    {2, "14:30", 60, MeetingKind.TRAINING_INFO, "Info formation aide-soignant", "Salle 5"},
    {3, "08:30", 60, MeetingKind.INFO_COLLECTIVE, "Accueil collectif nouveaux inscrits", "Garonne"},
    {3, "09:30", 120, MeetingKind.FORUM, "Forum emploi saisonnier", "Hall"},
    {3, "10:00", 60, MeetingKind.DISCOVERY_WORKSHOP, "Atelier numérique : mon espace", "Canal"},
    {3, "10:00", 90, MeetingKind.JOB_DATING, "Job dating grande distribution", "Capitole"},
    {3, "14:00", 120, MeetingKind.INFO_COLLECTIVE, "Info coll métiers de l'industrie", "Garonne"},
    {4, "09:00", 120, MeetingKind.JOB_DATING, "Job dating aéronautique", "Capitole"},
    {4, "09:30", 60, MeetingKind.TRAINING_INFO, "Info formation électricien", "Salle 5"},
    {4, "10:00", 90, MeetingKind.DISCOVERY_WORKSHOP, "Atelier pitch", "Canal"},
    {4, "14:00", 60, MeetingKind.NETWORK_INFO, "Bilan de la semaine avec Cap emploi", "Visio"},
  };

  private final Services services;

  public CrowdedWeek(Services services) {
    this.services = services;
  }

  /** The week's meetings, created through the service (in the order of {@link #WEEK}). */
  public List<Meeting> create() {
    Office office = services.offices().current().orElse(null);
    List<Meeting> made = new ArrayList<>();
    for (Object[] w : WEEK) {
      LocalDateTime start =
          MONDAY.plusDays((Integer) w[0]).atTime(java.time.LocalTime.parse((String) w[1]));
      made.add(
          services
              .meetings()
              .create(
                  new MeetingDraft(
                      office == null ? null : office.id(),
                      null,
                      (MeetingKind) w[3],
                      (String) w[4],
                      start,
                      start.plusMinutes((Integer) w[2]),
                      "Agence Toulouse Matabiau, 12 rue Bayard",
                      (String) w[5],
                      null,
                      20,
                      "N1103",
                      null,
                      null,
                      List.of())));
    }
    return made;
  }

  /**
   * Gives the candidates long names, a phone number and long e-mail addresses, as a real list has
   * ("Marie-Hélène BERTRAND-LEFEBVRE", "marie-helene.bertrand-lefebvre@…").
   */
  public void longContacts(List<UUID> candidates) {
    String[][] names = {
      {"Marie-Hélène", "Bertrand-Lefebvre"},
      {"Jean-Christophe", "De La Fontaine-Rousseau"},
      {"Anne-Sophie", "Garcia Fernández"},
      {"Maximilien", "Vandenberghe"},
    };
    services
        .db()
        .dsl()
        .transaction(
            cfg -> {
              for (int i = 0; i < candidates.size(); i++) {
                CandidateRecord c =
                    cfg.dsl()
                        .selectFrom(CANDIDATE)
                        .where(CANDIDATE.ID.eq(candidates.get(i)))
                        .fetchOne();
                String[] n = names[i % names.length];
                c.setFirstName(n[0]);
                c.setLastName(n[1] + (i < names.length ? "" : "-" + i));
                c.setNameNorm(
                    fr.passerelle.db.TextNorm.normalize(c.getLastName() + " " + c.getFirstName()));
                c.setPhone("06 12 34 56 " + String.format("%02d", i % 100));
                c.setEmail(
                    fr.passerelle.db.TextNorm.normalize(n[0]).replace(' ', '-')
                        + "."
                        + fr.passerelle.db.TextNorm.normalize(n[1]).replace(' ', '-')
                        + i
                        + "@orange-business.fr");
                services.writer().update(cfg.dsl(), c);
              }
            });
  }
}
