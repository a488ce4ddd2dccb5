package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.office.Office;
import fr.passerelle.office.OfficeKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", description = "Set up this installation's office.")
final class InitCommand extends ServiceCommand {
  @Option(names = "--office-name", required = true, description = "Office name.")
  String name;

  @Option(
      names = "--office-kind",
      required = true,
      description = "FRANCE_TRAVAIL, TEMP_AGENCY or PARTNER.")
  String kind;

  @Option(
      names = "--organisation",
      description =
          "Organisation (default: \"France Travail\" for its offices, else the office name).")
  String organisation;

  @Override
  protected int run(Services services) {
    OfficeKind k = OfficeKind.parse(kind);
    Office office = services.offices().init(name, k, organisation);
    out()
        .printf(
            "Office \"%s\" (%s, organisation \"%s\") set up in %s%n",
            office.name(), office.kind(), office.organisation(), services.db().dataDir());
    return 0;
  }
}
