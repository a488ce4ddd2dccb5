package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.sync.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "peers", description = "The trusted installations and their checkpoints.")
final class SyncPeersCommand extends ServiceCommand {
  @Option(names = "--json")
  boolean json;

  @Override
  protected int run(Services services) {
    List<Peer> peers = services.sync().peers().all();
    if (json) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Peer p : peers) {
        list.add(SyncStatusCommand.peerJson(p));
      }
      Json.print(out(), list);
      return 0;
    }
    if (peers.isEmpty()) {
      out().println("No peer yet: exchange identity cards ('sync identity', 'sync trust').");
    }
    for (Peer p : peers) {
      out()
          .printf(
              "%s  %s (%s)%s%n    fingerprint %s, sent ack %d, received %d%n",
              p.replicaId(),
              p.office(),
              p.organisation(),
              p.revoked() ? " REVOKED" : "",
              p.fingerprint(),
              p.sentAck(),
              p.received());
    }
    return 0;
  }
}
