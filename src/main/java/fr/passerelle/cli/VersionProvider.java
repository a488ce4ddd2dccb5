package fr.passerelle.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (or "dev" when run from classes). */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = PasserelleCommand.class.getPackage().getImplementationVersion();
    return new String[] {"Passerelle " + (v == null ? "dev" : v)};
  }
}
