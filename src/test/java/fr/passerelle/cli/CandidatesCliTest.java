package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandidatesCliTest {
  @TempDir Path dir;

  private Path file(String name, String content) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, "\uFEFF" + content.replace("\n", "\r\n"), StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void importsSearchesAndExportsCandidatesAndRefusesBadFilesWithExit2() throws Exception {
    Path data = dir.resolve("data");
    assertThat(
            Cli.run(data, "init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL")
                .code())
        .isZero();
    Path bad =
        file(
            "bad.csv",
            "last_name;first_name;commune;mobility_km\nLefèvre;Hélène;31555;10\nDurand;Léa;Atlantis;-2\n");
    Cli.Result r =
        Cli.run(
            data,
            "candidates",
            "import",
            bad.toString(),
            "--errors",
            dir.resolve("err.csv").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("bad.csv, line 3, field commune: unknown commune \"Atlantis\"")
        .contains("bad.csv, line 3, field mobility_km")
        .contains("nothing was imported");
    assertThat(Files.readString(dir.resolve("err.csv"), StandardCharsets.UTF_8))
        .contains("Atlantis");
    assertThat(Cli.run(data, "candidates", "search", "lefevre").out())
        .contains("No candidate matches");

    Path good =
        file("good.csv", "last_name;first_name;commune;occupations\nLefèvre;Hélène;Albi;N1103:2\n");
    r = Cli.run(data, "candidates", "import", good.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("good.csv: 1 created, 0 updated");

    r = Cli.run(data, "candidates", "search", "helene", "albi", "--json");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("\"lastName\" : \"Lefèvre\"")
        .contains("\"communeName\" : \"Albi\"");

    Path out = dir.resolve("all.xlsx");
    r = Cli.run(data, "candidates", "export", out.toString());
    assertThat(r.out()).contains("1 candidate(s) exported");
    assertThat(Cli.run(data, "candidates", "import", out.toString()).out())
        .contains("0 created, 1 updated");

    r =
        Cli.run(
            data,
            "candidates",
            "import",
            file("commas.csv", "last_name,first_name\nA,B\n").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("commas.csv, line 1: wrong separator");
  }

  /**
   * Issue #11.5 on the command line: a 1 MB last name, a 1 MB note and a 30 MB field end in "line
   * N, field F: too long (max M)" (or the row's length) and exit 2, never a stack trace.
   */
  @Test
  void hugeFieldsAreRefusedWithTheirLineAndFieldAndExit2() throws Exception {
    Path data = dir.resolve("data");
    Cli.run(data, "init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    String mb = "n".repeat(1 << 20);
    Path names =
        file(
            "long.csv",
            "last_name;first_name;notes\nMartin;Paul;ok\n"
                + mb
                + ";Léa;ok\nDurand;Zoé;"
                + mb
                + "\n");
    Cli.Result r = Cli.run(data, "candidates", "import", names.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("long.csv, line 3, field last_name: too long (1")
        .contains("nothing was imported")
        .doesNotContain("Exception", "\tat ");
    // the note column holds 1 MB or refuses it at its line, never a jOOQ DataException
    assertThat(r.err()).doesNotContain("DataException");

    Path huge = dir.resolve("huge.csv");
    try (var out = Files.newOutputStream(huge)) {
      out.write("last_name;notes\r\nMartin;Paul\r\nDurand;".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = mb.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 30; i++) {
        out.write(chunk);
      }
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    r = Cli.run(data, "candidates", "import", huge.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("huge.csv, line 3: the row is longer than")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void importsAndExportsOffers() throws Exception {
    Path data = dir.resolve("data");
    Cli.run(data, "init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    Path bad =
        file(
            "offres.csv",
            "title;employer;rome_code;commune;contract;positions;opened_on;closed_on\n"
                + "Cariste;Logistique Sud;N1101;Albi;INTERIM;2;01/10/2026;\n"
                + "Maçon;BTP 81;Z9999;Albi;CDI;1;01/10/2026;\n"
                + "Vendeur;Shop;D1106;Albi;STAGE;0;10/10/2026;01/10/2026\n");
    Cli.Result r = Cli.run(data, "offers", "import", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("offres.csv, line 3, field rome_code: unknown ROME code \"Z9999\"")
        .contains("offres.csv, line 4, field contract")
        .contains("offres.csv, line 4, field positions")
        .contains("offres.csv, line 4, field closed_on");
    r = Cli.run(data, "offers", "import", bad.toString(), "--valid-rows-only");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("1 created");
    Path out = dir.resolve("offres-export.csv");
    assertThat(Cli.run(data, "offers", "export", out.toString()).out())
        .contains("1 offer(s) exported");
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(text).contains(";Cariste;Logistique Sud;;N1101;81004;Albi;INTERIM;2;01/10/2026;");
    Files.writeString(out, text.replace(";INTERIM;2;", ";INTERIM;5;"), StandardCharsets.UTF_8);
    r = Cli.run(data, "offers", "import", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("0 created, 1 updated");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains(";INTERIM;5;");
    Path again = dir.resolve("again.csv");
    Cli.Result reexport = Cli.run(data, "offers", "export", again.toString());
    assertThat(Files.readString(again, StandardCharsets.UTF_8))
        .as(
            "import said: %s %s; export said: %s %s",
            r.out(), r.err(), reexport.out(), reexport.err())
        .contains(";INTERIM;5;01/10/2026;");
  }
}
