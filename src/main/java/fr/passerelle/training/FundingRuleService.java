package fr.passerelle.training;

import static fr.passerelle.db.jooq.Tables.FUNDING_RULE;

import fr.passerelle.core.ControlCharacters;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.FundingRuleRecord;
import fr.passerelle.security.Access;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.Permission;
import fr.passerelle.tabular.CsvInjection;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;

/**
 * The funding schemes' conditions, kept as data (table {@code funding_rule}, seeded by migration V7
 * from the shipped {@code funding_rules.csv}). The office updates them by importing a CSV (same
 * columns, comma or semicolon separated); an import replaces every rule in one transaction or
 * changes nothing.
 */
public final class FundingRuleService {
  /** The shipped rules, on the class path. */
  public static final String SHIPPED_CSV = "/fr/passerelle/training/funding_rules.csv";

  static final String[] COLUMNS = {
    "scheme",
    "label",
    "max_hours",
    "min_hours",
    "eligible_publics",
    "required_attachments",
    "requires_offer",
    "source_title",
    "source_url",
    "valid_from"
  };

  private final Database db;
  private final WallClock clock;
  private final Access access;

  public FundingRuleService(Database db, WallClock clock, Access access) {
    this.db = db;
    this.access = access;
    this.clock = clock;
  }

  /** Every rule, by scheme then date. */
  public List<FundingRule> all() {
    return all(db.dsl());
  }

  static List<FundingRule> all(DSLContext ctx) {
    return ctx.selectFrom(FUNDING_RULE)
        .orderBy(FUNDING_RULE.SCHEME, FUNDING_RULE.VALID_FROM)
        .fetch(FundingRuleService::toRule);
  }

  /** The rule of {@code scheme} in force on {@code date} (latest valid_from not after it). */
  public Optional<FundingRule> inForce(FundingScheme scheme, LocalDate date) {
    return inForce(all(), scheme, date);
  }

  static Optional<FundingRule> inForce(List<FundingRule> rules, FundingScheme scheme, LocalDate d) {
    return rules.stream()
        .filter(r -> r.scheme() == scheme && !r.validFrom().isAfter(d))
        .max(Comparator.comparing(FundingRule::validFrom));
  }

  /**
   * The warnings for a path's figures against the rule in force at its start (today without a start
   * date). Never blocks.
   */
  public List<RuleWarning> check(PathDraft p, LocalDate today) {
    if (p.scheme() == null) {
      return List.of();
    }
    LocalDate on = p.startsOn() == null ? today : p.startsOn();
    Optional<FundingRule> rule = inForce(p.scheme(), on);
    if (rule.isEmpty()) {
      return List.of(
          new RuleWarning(
              "NO_RULE",
              "Aucune règle de financement "
                  + p.scheme()
                  + " en vigueur au "
                  + fr.passerelle.meetings.FrenchFormats.date(on)
                  + ".",
              null,
              null));
    }
    return check(rule.get(), p);
  }

  /** The warnings of one rule for one path. */
  public static List<RuleWarning> check(FundingRule r, PathDraft p) {
    List<RuleWarning> out = new ArrayList<>();
    String src = r.sourceTitle() == null ? "" : " (source : " + r.sourceTitle() + ")";
    if (p.hours() != null && r.maxHours() != null && p.hours() > r.maxHours()) {
      out.add(
          new RuleWarning(
              "HOURS_ABOVE_MAX",
              p.hours()
                  + " h dépassent le plafond de "
                  + r.maxHours()
                  + " h pour "
                  + r.label()
                  + src
                  + ".",
              r.sourceTitle(),
              r.sourceUrl()));
    }
    if (p.hours() != null && r.minHours() != null && p.hours() < r.minHours()) {
      out.add(
          new RuleWarning(
              "HOURS_BELOW_MIN",
              p.hours()
                  + " h sont sous le minimum de "
                  + r.minHours()
                  + " h pour "
                  + r.label()
                  + src
                  + ".",
              r.sourceTitle(),
              r.sourceUrl()));
    }
    if (r.requiresOffer() && p.offerId() == null) {
      out.add(
          new RuleWarning(
              "OFFER_MISSING",
              r.label() + " est liée à une offre d'emploi : choisissez l'offre" + src + ".",
              r.sourceTitle(),
              r.sourceUrl()));
    }
    return out;
  }

  /** The shipped rules as parsed from the CSV on the class path. */
  public static List<FundingRule> shipped() {
    try (InputStream in = FundingRuleService.class.getResourceAsStream(SHIPPED_CSV);
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(r, "funding_rules.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces every rule by those of the CSV file; returns how many. Nothing changes on error. */
  public int importCsv(Path file) {
    access.require(Permission.FUNDING_RULES_MANAGE);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(file + " : lecture impossible (" + e.getMessage() + ").", e);
    }
    List<FundingRule> rules = parse(new StringReader(text), file.getFileName().toString());
    int n = replaceAll(rules);
    access
        .audit()
        .record(AuditAction.SETTINGS_CHANGED, null, "funding rules", n + " rules from " + file);
    return n;
  }

  /** Puts back the shipped rules. */
  public int restoreShipped() {
    access.require(Permission.FUNDING_RULES_MANAGE);
    int n = replaceAll(shipped());
    access
        .audit()
        .record(AuditAction.SETTINGS_CHANGED, null, "règles de financement", "règles d'origine");
    return n;
  }

  private int replaceAll(List<FundingRule> rules) {
    OffsetDateTime now = Instant.ofEpochMilli(clock.millis()).atOffset(ZoneOffset.UTC);
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              tx.deleteFrom(FUNDING_RULE).execute();
              for (FundingRule r : rules) {
                FundingRuleRecord rec = tx.newRecord(FUNDING_RULE);
                rec.setScheme(r.scheme().name());
                rec.setValidFrom(r.validFrom());
                rec.setLabel(r.label());
                rec.setMaxHours(r.maxHours());
                rec.setMinHours(r.minHours());
                rec.setEligiblePublics(r.eligiblePublics());
                rec.setRequiredAttachments(String.join(";", r.requiredAttachments()));
                rec.setRequiresOffer(r.requiresOffer());
                rec.setSourceTitle(r.sourceTitle());
                rec.setSourceUrl(r.sourceUrl());
                rec.setUpdatedAt(now);
                rec.insert();
              }
            });
    return rules.size();
  }

  /** Writes the rules as Excel-FR CSV (UTF-8 BOM, semicolons), ready to edit and import back. */
  public void exportCsv(Writer out) throws IOException {
    out.write('\uFEFF');
    try (CSVPrinter p =
        CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader(COLUMNS).build().print(out)) {
      for (FundingRule r : all()) {
        // text typed by an office (an imported file): neutralised as every CSV export (#11.4)
        p.printRecord(
            r.scheme(),
            CsvInjection.neutralise(r.label()),
            r.maxHours(),
            r.minHours(),
            CsvInjection.neutralise(r.eligiblePublics()),
            CsvInjection.neutralise(String.join(";", r.requiredAttachments())),
            r.requiresOffer(),
            CsvInjection.neutralise(r.sourceTitle()),
            CsvInjection.neutralise(r.sourceUrl()),
            r.validFrom());
      }
    }
    access.audit().record(AuditAction.EXPORT, null, "règles de financement", "CSV");
  }

  /** Parses rules; errors name the file, line and field. */
  static List<FundingRule> parse(Reader reader, String fileName) {
    StringBuilder text = new StringBuilder();
    try {
      char[] buf = new char[8192];
      for (int n; (n = reader.read(buf)) > 0; ) {
        text.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parseText(text.toString(), fileName);
  }

  private static List<FundingRule> parseText(String text, String fileName) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String header = text.lines().findFirst().orElse("");
    char delimiter = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .build();
    List<FundingRule> rules = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    try (CSVParser p = CSVParser.parse(text, format)) {
      for (String c : COLUMNS) {
        if (!p.getHeaderMap().containsKey(c)) {
          throw new InvalidInputException(
              fileName + ", ligne 1 : colonne « " + c + " » manquante.");
        }
      }
      for (CSVRecord r : p) {
        FundingRule rule = toRule(r, fileName);
        if (!keys.add(rule.scheme() + "@" + rule.validFrom())) {
          throw new InvalidInputException(
              where(fileName, r, "valid_from")
                  + "deux règles "
                  + rule.scheme()
                  + " commencent le "
                  + rule.validFrom()
                  + ".");
        }
        rules.add(rule);
      }
    } catch (IOException | UncheckedIOException e) {
      // a malformed record (unbalanced quotes) comes out of the iteration as UncheckedIOException
      throw new InvalidInputException(fileName + " : CSV illisible (" + e.getMessage() + ").", e);
    }
    if (rules.isEmpty()) {
      throw new InvalidInputException(fileName + " : aucune règle dans le fichier.");
    }
    return rules;
  }

  private static FundingRule toRule(CSVRecord r, String file) {
    FundingScheme scheme;
    try {
      scheme = FundingScheme.valueOf(r.get("scheme").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          where(file, r, "scheme")
              + "« "
              + r.get("scheme")
              + " » n'est pas un financement connu ("
              + Arrays.toString(FundingScheme.values())
              + ").");
    }
    String label = text(r, file, "label");
    if (label.isBlank()) {
      throw new InvalidInputException(where(file, r, "label") + "le libellé est obligatoire.");
    }
    LocalDate validFrom;
    try {
      validFrom = LocalDate.parse(r.get("valid_from"));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          where(file, r, "valid_from") + "date attendue au format AAAA-MM-JJ.");
    }
    String bool = r.get("requires_offer").toLowerCase(Locale.ROOT);
    if (!Set.of("true", "false", "oui", "non", "").contains(bool)) {
      throw new InvalidInputException(
          where(file, r, "requires_offer") + "attendu : true/false (ou oui/non).");
    }
    String attachments = text(r, file, "required_attachments");
    return new FundingRule(
        scheme,
        validFrom,
        label,
        hours(r, file, "max_hours"),
        hours(r, file, "min_hours"),
        blankToNull(text(r, file, "eligible_publics")),
        attachments.isBlank()
            ? List.of()
            : Arrays.stream(attachments.split(";")).map(String::trim).toList(),
        bool.equals("true") || bool.equals("oui"),
        blankToNull(text(r, file, "source_title")),
        blankToNull(text(r, file, "source_url")));
  }

  /**
   * A text cell as typed: the apostrophe an export put before {@code = + - @} taken off again
   * ({@link CsvInjection}); a control character refuses the file at its line and field.
   */
  private static String text(CSVRecord r, String file, String col) {
    String v = CsvInjection.restore(r.get(col));
    String c = ControlCharacters.first(v, false);
    if (c != null) {
      throw new InvalidInputException(
          where(file, r, col) + "caractère de contrôle (" + c + ") interdit.");
    }
    return v;
  }

  private static Integer hours(CSVRecord r, String file, String col) {
    String v = r.get(col);
    if (v.isBlank()) {
      return null;
    }
    try {
      int h = Integer.parseInt(v);
      if (h <= 0) {
        throw new NumberFormatException();
      }
      return h;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          where(file, r, col) + "« " + v + " » n'est pas un nombre d'heures positif.");
    }
  }

  private static String where(String file, CSVRecord r, String field) {
    return file + ", ligne " + (r.getRecordNumber() + 1) + ", champ " + field + " : ";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static FundingRule toRule(FundingRuleRecord r) {
    String att = r.getRequiredAttachments();
    return new FundingRule(
        FundingScheme.valueOf(r.getScheme()),
        r.getValidFrom(),
        r.getLabel(),
        r.getMaxHours(),
        r.getMinHours(),
        r.getEligiblePublics(),
        att == null || att.isBlank()
            ? List.of()
            : Arrays.stream(att.split(";")).map(String::trim).toList(),
        Boolean.TRUE.equals(r.getRequiresOffer()),
        r.getSourceTitle(),
        r.getSourceUrl());
  }
}
