package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCliTest {
  @TempDir Path root;

  private Result ok(Path dir, String... args) {
    Result r = Cli.run(dir, args);
    assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
    return r;
  }

  @Test
  void twoOfficesExchangeFilesFromTheCommandLine() throws Exception {
    Path a = root.resolve("a");
    Path b = root.resolve("b");
    ok(a, "init", "--office-name", "Agence Toulouse", "--office-kind", "FRANCE_TRAVAIL");
    ok(b, "init", "--office-name", "Agence Albi", "--office-kind", "FRANCE_TRAVAIL");
    Result idA = ok(a, "sync", "identity", "--out", root.resolve("a.card").toString());
    assertThat(idA.out()).containsPattern("Fingerprint: ([A-Z2-7]{4} ){7}[A-Z2-7]{4}");
    ok(b, "sync", "identity", "--out", root.resolve("b.card").toString());
    Result trust = ok(a, "sync", "trust", root.resolve("b.card").toString(), "--yes");
    assertThat(trust.out()).contains("Organisation: France Travail", "Agence Albi");
    ok(b, "sync", "trust", root.resolve("a.card").toString(), "--yes");

    Result peers = ok(a, "sync", "peers", "--json");
    assertThat(peers.out()).contains("\"office\" : \"Agence Albi\"", "\"fingerprint\"");
    String bReplica = peers.out().replaceAll("(?s).*\"replicaId\" : \"([0-9a-f-]+)\".*", "$1");

    Path out = root.resolve("out");
    Files.createDirectories(out);
    Result exp =
        ok(a, "sync", "export", "--to", bReplica, "--out", out.resolve("f.passerelle").toString());
    assertThat(exp.out()).contains("rows for France Travail");
    Result imp = ok(b, "sync", "import", out.resolve("f.passerelle").toString());
    assertThat(imp.out()).contains("Imported", "office: added 1");
    Result again = ok(b, "sync", "import", out.resolve("f.passerelle").toString());
    assertThat(again.out()).contains("Already imported");

    ok(b, "sync", "export", "--all", "--out", out.toString());
    try (var files = Files.list(out)) {
      Path back =
          files
              .filter(p -> p.getFileName().toString().startsWith("Agence-Albi"))
              .findFirst()
              .orElseThrow();
      ok(a, "sync", "import", back.toString());
    }
    String digestA = ok(a, "sync", "digest").out().lines().findFirst().orElseThrow();
    String digestB = ok(b, "sync", "digest").out().lines().findFirst().orElseThrow();
    assertThat(digestA).hasSize(64).isEqualTo(digestB);

    Result status = ok(a, "sync", "status", "--json");
    assertThat(status.out()).contains("\"changeSeq\"", "\"conflicts\" : 0", "\"received\"");

    Path junk = root.resolve("junk.passerelle");
    Files.writeString(junk, "not a sync file");
    Result refused = Cli.run(b, "sync", "import", junk.toString());
    assertThat(refused.code()).isEqualTo(3);
    assertThat(refused.err()).contains("not a Passerelle sync file");

    Result revoke =
        ok(b, "sync", "revoke", idA.out().replaceAll("(?s).*Replica id:\\s+([0-9a-f-]+).*", "$1"));
    assertThat(revoke.out()).contains("Revoked Agence Toulouse");
    Result missing = Cli.run(a, "sync", "export", "--out", out.toString());
    assertThat(missing.code()).isEqualTo(1);
  }

  /**
   * A partner's file carrying rows it may not send (an old version forging a consent and a new name
   * for one of this office's people): the import succeeds (exit 0), prints the rows refused and
   * why; sync status counts them.
   */
  @Test
  void aPartnersRefusedRowsArePrintedAndCounted() throws Exception {
    Path a = root.resolve("a");
    Path t = root.resolve("t");
    ok(a, "init", "--office-name", "Agence Toulouse", "--office-kind", "FRANCE_TRAVAIL");
    ok(t, "init", "--office-name", "Interim Castres", "--office-kind", "TEMP_AGENCY");
    ok(a, "sync", "identity", "--out", root.resolve("a.card").toString());
    ok(t, "sync", "identity", "--out", root.resolve("t.card").toString());
    ok(a, "sync", "trust", root.resolve("t.card").toString(), "--yes");
    ok(t, "sync", "trust", root.resolve("a.card").toString(), "--yes");
    java.util.UUID adam;
    java.util.UUID aReplica;
    try (fr.passerelle.app.Services s = fr.passerelle.testsupport.TestServices.open(a)) {
      aReplica = fr.passerelle.db.ReplicatedWriter.currentReplica(s.db().dsl()).getId();
      adam =
          s.db()
              .dsl()
              .transactionResult(
                  cfg -> {
                    var c = cfg.dsl().newRecord(fr.passerelle.db.jooq.Tables.CANDIDATE);
                    c.setLastName("Adam");
                    return s.writer().insert(cfg.dsl(), c).getId();
                  });
    }
    try (fr.passerelle.app.Services s = fr.passerelle.testsupport.TestServices.open(t)) {
      var raw = new fr.passerelle.db.ReplicatedWriter(s.clock()); // an old version: no guard
      s.db()
          .dsl()
          .transaction(
              cfg -> {
                var k = cfg.dsl().newRecord(fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT);
                k.setId(adam);
                k.setCandidateId(adam);
                k.setShare(true);
                raw.insert(cfg.dsl(), k);
                var c = cfg.dsl().newRecord(fr.passerelle.db.jooq.Tables.CANDIDATE);
                c.setId(adam);
                c.setLastName("PIRATE");
                raw.insert(cfg.dsl(), c);
              });
    }
    Path f = root.resolve("t.passerelle");
    ok(t, "sync", "export", "--to", aReplica.toString(), "--out", f.toString());
    Result imp = ok(a, "sync", "import", f.toString());
    assertThat(imp.out())
        .contains("Imported", "rows refused (quarantined, see the Sync view): 2")
        .contains("it records the consent of a person followed by France Travail")
        .contains("it is about a person France Travail has not shared with Interim Castres");
    assertThat(ok(a, "sync", "status").out())
        .contains("rows of partners' files refused (quarantined, see the Sync view): 2");
    assertThat(ok(a, "sync", "status", "--json").out()).contains("\"refusedRows\" : 2");
  }
}
