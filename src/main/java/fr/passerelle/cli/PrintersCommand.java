package fr.passerelle.cli;

import fr.passerelle.printing.Printing;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "printers",
    description = "List the printers of this computer (for 'print --printer NAME').")
final class PrintersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    Printing.Choices choices = Printing.system().choices();
    if (choices.none()) {
      out.println("No printer is available on this computer: the system offers no print service.");
      out.flush();
      return 0;
    }
    for (String name : choices.printers()) {
      boolean isDefault = choices.defaultPrinter().filter(name::equals).isPresent();
      out.println(name + (isDefault ? "  (default)" : ""));
    }
    out.flush();
    return 0;
  }
}
