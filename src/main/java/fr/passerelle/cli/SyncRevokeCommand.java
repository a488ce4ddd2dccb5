package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.sync.Peer;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "revoke", description = "Refuse a peer's files from now on; stop encrypting to it.")
final class SyncRevokeCommand extends ServiceCommand {
  @Parameters(paramLabel = "REPLICA")
  UUID replica;

  @Override
  protected int run(Services services) {
    Peer p = services.sync().peers().revoke(replica);
    out().printf("Revoked %s (%s, %s).%n", p.office(), p.organisation(), p.replicaId());
    return 0;
  }
}
