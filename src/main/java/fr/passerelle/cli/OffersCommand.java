package fr.passerelle.cli;

import picocli.CommandLine.Command;

/** {@code offers}: the job offers (list and match here; import/export in their own classes). */
@Command(
    name = "offers",
    description = "Job offers: list, match.",
    subcommands = {OffersListCommand.class, OffersMatchCommand.class})
/**
 * Job offers. Subcommands each live in their own class (list/match are added by the offers
 * feature).
 */
@Command(
    name = "offers",
    description = "Job offers: import and export (CSV French Excel or .xlsx).",
    subcommands = {OffersImportCommand.class, OffersExportCommand.class})
final class OffersCommand {}
