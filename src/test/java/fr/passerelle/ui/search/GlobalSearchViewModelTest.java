package fr.passerelle.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.testsupport.SameThreadTaskRunner;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalSearchViewModelTest {
  @TempDir static Path dir;
  static Services services;

  @BeforeAll
  static void open() {
    services = TestServices.open(dir);
  }

  @AfterAll
  static void close() {
    services.close();
  }

  private GlobalSearchViewModel vm(List<SearchProvider> providers) {
    Messages m = new Messages(Messages.FRENCH);
    return new GlobalSearchViewModel(providers, new SameThreadTaskRunner(), m);
  }

  private GlobalSearchViewModel occupations() {
    Messages m = new Messages(Messages.FRENCH);
    return vm(SearchProviders.all(new UiContext(services, new SameThreadTaskRunner(), m)));
  }

  @Test
  void findsOccupationsByJobTitleWithoutAccentsGroupedUnderTheirHeading() {
    GlobalSearchViewModel vm = occupations();
    vm.search("  prepa comm ");
    assertThat(vm.groups()).hasSize(1);
    SearchGroup g = vm.groups().get(0);
    assertThat(g.title()).isEqualTo("Métiers (ROME)");
    assertThat(g.hits()).hasSizeLessThanOrEqualTo(GlobalSearchViewModel.PER_GROUP);
    assertThat(g.hits()).anySatisfy(h -> assertThat(h.title()).startsWith("N1103 · "));
    assertThat(g.hits()).allSatisfy(h -> assertThat(h.featureId()).isEqualTo("offers"));
    assertThat(vm.statusProperty().get()).isEmpty();
  }

  @Test
  void saysWhenNothingMatchesAndClearsOnBlank() {
    GlobalSearchViewModel vm = occupations();
    vm.search("zzqx");
    assertThat(vm.groups()).isEmpty();
    assertThat(vm.statusProperty().get()).isEqualTo("Aucun résultat pour « zzqx »");
    vm.search("macon");
    assertThat(vm.groups()).isNotEmpty();
    vm.search("   ");
    assertThat(vm.groups()).isEmpty();
    assertThat(vm.statusProperty().get()).isEmpty();
  }

  @Test
  void groupsFollowTheProvidersOrderAndSkipEmptyOnes() {
    SearchProvider people = provider("search.group.occupations", "Martin");
    SearchProvider none = provider("app.title");
    GlobalSearchViewModel vm = vm(List.of(none, people));
    vm.search("mar");
    assertThat(vm.groups()).extracting(SearchGroup::title).containsExactly("Métiers (ROME)");
  }

  @Test
  void aFailingProviderIsReportedNotThrown() {
    SearchProvider broken =
        new SearchProvider() {
          @Override
          public String groupKey() {
            return "app.title";
          }

          @Override
          public List<SearchResult> search(String query, int limit) {
            throw new IllegalStateException("base fermée");
          }
        };
    GlobalSearchViewModel vm = vm(List.of(broken));
    vm.search("x");
    assertThat(vm.statusProperty().get()).isEqualTo("La recherche a échoué : base fermée");
  }

  private static SearchProvider provider(String key, String... titles) {
    return new SearchProvider() {
      @Override
      public String groupKey() {
        return key;
      }

      @Override
      public List<SearchResult> search(String query, int limit) {
        return java.util.Arrays.stream(titles)
            .map(t -> new SearchResult(t, null, "candidates", null))
            .toList();
      }
    };
  }
}
