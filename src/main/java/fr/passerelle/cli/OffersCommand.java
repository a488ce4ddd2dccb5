package fr.passerelle.cli;

import picocli.CommandLine.Command;

/**
 * Job offers. Subcommands each live in their own class (list/match are added by the offers
 * feature).
 */
@Command(
    name = "offers",
    description = "Job offers: import and export (CSV French Excel or .xlsx).",
    subcommands = {OffersImportCommand.class, OffersExportCommand.class})
final class OffersCommand {}
