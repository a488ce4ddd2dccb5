package fr.passerelle.rights;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;

/** The JSON form of a {@link PersonFile}: one object, a member per section (arrays of records). */
final class PersonFileJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private PersonFileJson() {}

  static void write(PersonFile file, OutputStream out) throws IOException {
    MAPPER.writeValue(out, file.asJson());
  }
}
