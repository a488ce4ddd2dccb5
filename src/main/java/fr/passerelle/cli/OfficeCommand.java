package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.office.Office;
import fr.passerelle.office.OfficeContact;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "office",
    description = "This office's contact details, time zone and the workstation's counselor.",
    subcommands = {OfficeCommand.Show.class, OfficeCommand.Set.class})
final class OfficeCommand {

  @Command(name = "show", description = "The office, its address, phone, mailbox and time zone.")
  static final class Show extends ServiceCommand {
    @Option(names = "--json")
    boolean json;

    @Override
    protected int run(Services services) {
      Office office =
          services
              .offices()
              .current()
              .orElseThrow(
                  () -> new InvalidInputException("This installation has no office: run init."));
      OfficeContact c = services.offices().contact();
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("id", office.id());
      doc.put("name", office.name());
      doc.put("kind", office.kind());
      doc.put("organisation", office.organisation());
      doc.put("address", c.address());
      doc.put("phone", c.phone());
      doc.put("email", c.email());
      doc.put("timeZone", c.zone().getId());
      doc.put("counselor", services.meetings().counselor());
      doc.put("today", services.clock().today());
      if (json) {
        Json.print(out(), doc);
      } else {
        doc.forEach((k, v) -> out().printf("%-13s %s%n", k, v));
      }
      return 0;
    }
  }

  @Command(
      name = "set",
      description =
          "Change the office's contact details (printed on convocations; the mailbox is the"
              + " organiser of calendar invitations) or its time zone; an empty value clears it.")
  static final class Set extends ServiceCommand {
    @Option(names = "--address", paramLabel = "TEXT", description = "Postal address.")
    String address;

    @Option(names = "--phone", paramLabel = "PHONE", description = "Phone candidates call.")
    String phone;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "The office's mailbox.")
    String email;

    @Option(
        names = "--time-zone",
        paramLabel = "ZONE",
        description = "Region id: Europe/Paris (default), America/Cayenne, Indian/Reunion…")
    String timeZone;

    @Option(
        names = "--counselor",
        paramLabel = "NAME",
        description = "Who signs convocations from this workstation (local, never synced).")
    String counselor;

    @Override
    protected int run(Services services) {
      if (address == null
          && phone == null
          && email == null
          && timeZone == null
          && counselor == null) {
        throw new InvalidInputException(
            "Nothing to change: give --address, --phone, --email, --time-zone or --counselor.");
      }
      if (address != null || phone != null || email != null || timeZone != null) {
        services.offices().updateContact(address, phone, email, timeZone);
      }
      if (counselor != null) {
        services.meetings().setCounselor(counselor);
      }
      out().println("Office details saved.");
      return 0;
    }
  }
}
