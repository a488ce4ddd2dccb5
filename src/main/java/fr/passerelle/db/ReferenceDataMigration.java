package fr.passerelle.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Loads the shipped reference data (ROME 4.0, Occitanie communes, QPV, BMO) from the CSVs under
 * {@code db/reference/} (see SOURCES.md there), with normalised columns for search.
 */
public final class ReferenceDataMigration implements JavaMigration {
  private static final String DIR = "/db/reference/";

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("1.1");
  }

  @Override
  public String getDescription() {
    return "Reference data";
  }

  @Override
  public Integer getChecksum() {
    return 1;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection c = context.getConnection();
    loadOccupations(c);
    loadTitles(c);
    Map<String, String> qpv = loadQpv(c);
    loadCommunes(c, qpv.keySet());
    loadBmo(c);
  }

  private static void loadOccupations(Connection c) throws Exception {
    String sql =
        "INSERT INTO occupation(rome_code,label,domain_code,domain_label,grand_domain_code,"
            + "grand_domain_label,parent_code,label_norm) VALUES (?,?,?,?,?,?,?,?)";
    try (PreparedStatement ps = c.prepareStatement(sql);
        CSVParser p = open("rome.csv")) {
      for (CSVRecord r : p) {
        ps.setString(1, r.get("code"));
        ps.setString(2, r.get("label"));
        ps.setString(3, r.get("domain_code"));
        ps.setString(4, r.get("domain_label"));
        ps.setString(5, r.get("grand_domain_code"));
        ps.setString(6, r.get("grand_domain_label"));
        ps.setString(7, r.get("parent_code"));
        ps.setString(8, TextNorm.normalize(r.get("label")));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void loadTitles(Connection c) throws Exception {
    String sql =
        "INSERT INTO occupation_title(title_code,rome_code,label,short_label,label_norm)"
            + " VALUES (?,?,?,?,?)";
    try (PreparedStatement ps = c.prepareStatement(sql);
        CSVParser p = open("rome_appellations.csv")) {
      for (CSVRecord r : p) {
        ps.setInt(1, Integer.parseInt(r.get("appellation_code")));
        ps.setString(2, r.get("code"));
        ps.setString(3, r.get("appellation"));
        ps.setString(4, r.get("appellation_short"));
        ps.setString(5, TextNorm.normalize(r.get("appellation")));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static Map<String, String> loadQpv(Connection c) throws Exception {
    Map<String, String> communes = new HashMap<>();
    Set<String> seen = new HashSet<>();
    try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO qpv(qpv_code,insee_code,name) VALUES (?,?,?)");
        CSVParser p = open("qpv_occitanie.csv")) {
      for (CSVRecord r : p) {
        if (!seen.add(r.get("qpv_code") + "/" + r.get("insee_code"))) {
          continue;
        }
        ps.setString(1, r.get("qpv_code"));
        ps.setString(2, r.get("insee_code"));
        ps.setString(3, r.get("qpv_name"));
        ps.addBatch();
        communes.put(r.get("insee_code"), r.get("qpv_code"));
      }
      ps.executeBatch();
    }
    return communes;
  }

  private static void loadCommunes(Connection c, Set<String> qpvCommunes) throws Exception {
    String sql =
        "INSERT INTO commune(insee_code,name,name_norm,postal_codes,department,latitude,"
            + "longitude,population,qpv) VALUES (?,?,?,?,?,?,?,?,?)";
    try (PreparedStatement ps = c.prepareStatement(sql);
        CSVParser p = open("communes_occitanie.csv")) {
      for (CSVRecord r : p) {
        ps.setString(1, r.get("insee_code"));
        ps.setString(2, r.get("name"));
        ps.setString(3, TextNorm.normalize(r.get("name")));
        ps.setString(4, r.get("postal_code"));
        ps.setString(5, r.get("department"));
        setDouble(ps, 6, r.get("latitude"));
        setDouble(ps, 7, r.get("longitude"));
        ps.setInt(8, r.get("population").isBlank() ? 0 : Integer.parseInt(r.get("population")));
        ps.setBoolean(9, qpvCommunes.contains(r.get("insee_code")));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void loadBmo(Connection c) throws Exception {
    String sql =
        "INSERT INTO bmo_occupation(survey_year,bmo_code,label,family_code,family_label,"
            + "projects,difficult_projects,seasonal_projects,difficult_share_pct)"
            + " VALUES (?,?,?,?,?,?,?,?,?)";
    try (PreparedStatement ps = c.prepareStatement(sql);
        CSVParser p = open("bmo_occitanie.csv")) {
      for (CSVRecord r : p) {
        ps.setInt(1, Integer.parseInt(r.get("year")));
        ps.setString(2, r.get("bmo_code"));
        ps.setString(3, r.get("bmo_label"));
        ps.setString(4, r.get("family_code"));
        ps.setString(5, r.get("family_label"));
        ps.setInt(6, Integer.parseInt(r.get("projects")));
        ps.setInt(7, Integer.parseInt(r.get("difficult_projects")));
        ps.setInt(8, Integer.parseInt(r.get("seasonal_projects")));
        String share = r.get("difficult_share_pct");
        ps.setBigDecimal(9, share.isBlank() ? null : new java.math.BigDecimal(share));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void setDouble(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null || v.isBlank()) {
      ps.setNull(i, java.sql.Types.DOUBLE);
    } else {
      ps.setDouble(i, Double.parseDouble(v));
    }
  }

  private static CSVParser open(String name) throws IOException {
    InputStream in = ReferenceDataMigration.class.getResourceAsStream(DIR + name);
    if (in == null) {
      throw new IOException("missing reference file " + name);
    }
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
  }
}
