package fr.passerelle.sourcing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@code sourcing_entry.history}; unreadable history reads as empty. */
final class HistoryJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final TypeReference<List<HistoryEvent>> TYPE = new TypeReference<>() {};

  private HistoryJson() {}

  static List<HistoryEvent> read(String json) {
    if (json == null || json.isBlank()) {
      return new ArrayList<>();
    }
    try {
      return new ArrayList<>(MAPPER.readValue(json, TYPE));
    } catch (JsonProcessingException e) {
      return new ArrayList<>();
    }
  }

  static String write(List<HistoryEvent> events) {
    try {
      return MAPPER.writeValueAsString(events);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
