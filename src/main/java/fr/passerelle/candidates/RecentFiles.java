package fr.passerelle.candidates;

import fr.passerelle.db.Settings;
import fr.passerelle.security.Access;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The candidates' files an account opened last, most recent first: a workstation setting per
 * account (the workstation is shared). {@link CandidateService#markOpened} writes it when a file is
 * opened, {@link CandidateSearch#recent} lists it.
 */
final class RecentFiles {
  private static final String KEY = "candidates.recent";
  private static final int MAX = 12;

  private final Settings settings;
  private final Access access;

  RecentFiles(Settings settings, Access access) {
    this.settings = settings;
    this.access = access;
  }

  List<UUID> ids() {
    return settings
        .get(key())
        .filter(v -> !v.isBlank())
        .map(v -> Arrays.stream(v.split(",")).map(UUID::fromString).toList())
        .orElse(List.of());
  }

  void opened(UUID id) {
    List<UUID> ids = new ArrayList<>(ids());
    ids.remove(id);
    ids.add(0, id);
    settings.put(
        key(), ids.stream().limit(MAX).map(UUID::toString).collect(Collectors.joining(",")));
  }

  /** One list per account. */
  private String key() {
    return KEY + access.principal().map(p -> "." + p.login()).orElse("");
  }
}
