package fr.passerelle.ui.setup;

import fr.passerelle.app.Services;
import fr.passerelle.db.OfficeServer;
import fr.passerelle.db.ServerProbe;

/**
 * What the first-start window asks of the office server (ADR 0190), through the same service as
 * {@code init --database} ({@code app/ServerSetUp}); each call runs off the FX thread.
 */
public interface OfficeServers {
  /**
   * "Tester la connexion": what the server's database holds, nothing changed; refused (a keyed
   * exception) when a new office cannot go there.
   */
  ServerProbe.Found test(OfficeServer server, char[] password);

  /** A new installation opened on the server, nobody signed in (refused if it holds one). */
  Services openNew(OfficeServer server, char[] password);

  /**
   * The new installation {@code signedIn} kept: the server password sealed, the key slots written;
   * the window then uses the installation on the server, its first administrator signed in.
   */
  void keep(Services signedIn, char[] password, OfficeServer server, char[] serverPassword);
}
