package fr.passerelle.cli;

import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.app.Services;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.Cli.Result;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention and person verbs on demo data: output, exit codes, confirmations, refusals. */
class RetentionAndPersonCliTest {
  @TempDir static Path dir;
  static Path data;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void demo() {
    data = dir.resolve("data");
    Result r = Cli.run(data, "demo", "--candidates", "40", "--seed", "3", "--today", "2026-03-16");
    assertThat(r.code()).as(r.err()).isZero();
  }

  private static UUID someone() {
    try (Services s = TestServices.open(data)) {
      return s.db()
          .dsl()
          .select(CANDIDATE.ID)
          .from(CANDIDATE)
          .where(CANDIDATE.DELETED.isFalse())
          .orderBy(CANDIDATE.ID)
          .limit(1)
          .fetchOne(CANDIDATE.ID);
    }
  }

  private static boolean erased(UUID id) {
    try (Services s = TestServices.open(data)) {
      return s.db().dsl().fetchOne(CANDIDATE, CANDIDATE.ID.eq(id)).getDeleted();
    }
  }

  @Test
  void rulesAreListedAndSet() throws Exception {
    Result r = Cli.run(data, "retention", "rules", "list", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode rules = JSON.readTree(r.out());
    assertThat(rules.get(0).get("kind").asText()).isEqualTo("CANDIDATE_INACTIVE");
    assertThat(rules.get(0).get("months").asInt()).isEqualTo(24);
    assertThat(rules.get(0).get("source").asText()).contains("CNIL");

    r = Cli.run(data, "retention", "rules", "set", "training_path", "--months", "48");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("TRAINING_PATH", "48 months (default 36)", "office's choice");

    r = Cli.run(data, "retention", "rules", "set", "NOPE", "--months", "12");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("KIND: \"NOPE\" is not a kind of record");
    r = Cli.run(data, "retention", "rules", "set", "SOURCING_ENTRY", "--months", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("months: 0");
  }

  @Test
  void aProposalIsConfirmedOnceByItsId() throws Exception {
    Result r = Cli.run(data, "retention", "proposal", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode p = JSON.readTree(r.out());
    String id = p.get("id").asText();
    assertThat(p.get("counts").has("CANDIDATE_INACTIVE")).isTrue();
    assertThat(p.get("items").isArray()).isTrue();

    r = Cli.run(data, "retention", "purge");
    assertThat(r.code()).as("--confirm is required").isEqualTo(1);
    r = Cli.run(data, "retention", "purge", "--confirm", "not-an-id");
    assertThat(r.code()).isEqualTo(2);
    r = Cli.run(data, "retention", "purge", "--confirm", id);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Purge " + id + " confirmed");
    r = Cli.run(data, "retention", "purge", "--confirm", id);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("not the open proposal");
  }

  @Test
  void aPersonIsExportedThenErasedOnlyWithConfirm() throws Exception {
    UUID id = someone();
    Path out = Files.createDirectories(dir.resolve("export"));
    Result r = Cli.run(data, "person", "export", id.toString(), "--out", out.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode w = JSON.readTree(r.out());
    assertThat(w.get("files")).hasSize(2);
    assertThat(w.get("records").get("file").asInt()).isEqualTo(1);
    assertThat(out.resolve("personne-" + id + ".pdf")).exists();
    assertThat(
            JSON.readTree(out.resolve("personne-" + id + ".json").toFile())
                .get("personId")
                .asText())
        .isEqualTo(id.toString());

    r = Cli.run(data, "person", "erase", id.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Nothing was erased", "--confirm");
    assertThat(erased(id)).isFalse();

    r = Cli.run(data, "person", "erase", id.toString(), "--confirm");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(erased(id)).isTrue();
    r = Cli.run(data, "person", "erase", id.toString(), "--confirm");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("already erased");
  }

  @Test
  void aReadOnlyAccountMayNotExportAPerson() {
    UUID id = someone();
    try (Services s = TestServices.open(data)) {
      TestServices.as(s, "lecteur", "READ_ONLY");
    }
    Result r =
        Cli.runAs(
            data,
            "lecteur",
            TestServices.PASSWORD + "\n",
            "person",
            "export",
            id.toString(),
            "--out",
            dir.resolve("refused.pdf").toString());
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).contains("PERSON_RIGHTS");
    assertThat(dir.resolve("refused.pdf")).doesNotExist();
  }
}
