package fr.passerelle.cli;

import picocli.CommandLine.Command;

/** {@code offers}: the job offers. Each subcommand lives in its own class. */
@Command(
    name = "offers",
    description = "Job offers: import, export (CSV for French Excel or .xlsx), list, match.",
    subcommands = {
      OffersImportCommand.class,
      OffersExportCommand.class,
      OffersListCommand.class,
      OffersMatchCommand.class
    })
final class OffersCommand {}
