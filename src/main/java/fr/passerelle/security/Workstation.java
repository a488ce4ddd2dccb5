package fr.passerelle.security;

import java.net.InetAddress;
import java.util.Map;

/** The workstation's name, as the audit trail records it ("which workstation"). */
public final class Workstation {
  private Workstation() {}

  /** The host name (COMPUTERNAME on Windows, HOSTNAME, else the resolver's), and the OS user. */
  public static String name(Map<String, String> env) {
    String host = env.get("COMPUTERNAME");
    if (host == null || host.isBlank()) {
      host = env.get("HOSTNAME");
    }
    if (host == null || host.isBlank()) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException | SecurityException e) {
        host = "?";
      }
    }
    String user = System.getProperty("user.name", "?");
    return host + " / " + user;
  }
}
