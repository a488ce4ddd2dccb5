package fr.passerelle.demo;

import fr.passerelle.db.jooq.tables.records.SourcingEntryRecord;
import fr.passerelle.db.jooq.tables.records.SourcingListRecord;
import fr.passerelle.demo.OfferFactory.DemoOffer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Sourcing lists built on offers, with candidates who target the offer's occupation. A list shared
 * with the other network's office holds only candidates who consented to sharing.
 */
final class SourcingStage {
  private static final String[] PIPELINE = {
    "PROPOSED", "CONTACTED", "INTERESTED", "INTERVIEW", "HIRED"
  };

  private final DemoWorld world;
  private final OfferFactory offers;
  private final CandidateFactory candidates;
  private final CandidateStage samples;

  SourcingStage(
      DemoWorld world, OfferFactory offers, CandidateFactory candidates, CandidateStage samples) {
    this.world = world;
    this.offers = offers;
    this.candidates = candidates;
    this.samples = samples;
  }

  void run(RowSink sink, Runnable tick) {
    for (int s = 0; s < world.lists; s++) {
      write(sink, s);
      tick.run();
    }
  }

  private void write(RowSink sink, int s) {
    SplittableRandom r = world.seeds.rng(Seeds.LIST, s);
    DemoOffer offer = offers.offer(r.nextInt(world.offers));
    for (int tries = 0; tries < 5 && !offer.open(); tries++) {
      offer = offers.offer(r.nextInt(world.offers));
    }
    boolean shared = r.nextDouble() < 0.5;
    UUID id = world.seeds.id(Seeds.LIST, s);
    LocalDate created = min(offer.openedOn().plusDays(r.nextInt(10)), world.today);
    SourcingListRecord list = new SourcingListRecord();
    list.setId(id);
    list.setOfficeId(world.office(offer.office()).id());
    list.setOwnerId(world.counselorOf(offer.office(), r).id());
    list.setName(offer.title() + " — " + offer.commune().name());
    list.setOfferId(offer.id());
    list.setRomeCode(offer.occupation().romeCode());
    list.setSharedOfficeId(shared ? world.office(world.partnerOf(offer.office(), r)).id() : null);
    list.setCreatedOn(created);
    list.setClosedOn(offer.closedOn());
    sink.add(list);

    int[] pool = samples.sampleOf(offer.occupation().romeCode());
    int wanted = 5 + r.nextInt(21);
    Set<Integer> chosen = new HashSet<>();
    LocalDate end = offer.closedOn() == null ? world.today : offer.closedOn();
    int child = 1;
    for (int tries = 0; chosen.size() < wanted && tries < wanted * 4 && pool.length > 0; tries++) {
      int cand = pool[r.nextInt(pool.length)];
      if (chosen.contains(cand) || (shared && !candidates.make(cand).consent().share())) {
        continue;
      }
      chosen.add(cand);
      long span = Math.max(0, end.toEpochDay() - created.toEpochDay());
      LocalDate added = created.plusDays(r.nextLong(span + 1));
      SourcingEntryRecord e = new SourcingEntryRecord();
      e.setId(world.seeds.id(Seeds.LIST, s, child++));
      e.setListId(id);
      e.setCandidateId(world.seeds.id(Seeds.CANDIDATE, cand));
      e.setAddedOn(added);
      e.setScore(40 + r.nextInt(56));
      StringBuilder history = new StringBuilder("[");
      String status = history(r, added, end, history);
      e.setStatus(status);
      e.setHistory(history.append(']').toString());
      sink.add(e);
    }
  }

  /** Walks the pipeline from PROPOSED, one dated step at a time; returns the last status. */
  private static String history(
      SplittableRandom r, LocalDate from, LocalDate to, StringBuilder json) {
    LocalDate at = from;
    String status = PIPELINE[0];
    append(json, at, status);
    int stage = 0;
    while (stage < PIPELINE.length - 1) {
      LocalDate next = at.plusDays(2 + r.nextInt(10));
      if (next.isAfter(to) || r.nextDouble() < 0.3) {
        break;
      }
      double x = r.nextDouble();
      at = next;
      if (x < 0.12) {
        status = "DECLINED";
      } else if (x < 0.18) {
        status = "WITHDRAWN";
      } else {
        status = PIPELINE[++stage];
      }
      append(json, at, status);
      if (!status.equals(PIPELINE[stage])) {
        break;
      }
    }
    return status;
  }

  private static void append(StringBuilder json, LocalDate at, String status) {
    if (json.length() > 1) {
      json.append(',');
    }
    json.append("{\"at\":\"").append(at).append("\",\"status\":\"").append(status).append("\"}");
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? b : a;
  }
}
