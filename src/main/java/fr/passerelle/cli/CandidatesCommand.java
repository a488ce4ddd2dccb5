package fr.passerelle.cli;

import picocli.CommandLine.Command;

@Command(
    name = "candidates",
    description = "Candidates: search, import and export (CSV French Excel or .xlsx).",
    subcommands = {
      CandidatesSearchCommand.class,
      CandidatesImportCommand.class,
      CandidatesExportCommand.class
    })
final class CandidatesCommand {}
