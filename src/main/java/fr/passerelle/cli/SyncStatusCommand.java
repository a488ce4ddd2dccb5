package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.sync.Peer;
import fr.passerelle.sync.SyncService;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "status",
    description = "This replica's change sequence, checkpoints and conflicts.")
final class SyncStatusCommand extends ServiceCommand {
  @Option(names = "--json")
  boolean json;

  static Map<String, Object> peerJson(Peer p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("replicaId", p.replicaId().toString());
    m.put("office", p.office());
    m.put("organisation", p.organisation());
    m.put("kind", p.kind());
    m.put("fingerprint", p.fingerprint());
    m.put("revoked", p.revoked());
    m.put("sentAck", p.sentAck());
    m.put("received", p.received());
    m.put("lastExportAt", p.lastExportAt() == null ? null : p.lastExportAt().toString());
    m.put("lastImportAt", p.lastImportAt() == null ? null : p.lastImportAt().toString());
    return m;
  }

  @Override
  protected int run(Services services) {
    SyncService.Status s = services.sync().status();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("replicaId", s.replicaId().toString());
      m.put("office", s.office());
      m.put("organisation", s.organisation());
      m.put("changeSeq", s.changeSeq());
      m.put("conflicts", s.conflicts());
      m.put("refusedRows", s.refusedRows());
      m.put("peers", s.peers().stream().map(SyncStatusCommand::peerJson).toList());
      Json.print(out(), m);
      return 0;
    }
    out()
        .printf(
            "%s (%s)%nreplica %s, change %d, open conflicts %d%n",
            s.office(), s.organisation(), s.replicaId(), s.changeSeq(), s.conflicts());
    if (s.refusedRows() > 0) {
      out()
          .printf(
              "rows of partners' files refused (quarantined, see the Sync view): %d%n",
              s.refusedRows());
    }
    for (Peer p : s.peers()) {
      out()
          .printf(
              "  %s (%s)%s: sent ack %d, received %d, last file in %s, out %s%n",
              p.office(),
              p.organisation(),
              p.revoked() ? " REVOKED" : "",
              p.sentAck(),
              p.received(),
              p.lastImportAt() == null ? "never" : p.lastImportAt().toString(),
              p.lastExportAt() == null ? "never" : p.lastExportAt().toString());
    }
    return 0;
  }
}
