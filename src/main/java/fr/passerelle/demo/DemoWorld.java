package fr.passerelle.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Everything the generators share: the seed's streams, the reference data, "demo today", the
 * offices and their counselors, and the sizes. Immutable once built.
 */
final class DemoWorld {
  static final ZoneId ZONE = ZoneId.of("Europe/Paris");

  /** One office of the demo (0: the France Travail agency, 1 and 2: the temp-work agencies). */
  record DemoOffice(
      UUID id,
      String name,
      String kind,
      String organisation,
      String address,
      String communeCode,
      String emailDomain,
      List<Person> counselors) {}

  /** A counselor. */
  record Person(UUID id, String firstName, String lastName) {}

  final Seeds seeds;
  final DemoReference ref;
  final LocalDate today;
  final List<DemoOffice> offices;
  final int candidates;
  final int offers;
  final int employers;
  final int meetings;
  final int lists;
  final int paths;

  DemoWorld(
      Seeds seeds,
      DemoReference ref,
      LocalDate today,
      List<DemoOffice> offices,
      int candidates,
      int offers) {
    this.seeds = seeds;
    this.ref = ref;
    this.today = today;
    this.offices = List.copyOf(offices);
    this.candidates = candidates;
    this.offers = offers;
    this.employers = Math.max(Math.min(30, Math.max(1, offers)), offers / 8);
    this.meetings = Math.max(12, candidates / 100);
    this.lists = Math.max(8, candidates / 150);
    this.paths = Math.max(10, candidates / 60);
  }

  DemoOffice office(int index) {
    return offices.get(index);
  }

  Person counselorOf(int office, SplittableRandom rnd) {
    List<Person> c = offices.get(office).counselors();
    return c.get(rnd.nextInt(c.size()));
  }

  /** The other network's office for a co-organised action. */
  int partnerOf(int office, SplittableRandom rnd) {
    return office == 0 ? 1 + rnd.nextInt(2) : 0;
  }

  /** Total units of work, for progress. */
  long totalWork() {
    return (long) candidates + employers + offers + meetings + lists + paths;
  }
}
