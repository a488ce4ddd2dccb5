package fr.passerelle.ui.setup;

import fr.passerelle.app.Services;
import fr.passerelle.db.OfficeServer;
import fr.passerelle.db.ServerProbe;
import fr.passerelle.security.SignInService;

/**
 * What the first-start window asks of the office server (ADR 0190), through the same service as
 * {@code init --database} ({@code app/ServerSetUp}); each call runs off the FX thread.
 */
public interface OfficeServers {
  /**
   * "Tester la connexion": what the server's database holds, nothing changed — empty (a new office
   * may go there) or the office's installation (this workstation may join it); refused (a keyed
   * exception) otherwise.
   */
  ServerProbe.Found test(OfficeServer server, char[] password);

  /**
   * This workstation joined to the office's installation on the server, {@code login} signed in
   * there with {@code password} (refused, nothing kept: a wrong password, an unknown account); the
   * window then uses the installation on the server.
   */
  SignInService.SignedIn join(
      OfficeServer server, char[] serverPassword, String login, char[] password);

  /** A new installation opened on the server, nobody signed in (refused if it holds one). */
  Services openNew(OfficeServer server, char[] password);

  /**
   * The new installation {@code signedIn} kept: the server password sealed, the key slots written;
   * the window then uses the installation on the server, its first administrator signed in.
   */
  void keep(Services signedIn, char[] password, OfficeServer server, char[] serverPassword);
}
