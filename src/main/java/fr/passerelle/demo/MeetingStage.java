package fr.passerelle.demo;

import fr.passerelle.db.jooq.tables.records.MeetingParticipantRecord;
import fr.passerelle.db.jooq.tables.records.MeetingPartnerRecord;
import fr.passerelle.db.jooq.tables.records.MeetingRecord;
import fr.passerelle.demo.DemoReference.Occupation;
import fr.passerelle.demo.DemoWorld.DemoOffice;
import fr.passerelle.demo.DemoWorld.Person;
import fr.passerelle.demo.OfferFactory.DemoOffer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Meetings in the last 180 days (held, some cancelled; participants present, absent or excused) and
 * the next 90 days (planned; invited, confirmed, waitlisted beyond capacity), with partners (Akto,
 * FASTT, Cap emploi, employers) and staff.
 */
final class MeetingStage {
  private static final String[] KINDS = {
    "INFO_COLLECTIVE",
    "JOB_DATING",
    "NETWORK_INFO",
    "FORUM",
    "DISCOVERY_WORKSHOP",
    "MRS",
    "TRAINING_INFO"
  };
  private static final int[] KIND_WEIGHTS = {30, 20, 8, 5, 15, 10, 12};

  private final DemoWorld world;
  private final OfferFactory offers;

  MeetingStage(DemoWorld world, OfferFactory offers) {
    this.world = world;
    this.offers = offers;
  }

  void run(RowSink sink, Runnable tick) {
    for (int m = 0; m < world.meetings; m++) {
      write(sink, m);
      tick.run();
    }
  }

  private void write(RowSink sink, int m) {
    SplittableRandom r = world.seeds.rng(Seeds.MEETING, m);
    String kind = kind(r);
    boolean past = r.nextDouble() < 0.6;
    LocalDate day =
        past
            ? weekday(world.today.minusDays(1 + r.nextInt(180)), -1)
            : weekday(world.today.plusDays(1 + r.nextInt(90)), 1);
    int office = kind.equals("NETWORK_INFO") || r.nextDouble() < 0.7 ? 0 : 1 + r.nextInt(2);
    Integer coOffice =
        kind.equals("NETWORK_INFO") || (kind.equals("JOB_DATING") && r.nextDouble() < 0.6)
            ? world.partnerOf(office, r)
            : null;
    DemoOffer offer = null;
    Occupation occ = world.ref.occupations.pick(r);
    if (kind.equals("JOB_DATING") || kind.equals("MRS")) {
      offer = offers.offer(r.nextInt(world.offers));
      occ = offer.occupation();
    }
    LocalTime start =
        kind.equals("FORUM")
            ? LocalTime.of(9, 0)
            : r.nextBoolean() ? LocalTime.of(9, 30) : LocalTime.of(14, 0);
    int hours = kind.equals("FORUM") ? 8 : kind.equals("JOB_DATING") ? 3 : 2;
    int capacity =
        switch (kind) {
          case "FORUM" -> 200;
          case "NETWORK_INFO" -> 30;
          case "JOB_DATING" -> 20;
          default -> 12 + 4 * r.nextInt(3);
        };
    String status =
        past
            ? (r.nextDouble() < 0.92 ? "HELD" : "CANCELLED")
            : (r.nextDouble() < 0.96 ? "PLANNED" : "CANCELLED");
    DemoOffice host = world.office(office);
    UUID id = world.seeds.id(Seeds.MEETING, m);
    MeetingRecord rec = new MeetingRecord();
    rec.setId(id);
    rec.setOfficeId(host.id());
    rec.setCoOfficeId(coOffice == null ? null : world.office(coOffice).id());
    rec.setKind(kind);
    rec.setTitle(title(kind, occ, host, coOffice));
    rec.setStartsAt(LocalDateTime.of(day, start));
    rec.setEndsAt(LocalDateTime.of(day, start.plusHours(hours)));
    rec.setPlace(host.name() + ", " + host.address());
    rec.setRoom(kind.equals("FORUM") ? "Hall d'accueil" : "Salle " + (1 + r.nextInt(4)));
    rec.setRemoteLink(
        kind.equals("NETWORK_INFO") && r.nextDouble() < 0.3
            ? "https://visio.exemple.fr/" + id
            : null);
    rec.setCapacity(capacity);
    rec.setRomeCode(kind.equals("NETWORK_INFO") || kind.equals("FORUM") ? null : occ.romeCode());
    rec.setOfferId(offer == null ? null : offer.id());
    rec.setStatus(status);
    sink.add(rec);

    int child = 1;
    for (String partner : partners(kind, r)) {
      MeetingPartnerRecord p = new MeetingPartnerRecord();
      p.setId(world.seeds.id(Seeds.MEETING, m, child++));
      p.setMeetingId(id);
      p.setPartner(partner);
      if (partner.equals("EMPLOYER") && offer != null) {
        OfferFactory.DemoEmployer e = offers.employer(offer.employer());
        p.setEmployerId(e.id());
        p.setName(e.name());
      } else {
        p.setName(partnerName(partner, host));
      }
      sink.add(p);
    }
    child = 100;
    LocalDateTime startsAt = LocalDateTime.of(day, start);
    // Staff: a counselor of each organising office.
    for (Integer o : coOffice == null ? new Integer[] {office} : new Integer[] {office, coOffice}) {
      Person c = world.counselorOf(o, r);
      MeetingParticipantRecord p = participant(m, child++, id, startsAt.minusDays(21));
      p.setFirstName(c.firstName());
      p.setLastName(c.lastName());
      p.setOrganisation(world.office(o).organisation());
      p.setRole("STAFF");
      p.setStatus(past && status.equals("HELD") ? "PRESENT" : "CONFIRMED");
      sink.add(p);
    }
    if (kind.equals("NETWORK_INFO")) {
      return; // between the networks' staff: no candidates
    }
    int invited =
        Math.min(
            world.candidates,
            kind.equals("FORUM") ? 40 + r.nextInt(60) : capacity - 4 + r.nextInt(10));
    Set<Integer> chosen = new HashSet<>();
    for (int k = 0; k < invited; k++) {
      int cand = r.nextInt(world.candidates);
      if (!chosen.add(cand)) {
        continue;
      }
      MeetingParticipantRecord p =
          participant(m, child++, id, startsAt.minusDays(20).plusMinutes(k * 7L));
      p.setCandidateId(world.seeds.id(Seeds.CANDIDATE, cand));
      p.setRole("CANDIDATE");
      // those invited once the places were taken stay on the waitlist, past meetings included
      p.setStatus(candidateStatus(r, past, status, chosen.size() > capacity));
      sink.add(p);
    }
  }

  private MeetingParticipantRecord participant(
      int m, int child, UUID meeting, LocalDateTime invitedAt) {
    MeetingParticipantRecord p = new MeetingParticipantRecord();
    p.setId(world.seeds.id(Seeds.MEETING, m, child));
    p.setMeetingId(meeting);
    p.setInvitedAt(invitedAt.atZone(DemoWorld.ZONE).toOffsetDateTime());
    return p;
  }

  private static String candidateStatus(
      SplittableRandom r, boolean past, String status, boolean overCapacity) {
    if (overCapacity) {
      return "WAITLISTED";
    }
    if (status.equals("CANCELLED")) {
      return "INVITED";
    }
    double x = r.nextDouble();
    if (past) {
      return x < 0.72 ? "PRESENT" : x < 0.90 ? "ABSENT" : "EXCUSED";
    }
    return x < 0.55 ? "CONFIRMED" : x < 0.95 ? "INVITED" : "EXCUSED";
  }

  private static String[] partners(String kind, SplittableRandom r) {
    return switch (kind) {
      case "NETWORK_INFO" -> new String[] {"AKTO", "FASTT"};
      case "JOB_DATING" ->
          r.nextBoolean() ? new String[] {"EMPLOYER", "CAP_EMPLOI"} : new String[] {"EMPLOYER"};
      case "MRS" -> new String[] {"EMPLOYER"};
      case "TRAINING_INFO" -> new String[] {"AKTO"};
      case "FORUM" -> new String[] {"AKTO", "FASTT", "CAP_EMPLOI"};
      case "DISCOVERY_WORKSHOP" ->
          r.nextDouble() < 0.3 ? new String[] {"CAP_EMPLOI"} : new String[0];
      default -> new String[0];
    };
  }

  private static String partnerName(String partner, DemoOffice host) {
    return switch (partner) {
      case "AKTO" -> "Akto Occitanie";
      case "FASTT" -> "FASTT";
      case "CAP_EMPLOI" -> "Cap emploi " + host.communeCode().substring(0, 2);
      default -> partner;
    };
  }

  private String title(String kind, Occupation occ, DemoOffice host, Integer coOffice) {
    String label = occ.label();
    return switch (kind) {
      case "INFO_COLLECTIVE" -> "Information collective : " + label;
      case "JOB_DATING" -> "Job dating " + label;
      case "NETWORK_INFO" ->
          "Réunion réseaux : "
              + host.organisation()
              + " et "
              + world.office(coOffice).organisation();
      case "FORUM" -> "Forum de l'emploi — " + host.name();
      case "DISCOVERY_WORKSHOP" -> "Atelier découverte métier : " + label;
      case "MRS" -> "Recrutement par simulation (MRS) : " + label;
      default -> "Réunion d'information formation : " + label;
    };
  }

  private static String kind(SplittableRandom r) {
    int x = r.nextInt(100);
    for (int k = 0; k < KINDS.length; k++) {
      x -= KIND_WEIGHTS[k];
      if (x < 0) {
        return KINDS[k];
      }
    }
    return KINDS[0];
  }

  /** The day itself if a weekday, else the nearest weekday in {@code direction} (+1 or -1). */
  private static LocalDate weekday(LocalDate d, int direction) {
    LocalDate x = d;
    while (x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY) {
      x = x.plusDays(direction);
    }
    return x;
  }
}
