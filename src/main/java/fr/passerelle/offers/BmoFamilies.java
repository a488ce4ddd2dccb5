package fr.passerelle.offers;

import static fr.passerelle.db.jooq.Tables.BMO_OCCUPATION;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * BMO difficulty for a ROME occupation, an approximation (ADR 0051): a shipped table maps each ROME
 * domain (3 characters) to one of the eight BMO occupation families; the family's difficult share
 * is the sum of difficult projects over the sum of projects of its BMO occupations in the latest
 * survey year. BMO codes are FAP-based, so no finer ROME match is claimed.
 */
public final class BmoFamilies {
  /** A BMO family and its share of recruitments judged difficult. */
  public record Family(String code, String label, double difficultSharePct) {}

  private static final String MAPPING = "/fr/passerelle/offers/rome_domain_bmo_family.csv";
  private final Map<String, String> familyByDomain = new HashMap<>();
  private final Map<String, Family> families = new HashMap<>();

  public BmoFamilies(DSLContext dsl) {
    try (Reader in =
        new InputStreamReader(
            BmoFamilies.class.getResourceAsStream(MAPPING), StandardCharsets.UTF_8)) {
      for (CSVRecord r :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
        familyByDomain.put(r.get("domain_code"), r.get("bmo_family_code"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Integer year =
        dsl.select(DSL.max(BMO_OCCUPATION.SURVEY_YEAR))
            .from(BMO_OCCUPATION)
            .fetchOne(0, Integer.class);
    if (year == null) {
      return;
    }
    dsl.select(
            BMO_OCCUPATION.FAMILY_CODE,
            DSL.max(BMO_OCCUPATION.FAMILY_LABEL),
            DSL.sum(BMO_OCCUPATION.PROJECTS),
            DSL.sum(BMO_OCCUPATION.DIFFICULT_PROJECTS))
        .from(BMO_OCCUPATION)
        .where(BMO_OCCUPATION.SURVEY_YEAR.eq(year))
        .groupBy(BMO_OCCUPATION.FAMILY_CODE)
        .forEach(
            r -> {
              BigDecimal projects = r.value3();
              BigDecimal difficult = r.value4();
              if (projects != null && projects.signum() > 0) {
                double share =
                    Math.round(1000.0 * difficult.doubleValue() / projects.doubleValue()) / 10.0;
                families.put(r.value1(), new Family(r.value1(), r.value2(), share));
              }
            });
  }

  /** The BMO family of a ROME code's domain, if mapped. */
  public Optional<Family> forRome(String romeCode) {
    if (romeCode == null || romeCode.length() < 3) {
      return Optional.empty();
    }
    return Optional.ofNullable(familyByDomain.get(romeCode.substring(0, 3))).map(families::get);
  }
}
