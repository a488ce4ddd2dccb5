package fr.passerelle.meetings;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.SOURCING_ENTRY;
import static fr.passerelle.db.jooq.Tables.SOURCING_LIST;

import fr.passerelle.app.Services;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.TextNorm;
import fr.passerelle.db.jooq.tables.records.CandidateRecord;
import fr.passerelle.db.jooq.tables.records.SourcingEntryRecord;
import fr.passerelle.db.jooq.tables.records.SourcingListRecord;
import fr.passerelle.office.Office;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/** Test data written the way the other features write it: through the ReplicatedWriter. */
public final class MeetingFixture {
  /** The Monday after the test clock's start (2026-01-05). */
  public static final LocalDate NEXT_MONDAY = LocalDate.of(2026, 1, 12);

  private static final String[] LAST =
      "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefèvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Müller Lefebvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer Dufour Meunier"
          .split(" ");
  private static final String[] FIRST =
      "Léa Chloé Inès Zoé Jérôme Hélène Gaëlle Noémie Anaïs Françoise Théo Raphaël Maël Loïc Cécile Élodie Joël Agnès Benoît Céline"
          .split(" ");

  private final Services services;

  public MeetingFixture(Services services) {
    this.services = services;
  }

  /** {@code n} candidates with French names (accents included), in one transaction. */
  public List<UUID> candidates(int n) {
    return candidates(n, "");
  }

  public List<UUID> candidates(int n, String suffix) {
    List<UUID> ids = new ArrayList<>();
    ReplicatedWriter w = services.writer();
    services
        .db()
        .dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              for (int i = 0; i < n; i++) {
                CandidateRecord c = tx.newRecord(CANDIDATE);
                c.setLastName(
                    LAST[i % LAST.length]
                        + (i >= LAST.length ? "-" + (i / LAST.length) : "")
                        + suffix);
                c.setFirstName(FIRST[i % FIRST.length]);
                c.setNameNorm(TextNorm.normalize(c.getLastName() + " " + c.getFirstName()));
                c.setAddress((i + 1) + " rue des Lilas");
                c.setCommuneCode("31555");
                c.setStatus("ACTIVE");
                w.insert(tx, c);
                ids.add(c.getId());
              }
            });
    return ids;
  }

  /** Gives the candidate an e-mail address (through the replicated writer). */
  public void email(UUID candidate, String email) {
    services
        .db()
        .dsl()
        .transaction(
            cfg -> {
              CandidateRecord c =
                  cfg.dsl().selectFrom(CANDIDATE).where(CANDIDATE.ID.eq(candidate)).fetchOne();
              c.setEmail(email);
              services.writer().update(cfg.dsl(), c);
            });
  }

  /** A sourcing list holding {@code candidates}, best score first in the given order. */
  public UUID sourcingList(String name, List<UUID> candidates) {
    SourcingListRecord[] list = new SourcingListRecord[1];
    services
        .db()
        .dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              SourcingListRecord l = tx.newRecord(SOURCING_LIST);
              l.setName(name);
              l.setCreatedOn(LocalDate.of(2026, 1, 2));
              services.writer().insert(tx, l);
              for (int i = 0; i < candidates.size(); i++) {
                SourcingEntryRecord e = tx.newRecord(SOURCING_ENTRY);
                e.setListId(l.getId());
                e.setCandidateId(candidates.get(i));
                e.setStatus("PROPOSED");
                e.setScore(1000 - i);
                e.setAddedOn(LocalDate.of(2026, 1, 2));
                services.writer().insert(tx, e);
              }
              list[0] = l;
            });
    return list[0].getId();
  }

  public MeetingDraft draft(String title, LocalDateTime start, int minutes, Integer capacity) {
    Office office = services.offices().current().orElse(null);
    return new MeetingDraft(
        office == null ? null : office.id(),
        null,
        MeetingKind.INFO_COLLECTIVE,
        title,
        start,
        start.plusMinutes(minutes),
        "Agence Toulouse Matabiau, 12 rue Bayard",
        "Garonne",
        null,
        capacity,
        "N1103",
        null,
        null,
        List.of(new Partner(PartnerKind.AKTO, null), new Partner(PartnerKind.FASTT, null)));
  }

  public Meeting meeting(String title, LocalDateTime start, int minutes, Integer capacity) {
    return services.meetings().create(draft(title, start, minutes, capacity));
  }

  /** {@code d} with another title and room: a counselor's edit of the meeting's form. */
  public static MeetingDraft edited(MeetingDraft d, String title, String room) {
    return new MeetingDraft(
        d.officeId(),
        d.coOfficeId(),
        d.kind(),
        title,
        d.startsAt(),
        d.endsAt(),
        d.place(),
        room,
        d.remoteLink(),
        d.capacity(),
        d.romeCode(),
        d.offerId(),
        d.notes(),
        d.partners());
  }
}
