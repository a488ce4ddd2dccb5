package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.sync.SyncDigest;
import picocli.CommandLine.Command;

@Command(
    name = "digest",
    description =
        "SHA-256 of the replicated data: offices of one organisation in sync print the same.")
final class SyncDigestCommand extends ServiceCommand {
  @Override
  protected int run(Services services) {
    String hex = services.sync().digest();
    out().println(hex);
    out().println("to read: " + SyncDigest.forPhone(hex));
    return 0;
  }
}
