package fr.passerelle.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One way to do each thing (issue #12), for time: one place for the date formats people read
 * ({@code core.DateFormats}) and one clock, injected ({@code db.WallClock}: the office's zone, a
 * fixed clock in tests).
 */
class ConventionsTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fr.passerelle");
  }

  @Test
  void datePatternsLiveInDateFormats() {
    DATE_PATTERNS_IN_ONE_PLACE.check(classes);
  }

  @Test
  void theTimeComesFromTheInjectedClock() {
    ONE_CLOCK.check(classes);
  }

  @Test
  void featureViewModelsHoldWhatTheyUseNotTheWholeContext() {
    VIEW_MODELS_HOLD_NO_CONTEXT.check(classes);
  }

  @Test
  void noTwoClassesShareAName() {
    java.util.Map<String, java.util.List<String>> byName =
        classes.stream()
            .filter(c -> c.getEnclosingClass().isEmpty() && !c.isAnonymousClass())
            .filter(c -> !c.getPackageName().startsWith("fr.passerelle.db.jooq"))
            .collect(
                java.util.stream.Collectors.groupingBy(
                    com.tngtech.archunit.core.domain.JavaClass::getSimpleName,
                    java.util.stream.Collectors.mapping(
                        com.tngtech.archunit.core.domain.JavaClass::getName,
                        java.util.stream.Collectors.toList())));
    org.assertj.core.api.Assertions.assertThat(
            byName.values().stream().filter(names -> names.size() > 1).toList())
        .as("one name, one class: a reader (and an import) never has to ask which one")
        .isEmpty();
  }

  /**
   * A view model of a feature ({@code fr.passerelle.<feature>.ui}) keeps the services, task runner
   * and messages it uses, not the window's whole {@code UiContext} (a service locator by another
   * name); a convenience constructor may take the context and pick from it.
   */
  static final ArchRule VIEW_MODELS_HOLD_NO_CONTEXT =
      com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields()
          .that()
          .areDeclaredInClassesThat()
          .haveSimpleNameEndingWith("ViewModel")
          .and()
          .areDeclaredInClassesThat()
          .resideInAPackage("fr.passerelle.*.ui")
          .should()
          .haveRawType("fr.passerelle.ui.UiContext")
          .as("feature view models hold what they use, not the whole UiContext");

  /**
   * A date shown, printed or written in a file name takes its pattern from {@code
   * core.DateFormats}; only the readers of imported files ({@code tabular}) keep their own, more
   * lenient, patterns.
   */
  static final ArchRule DATE_PATTERNS_IN_ONE_PLACE =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("fr.passerelle.core.DateFormats")
          .and()
          .resideOutsideOfPackage("fr.passerelle.tabular")
          .should()
          .callMethodWhere(
              call(
                  "java.time.format.DateTimeFormatter",
                  Set.of("ofPattern", "ofLocalizedDate", "ofLocalizedTime", "ofLocalizedDateTime")))
          .as("date patterns come from core.DateFormats (docs/ui-guidelines.md, Formats)");

  /**
   * "Now" is read from the installation's {@code WallClock} (the office's time zone; a fixed clock
   * in tests), never from the machine: {@code Instant.now()}, {@code LocalDate.now()}, {@code
   * System.currentTimeMillis()}. Durations ({@code System.nanoTime}) are not the time of day. The
   * one exception is the start-up timer, which measures since the process started.
   */
  static final ArchRule ONE_CLOCK =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("fr.passerelle.db.WallClock")
          .and()
          .doNotHaveFullyQualifiedName("fr.passerelle.ui.shell.PasserelleApp")
          .should()
          .callMethodWhere(
              DescribedPredicate.or(
                  call("java.time.Instant", Set.of("now")),
                  call("java.time.LocalDate", Set.of("now")),
                  call("java.time.LocalDateTime", Set.of("now")),
                  call("java.time.LocalTime", Set.of("now")),
                  call("java.time.OffsetDateTime", Set.of("now")),
                  call("java.time.ZonedDateTime", Set.of("now")),
                  call("java.time.Clock", Set.of("systemUTC", "systemDefaultZone")),
                  call("java.lang.System", Set.of("currentTimeMillis"))))
          .as("the time comes from the injected db.WallClock, never from the machine");

  private static DescribedPredicate<JavaCall<?>> call(String owner, Set<String> names) {
    return DescribedPredicate.describe(
        owner + "." + names,
        c -> c.getTargetOwner().getFullName().equals(owner) && names.contains(c.getName()));
  }
}
