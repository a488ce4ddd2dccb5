package fr.passerelle.cli;

import picocli.CommandLine.Command;

/** {@code offers}: the job offers (list and match here; import/export in their own classes). */
@Command(
    name = "offers",
    description = "Job offers: list, match.",
    subcommands = {OffersListCommand.class, OffersMatchCommand.class})
final class OffersCommand {}
