package fr.passerelle.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency directions of docs/architecture.md: ui → service → db, JavaFX only in ui. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.passerelle");
  }

  @Test
  void javafxOnlyInUi() {
    JAVAFX_ONLY_IN_UI.check(classes);
  }

  @Test
  void servicesNeverCallTheUi() {
    SERVICES_NEVER_CALL_THE_UI.check(classes);
  }

  @Test
  void dbDependsOnNoFeature() {
    DB_DEPENDS_ON_NO_FEATURE.check(classes);
  }

  @Test
  void servicesDoNotUseTheCli() {
    SERVICES_DO_NOT_USE_THE_CLI.check(classes);
  }

  @Test
  void featuresDependOnEachOtherOneWay() {
    NO_CYCLE_BETWEEN_PACKAGES.check(classes);
  }

  @Test
  void aFeaturesScreensNeverUseAnotherFeaturesScreens() {
    FEATURE_UI_ISOLATED.check(classes);
  }

  @Test
  void theUiKitKnowsNoFeatureNorTheShell() {
    KIT_KNOWS_NO_FEATURE.check(classes);
  }

  @Test
  void onlyTheShellComposesTheWindow() {
    ONLY_MAIN_USES_THE_SHELL.check(classes);
  }

  @Test
  void onlyTheUiKitBuildsAndShowsDialogs() {
    ONLY_THE_KIT_BUILDS_DIALOGS.check(classes);
  }

  /** The features of the navigation rail, each with its screens in {@code <feature>.ui}. */
  static final List<String> FEATURES =
      List.of(
          "accounts",
          "audit",
          "candidates",
          "dashboard",
          "demo",
          "meetings",
          "offers",
          "sourcing",
          "sync",
          "training");

  /**
   * The packages that compose the others and so may depend on all of them: {@code app} (the
   * services' wiring), {@code cli} (one class per verb), the window's shell ({@code ui.shell}, the
   * setup dialog {@code ui.setup}, the global search {@code ui.search}) and {@code Main}.
   */
  static final List<String> COMPOSITION =
      List.of(
          "fr.passerelle.app..",
          "fr.passerelle.cli..",
          "fr.passerelle.ui.shell..",
          "fr.passerelle.ui.setup..",
          "fr.passerelle.ui.search..");

  private static String[] packagesOf(List<String> features, String suffix) {
    return features.stream().map(f -> "fr.passerelle." + f + suffix).toArray(String[]::new);
  }

  /**
   * One slice per top-level package (a feature, a shared service such as {@code search} or {@code
   * printing}, {@code db}, {@code core}, the ui kit); the composition packages belong to none.
   */
  static final SliceAssignment TOP_LEVEL_PACKAGES =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String name = c.getPackageName();
          if (!name.startsWith("fr.passerelle.")
              || COMPOSITION.stream()
                  .anyMatch(p -> (name + ".").startsWith(p.substring(0, p.length() - 1)))) {
            return SliceIdentifier.ignore();
          }
          return SliceIdentifier.of(name.substring("fr.passerelle.".length()).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
          return "top-level packages of fr.passerelle except app, cli and the window's shell";
        }
      };

  static final ArchRule NO_CYCLE_BETWEEN_PACKAGES =
      SlicesRuleDefinition.slices()
          .assignedFrom(TOP_LEVEL_PACKAGES)
          .should()
          .beFreeOfCycles()
          .as("features and shared packages depend on each other one way (no cycle)");

  static final ArchRule FEATURE_UI_ISOLATED =
      SlicesRuleDefinition.slices()
          .matching("fr.passerelle.(*).ui..")
          .that(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "a feature's screens", s -> FEATURES.contains(s.getNamePart(1))))
          .should()
          .notDependOnEachOther()
          .as(
              "a feature's ui never uses another feature's ui (shared widgets are in the ui kit,"
                  + " navigation goes through the Navigator)");

  static final ArchRule KIT_KNOWS_NO_FEATURE =
      noClasses()
          .that()
          .resideInAPackage("fr.passerelle.ui")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              java.util.stream.Stream.concat(
                      java.util.stream.Stream.of(packagesOf(FEATURES, "..")),
                      java.util.stream.Stream.of(
                          "fr.passerelle.ui.shell..",
                          "fr.passerelle.ui.setup..",
                          "fr.passerelle.ui.search.."))
                  .toArray(String[]::new))
          .as("the ui kit (fr.passerelle.ui) depends on no feature and not on the shell");

  static final ArchRule ONLY_MAIN_USES_THE_SHELL =
      noClasses()
          .that()
          .resideOutsideOfPackages(COMPOSITION.toArray(String[]::new))
          .and()
          .doNotHaveFullyQualifiedName("fr.passerelle.Main")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "fr.passerelle.ui.shell..", "fr.passerelle.ui.setup..", "fr.passerelle.ui.search..")
          .as("features never reach into the window's shell: it composes them");

  static final ArchRule JAVAFX_ONLY_IN_UI =
      noClasses()
          .that()
          .resideOutsideOfPackages("..ui..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "javafx..", "org.controlsfx..", "atlantafx..", "com.calendarfx..", "org.kordamp..")
          .as("nothing outside ui packages uses JavaFX");

  static final ArchRule SERVICES_NEVER_CALL_THE_UI =
      noClasses()
          .that()
          .resideOutsideOfPackages("..ui..")
          .and()
          .doNotHaveFullyQualifiedName("fr.passerelle.Main")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..ui..")
          .as("services and the command line never depend on the UI");

  static final ArchRule DB_DEPENDS_ON_NO_FEATURE =
      noClasses()
          .that()
          .resideInAPackage("fr.passerelle.db..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "fr.passerelle.app..",
              "fr.passerelle.cli..",
              "fr.passerelle.meetings..",
              "fr.passerelle.candidates..",
              "fr.passerelle.offers..",
              "fr.passerelle.sourcing..",
              "fr.passerelle.training..",
              "fr.passerelle.dashboard..",
              "fr.passerelle.sync..")
          .as("db is the bottom layer");

  static final ArchRule SERVICES_DO_NOT_USE_THE_CLI =
      noClasses()
          .that()
          .resideOutsideOfPackages("fr.passerelle.cli..")
          .and()
          .doNotHaveFullyQualifiedName("fr.passerelle.Main")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("fr.passerelle.cli..")
          .as("only Main uses the command line");

  /** The dialogs only the ui kit builds: the questions, the file and folder choosers, the input. */
  static final List<String> KIT_DIALOGS =
      List.of(
          "javafx.scene.control.Alert",
          "javafx.scene.control.TextInputDialog",
          "javafx.scene.control.ChoiceDialog",
          "javafx.stage.FileChooser",
          "javafx.stage.DirectoryChooser");

  /**
   * One way to ask the counselor something (ADR 0189, 0193): the window's {@code ui/DialogService},
   * whose implementation in the kit builds the alerts (safe default answer, owner, size, language),
   * the file and folder choosers (the last folder remembered) and the text input; views, view
   * models and the shell receive it and never build one themselves, nor show a dialog of their own
   * with {@code showAndWait} (they give it to {@code DialogService.show}, which sets its owner).
   */
  static final ArchRule ONLY_THE_KIT_BUILDS_DIALOGS =
      noClasses()
          .that()
          .resideOutsideOfPackage("fr.passerelle.ui")
          .should()
          .callConstructorWhere(
              JavaCall.Predicates.target(
                  HasOwner.Predicates.With.owner(
                      DescribedPredicate.or(
                          KIT_DIALOGS.stream().map(JavaClass.Predicates::assignableTo).toList()))))
          .orShould()
          .callMethodWhere(
              JavaCall.Predicates.target(HasName.Predicates.name("showAndWait"))
                  .and(
                      JavaCall.Predicates.target(
                          HasOwner.Predicates.With.owner(
                              JavaClass.Predicates.assignableTo("javafx.scene.control.Dialog")))))
          .as(
              "only the ui kit builds an Alert, a file or folder chooser or a text input, and shows"
                  + " a dialog: the others ask through its DialogService");
}
