package fr.passerelle.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.db.DatabaseException;
import fr.passerelle.db.OfficeServer;
import fr.passerelle.db.ServerProbe;
import fr.passerelle.security.SignInService;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.ui.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The first-start window's choice of the office server (ADR 0190): each field says what it needs,
 * and "Tester la connexion" says in French what the server answered, the password never kept.
 */
class ServerChoiceViewModelTest {
  private final Messages m = new Messages(Messages.FRENCH);
  private final List<String> typed = new ArrayList<>();
  private final List<String> joins = new ArrayList<>();
  private char[] joinPassword;

  /** A server that answers {@code answer} to every test, remembering the password it was given. */
  private OfficeServers answering(Function<OfficeServer, ServerProbe.Found> answer) {
    return new OfficeServers() {
      @Override
      public ServerProbe.Found test(OfficeServer server, char[] password) {
        typed.add(new String(password));
        return answer.apply(server);
      }

      @Override
      public Services openNew(OfficeServer server, char[] password) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void keep(
          Services signedIn, char[] password, OfficeServer server, char[] serverPassword) {
        throw new UnsupportedOperationException();
      }

      @Override
      public SignInService.SignedIn join(
          OfficeServer server, char[] serverPassword, String login, char[] password) {
        joins.add(
            server.address()
                + " "
                + new String(serverPassword)
                + " "
                + login
                + " "
                + new String(password));
        joinPassword = password;
        return null;
      }
    };
  }

  private ServerChoiceViewModel vm(Function<OfficeServer, ServerProbe.Found> answer) {
    return new ServerChoiceViewModel(answering(answer), new SameThreadTaskRunner(), m);
  }

  private static void fill(ServerChoiceViewModel vm) {
    vm.whereProperty().set(ServerChoiceViewModel.Where.SERVER);
    vm.addressProperty().set(" postgresql://serveur-agence:5432/passerelle ");
    vm.userProperty().set("passerelle");
    vm.passwordProperty().set("le mot de passe de la base");
  }

  @Test
  void thisWorkstationNeedsNothingTheServerEachFieldInTurn() {
    ServerChoiceViewModel vm = vm(s -> null);
    assertThat(vm.offered()).isTrue();
    assertThat(vm.errorProperty().get()).as("this workstation, the default").isEmpty();
    vm.whereProperty().set(ServerChoiceViewModel.Where.SERVER);
    assertThat(vm.errorProperty().get())
        .isEqualTo("Indiquez l'adresse de la base sous la forme postgresql://serveur:5432/base.");
    vm.addressProperty().set("serveur-agence/passerelle");
    assertThat(vm.errorProperty().get()).startsWith("Indiquez l'adresse");
    vm.addressProperty().set("postgresql://serveur-agence:99999/passerelle");
    assertThat(vm.errorProperty().get()).as("no such port").startsWith("Indiquez l'adresse");
    vm.addressProperty().set("postgresql://serveur-agence/passerelle");
    assertThat(vm.errorProperty().get()).isEqualTo("Indiquez l'utilisateur de la base.");
    vm.userProperty().set("passerelle");
    assertThat(vm.errorProperty().get())
        .isEqualTo("Indiquez le mot de passe de l'utilisateur de la base.");
    vm.passwordProperty().set("x");
    assertThat(vm.errorProperty().get()).isEmpty();
    vm.whereProperty().set(ServerChoiceViewModel.Where.WORKSTATION);
    assertThat(vm.errorProperty().get()).isEmpty();
  }

  @Test
  void anEmptyDatabaseIsReadyAndTheAddressIsSaid() {
    ServerChoiceViewModel vm = vm(s -> new ServerProbe.Found(List.of(), 0, List.of()));
    fill(vm);
    vm.test();
    assertThat(vm.outcomeProperty().get()).isEqualTo(ServerChoiceViewModel.Outcome.READY);
    assertThat(vm.resultProperty().get())
        .isEqualTo(
            "Connexion réussie : la base postgresql://serveur-agence:5432/passerelle est vide,"
                + " prête pour l'agence.");
    assertThat(typed).containsExactly("le mot de passe de la base");
    vm.userProperty().set("autre");
    assertThat(vm.resultProperty().get()).as("a field changed: tested no more").isEmpty();
    assertThat(vm.outcomeProperty().get()).isEqualTo(ServerChoiceViewModel.Outcome.NONE);
  }

  @Test
  void refusalsAreSaidInFrenchWithTheAddressNeverAStackTrace() {
    ServerChoiceViewModel vm =
        vm(
            s -> {
              throw (DatabaseException)
                  new DatabaseException("Cannot open the office database at " + s.address())
                      .keyed("server.error.unreachable", s.address(), s.user());
            });
    fill(vm);
    vm.test();
    assertThat(vm.outcomeProperty().get()).isEqualTo(ServerChoiceViewModel.Outcome.REFUSED);
    assertThat(vm.resultProperty().get())
        .isEqualTo(
            "Le serveur postgresql://serveur-agence:5432/passerelle ne répond pas : est-il"
                + " démarré, l'adresse est-elle juste, le réseau fonctionne-t-il ?");

    ServerChoiceViewModel refused =
        vm(
            s -> {
              throw (DatabaseException)
                  new DatabaseException("refused").keyed("server.error.refused", s.address(), "x");
            });
    fill(refused);
    refused.test();
    assertThat(refused.resultProperty().get())
        .isEqualTo(
            "Le serveur postgresql://serveur-agence:5432/passerelle refuse l'utilisateur x ou son"
                + " mot de passe.");

    ServerChoiceViewModel installed =
        vm(
            s -> {
              throw (DatabaseException)
                  new DatabaseException("installed").keyed("server.error.installed", s.address());
            });
    fill(installed);
    installed.test();
    assertThat(installed.resultProperty().get())
        .startsWith(
            "La base postgresql://serveur-agence:5432/passerelle contient déjà une installation")
        .contains("passerelle join");

    ServerChoiceViewModel broken =
        vm(
            s -> {
              throw new IllegalStateException("boom");
            });
    fill(broken);
    broken.test();
    assertThat(broken.resultProperty().get()).isEqualTo("Erreur inattendue : boom");
    assertThat(broken.outcomeProperty().get()).isEqualTo(ServerChoiceViewModel.Outcome.REFUSED);
  }

  @Test
  void theOfficesInstallationFoundIsJoinedWithAnAccountOfTheOffice() {
    ServerChoiceViewModel vm =
        vm(s -> new ServerProbe.Found(List.of("candidate", "account"), 2, List.of("slot")));
    fill(vm);
    assertThat(vm.joiningProperty().get()).isFalse();
    assertThat(vm.joinErrorProperty().get()).as("not joining: nothing asked").isEmpty();
    vm.test();
    assertThat(vm.outcomeProperty().get()).isEqualTo(ServerChoiceViewModel.Outcome.JOINABLE);
    assertThat(vm.joiningProperty().get()).isTrue();
    assertThat(vm.resultProperty().get())
        .isEqualTo(
            "Connexion réussie : la base postgresql://serveur-agence:5432/passerelle contient"
                + " l'installation de l'agence. Ce poste peut la rejoindre : identifiez-vous avec"
                + " votre compte de l'agence.");
    assertThat(vm.joinErrorProperty().get()).isEqualTo("Indiquez votre identifiant à l'agence.");
    vm.joinLoginProperty().set(" CMartin ");
    assertThat(vm.joinErrorProperty().get()).isEqualTo("Indiquez le mot de passe de votre compte.");
    vm.joinPasswordProperty().set("le vieux port sous la pluie");
    assertThat(vm.joinErrorProperty().get()).isEmpty();
    assertThat(vm.joiningProperty().get()).as("the account's fields keep the test").isTrue();

    vm.joiner().get();
    assertThat(joins)
        .containsExactly(
            "postgresql://serveur-agence:5432/passerelle le mot de passe de la base cmartin"
                + " le vieux port sous la pluie");
    assertThat(new String(joinPassword))
        .as("the password taken is cleared")
        .isEqualTo("\0".repeat(27));

    vm.addressProperty().set("postgresql://autre-serveur/passerelle");
    assertThat(vm.joiningProperty().get()).as("another server: to test again").isFalse();
    assertThat(vm.joinErrorProperty().get()).isEmpty();
  }

  @Test
  void aWindowWithoutTheServerOffersOnlyThisWorkstation() {
    ServerChoiceViewModel vm = new ServerChoiceViewModel(null, new SameThreadTaskRunner(), m);
    assertThat(vm.offered()).isFalse();
    assertThat(vm.errorProperty().get()).isEmpty();
  }
}
