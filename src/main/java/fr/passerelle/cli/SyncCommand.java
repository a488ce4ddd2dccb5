package fr.passerelle.cli;

import picocli.CommandLine.Command;

@Command(
    name = "sync",
    description = "Sync by file export between offices (protocol v1).",
    subcommands = {
      SyncIdentityCommand.class,
      SyncTrustCommand.class,
      SyncRevokeCommand.class,
      SyncPeersCommand.class,
      SyncExportCommand.class,
      SyncImportCommand.class,
      SyncStatusCommand.class,
      SyncDigestCommand.class
    })
final class SyncCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(),
        "Missing sync command: identity, trust, revoke, peers, export, import, status or digest.");
  }
}
