package fr.passerelle.training;

import java.util.UUID;

/** A candidate as the path form offers it. */
public record CandidateRef(UUID id, String name, String communeCode) {
  @Override
  public String toString() {
    return name;
  }
}
