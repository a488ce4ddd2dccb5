package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.sync.IdentityCard;
import fr.passerelle.sync.Peer;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "trust",
    description = "Trust another installation's identity card, after comparing its fingerprint.")
final class SyncTrustCommand extends ServiceCommand {
  @Parameters(paramLabel = "CARD")
  Path card;

  @Option(names = "--yes", description = "Do not ask for confirmation.")
  boolean yes;

  @Override
  protected int run(Services services) throws IOException {
    IdentityCard c = services.sync().peers().read(card);
    out()
        .printf(
            "Office:       %s%nOrganisation: %s%nKind:         %s%nReplica id:   %s%nFingerprint:  %s%n",
            c.office(), c.organisation(), c.kind(), c.replicaId(), c.fingerprint());
    if (!yes) {
      out().print("Compare this fingerprint with the office by phone. Trust it? [y/N] ");
      out().flush();
      String answer = root().input().readLine();
      if (answer == null || !answer.trim().toLowerCase().startsWith("y")) {
        out().println("Not trusted.");
        return 1;
      }
    }
    Peer p = services.sync().peers().trust(c);
    out().printf("Trusted %s (%s).%n", p.office(), p.organisation());
    return 0;
  }
}
