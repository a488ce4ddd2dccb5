package fr.passerelle.sourcing;

import java.util.Map;
import java.util.UUID;

/** What adding candidates did: how many were added, and each refused candidate with why. */
public record AddReport(int added, Map<UUID, Eligibility> refused) {}
