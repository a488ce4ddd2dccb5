package fr.passerelle.sync;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Field;

/**
 * Field values to and from the payload's JSON: booleans and integers as JSON, everything else as
 * its ISO / canonical text. Decoding is by the receiver's column type and says what is wrong.
 */
final class RowCodec {
  private RowCodec() {}

  static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof BigDecimal d) {
      g.writeString(d.toPlainString());
    } else {
      g.writeString(v.toString());
    }
  }

  /** The value of {@code node} for {@code field}; IllegalArgumentException if it does not fit. */
  static Object read(Field<?> field, JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    Class<?> type = field.getType();
    if (type == Boolean.class) {
      if (!node.isBoolean()) {
        throw new IllegalArgumentException("expected true or false");
      }
      return node.booleanValue();
    }
    if (type == Integer.class || type == Long.class || type == Short.class) {
      if (!node.canConvertToLong() || !node.isIntegralNumber()) {
        throw new IllegalArgumentException("expected a whole number");
      }
      long v = node.longValue();
      if (type == Integer.class) {
        return Math.toIntExact(v);
      }
      return type == Short.class ? (Object) (short) v : (Object) v;
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException("expected text");
    }
    String s = node.textValue();
    try {
      if (type == String.class) {
        return s;
      } else if (type == UUID.class) {
        return UUID.fromString(s);
      } else if (type == LocalDate.class) {
        return LocalDate.parse(s);
      } else if (type == OffsetDateTime.class) {
        return OffsetDateTime.parse(s);
      } else if (type == LocalDateTime.class) {
        return LocalDateTime.parse(s);
      } else if (type == LocalTime.class) {
        return LocalTime.parse(s);
      } else if (type == BigDecimal.class) {
        return new BigDecimal(s);
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("\"" + s + "\" is not a valid " + type.getSimpleName());
    }
    return field.getDataType().convert(s);
  }
}
