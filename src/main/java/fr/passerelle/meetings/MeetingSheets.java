package fr.passerelle.meetings;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.COMMUNE;
import static fr.passerelle.db.jooq.Tables.OFFICE;

import fr.passerelle.db.InLists;
import fr.passerelle.db.jooq.tables.records.OfficeRecord;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/** Builds a {@link MeetingSheet} from the database. */
final class MeetingSheets {
  private MeetingSheets() {}

  /** Sorts by last name then first name, French collation (accents and case secondary). */
  static Comparator<Participant> byName() {
    Collator c = Collator.getInstance(Locale.FRENCH);
    c.setStrength(Collator.SECONDARY);
    return Comparator.comparing((Participant p) -> nz(p.lastName()), c)
        .thenComparing(p -> nz(p.firstName()), c)
        .thenComparing(p -> p.id().toString());
  }

  static MeetingSheet build(DSLContext ctx, Meeting m, java.time.ZoneId zone, String counselor) {
    List<Participant> all = MeetingReads.participants(ctx, m.id());
    List<Participant> expected =
        all.stream().filter(p -> p.status().onRoster()).sorted(byName()).toList();
    OfficeRecord office = office(ctx, m.officeId());
    OfficeRecord co = office(ctx, m.coOfficeId());
    List<String> organisers = new ArrayList<>();
    if (office != null) {
      organisers.add(office.getName());
    }
    if (co != null) {
      organisers.add(co.getName());
    }
    java.util.Set<UUID> toConvene =
        expected.stream()
            .filter(
                p ->
                    p.role() == ParticipantRole.CANDIDATE
                        && (p.status() == ParticipantStatus.INVITED
                            || p.status() == ParticipantStatus.CONFIRMED))
            .map(Participant::candidateId)
            .collect(java.util.stream.Collectors.toSet());
    Map<UUID, String[]> addresses = new HashMap<>();
    if (!toConvene.isEmpty()) {
      ctx.select(
              CANDIDATE.ID, CANDIDATE.ADDRESS, COMMUNE.POSTAL_CODES, COMMUNE.NAME, CANDIDATE.EMAIL)
          .from(CANDIDATE)
          .leftJoin(COMMUNE)
          .on(COMMUNE.INSEE_CODE.eq(CANDIDATE.COMMUNE_CODE))
          .where(InLists.in(CANDIDATE.ID, toConvene))
          .forEach(
              r -> {
                String postal = r.value3() == null ? "" : r.value3().split("[|;, ]")[0];
                String line = (postal + " " + nz(r.value4())).strip();
                addresses.put(r.value1(), new String[] {nz(r.value2()), line, nz(r.value5())});
              });
    }
    List<MeetingSheet.Recipient> recipients =
        expected.stream()
            .filter(p -> p.candidateId() != null && toConvene.contains(p.candidateId()))
            .map(
                p -> {
                  String[] a = addresses.getOrDefault(p.candidateId(), new String[] {"", "", ""});
                  return new MeetingSheet.Recipient(p, a[0], a[1], a[2]);
                })
            .toList();
    MeetingSheet.Office from =
        office == null
            ? new MeetingSheet.Office("", "", "", "", counselor)
            : new MeetingSheet.Office(
                office.getName(),
                office.getAddress(),
                office.getPhone(),
                office.getEmail(),
                counselor);
    return new MeetingSheet(m, from, organisers, expected, recipients, zone);
  }

  private static OfficeRecord office(DSLContext ctx, UUID id) {
    if (id == null) {
      return null;
    }
    return ctx.selectFrom(OFFICE).where(OFFICE.ID.eq(id).and(OFFICE.DELETED.isFalse())).fetchOne();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
