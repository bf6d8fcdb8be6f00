package io.github.clerk4j.testing.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * A state the emulator keeps as an enum and sends as a string; {@link Json#write} writes {@link
 * #wire()}. Implemented by enums whose constant names are the wire values in upper case.
 */
interface WireValue {
  /** The enum constant's name ({@link Enum#name()}). */
  String name();

  /** The value as Clerk spells it on the wire: the constant's name in lower case. */
  default String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant of {@code type} with this wire value, if any. */
  static <E extends Enum<E> & WireValue> Optional<E> parse(Class<E> type, String wire) {
    for (E value : type.getEnumConstants()) {
      if (value.wire().equals(wire)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
