package fr.passerelle.demo;

import static fr.passerelle.db.jooq.Tables.OFFICE;
import static fr.passerelle.db.jooq.Tables.REPLICA;

import fr.passerelle.db.jooq.tables.records.CounselorRecord;
import fr.passerelle.db.jooq.tables.records.OfficeRecord;
import fr.passerelle.demo.DemoWorld.DemoOffice;
import fr.passerelle.demo.DemoWorld.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The three offices of the demo and their counselors. This installation's own office (if {@code
 * init} was run) takes the role of its kind: a France Travail office stands for the agency, a
 * temp-work office for the first temp-work agency (the second one then joins its organisation).
 * Without an office, the France Travail agency becomes this installation's office.
 */
final class DemoOffices {
  static final String FT_NAME = "France Travail Toulouse Matabiau";
  static final String TEMP_ORGANISATION = "Sud Intérim";

  private record Spec(
      String name,
      String kind,
      String organisation,
      String address,
      String commune,
      String domain) {}

  private DemoOffices() {}

  static List<DemoOffice> create(
      DSLContext tx, Seeds seeds, DemoReference ref, RowSink sink, int candidates) {
    UUID currentId =
        tx.select(REPLICA.OFFICE_ID)
            .from(REPLICA)
            .where(REPLICA.IS_CURRENT.isTrue())
            .fetchOne(REPLICA.OFFICE_ID);
    OfficeRecord current =
        currentId == null ? null : tx.selectFrom(OFFICE).where(OFFICE.ID.eq(currentId)).fetchOne();
    String currentKind = current == null ? null : current.getKind();
    String tempOrg =
        "TEMP_AGENCY".equals(currentKind) ? current.getOrganisation() : TEMP_ORGANISATION;
    List<Spec> specs =
        List.of(
            new Spec(
                FT_NAME,
                "FRANCE_TRAVAIL",
                "France Travail",
                "2 boulevard de la Gare, 31500 Toulouse",
                "31555",
                "francetravail.exemple.fr"),
            new Spec(
                "Agence Intérim Montpellier Centre",
                "TEMP_AGENCY",
                tempOrg,
                "14 rue de la Loge, 34000 Montpellier",
                "34172",
                "sud-interim.exemple.fr"),
            new Spec(
                "Agence Intérim Perpignan",
                "TEMP_AGENCY",
                tempOrg,
                "5 quai Vauban, 66000 Perpignan",
                "66136",
                "sud-interim.exemple.fr"));
    int[] counselorCounts = {Math.max(6, Math.min(40, candidates / 400)), 3, 3};
    int mine =
        "FRANCE_TRAVAIL".equals(currentKind) ? 0 : "TEMP_AGENCY".equals(currentKind) ? 1 : -1;

    List<DemoOffice> offices = new ArrayList<>();
    for (int k = 0; k < specs.size(); k++) {
      Spec s = specs.get(k);
      UUID id;
      String name;
      String organisation = s.organisation();
      if (k == mine) {
        id = current.getId();
        name = current.getName();
        organisation = current.getOrganisation();
      } else {
        id = seeds.id(Seeds.OFFICE, k);
        name = s.name();
        OfficeRecord r = new OfficeRecord();
        r.setId(id);
        r.setName(name);
        r.setKind(s.kind());
        r.setOrganisation(s.organisation());
        r.setAddress(s.address());
        r.setCommuneCode(s.commune());
        sink.add(r);
      }
      List<Person> counselors = new ArrayList<>();
      for (int c = 0; c < counselorCounts[k]; c++) {
        int number = k * 1000 + c;
        SplittableRandom r = seeds.rng(Seeds.COUNSELOR, number);
        boolean female = r.nextDouble() < 0.7;
        String first = (female ? ref.femaleFirstNames : ref.maleFirstNames).pick(r);
        String last = ref.lastNames.pick(r);
        Person p = new Person(seeds.id(Seeds.COUNSELOR, number), first, last);
        counselors.add(p);
        CounselorRecord cr = new CounselorRecord();
        cr.setId(p.id());
        cr.setOfficeId(id);
        cr.setFirstName(first);
        cr.setLastName(last);
        cr.setEmail(Texts.slug(first) + "." + Texts.slug(last) + "@" + s.domain());
        cr.setPhone(Texts.landline(s.commune().substring(0, 2), r));
        sink.add(cr);
      }
      offices.add(
          new DemoOffice(
              id, name, s.kind(), organisation, s.address(), s.commune(), s.domain(), counselors));
    }
    sink.flush();
    if (currentId == null) {
      tx.update(REPLICA)
          .set(REPLICA.OFFICE_ID, offices.get(0).id())
          .where(REPLICA.IS_CURRENT.isTrue())
          .execute();
    }
    return offices;
  }
}
