package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.sync.IdentityCard;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "identity", description = "Write this installation's signed identity card.")
final class SyncIdentityCommand extends ServiceCommand {
  @Option(names = "--out", required = true, paramLabel = "CARD")
  Path out;

  @Override
  protected int run(Services services) {
    IdentityCard card = services.sync().peers().writeOwnCard(out);
    out()
        .printf(
            "Identity card of %s (%s) written to %s%nReplica id:  %s%nFingerprint: %s%n",
            card.office(), card.organisation(), out, card.replicaId(), card.fingerprint());
    return 0;
  }
}
