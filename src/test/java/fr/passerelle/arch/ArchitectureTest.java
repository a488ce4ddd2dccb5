package fr.passerelle.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
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
}
