package io.github.clerk4j.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Maps wire strings to the enums of the public API; anything new becomes the enum's UNKNOWN. */
public final class WireEnums {

  private static final Map<Class<?>, Map<String, ?>> BY_WIRE = new ConcurrentHashMap<>();

  private WireEnums() {}

  /**
   * The constant of {@code type} whose wire value is {@code wire}, or {@code unknown} when there is
   * none (also for {@code null}).
   */
  public static <E extends Enum<E>> E fromWire(
      Class<E> type, Function<E, @Nullable String> wireValue, @Nullable String wire, E unknown) {
    return wire == null ? unknown : table(type, wireValue).getOrDefault(wire, unknown);
  }

  /** {@return the wire values of {@code type}'s constants (those that have one)} */
  public static <E extends Enum<E>> Set<String> wireValues(Class<E> type, Function<E, @Nullable String> wireValue) {
    return table(type, wireValue).keySet();
  }

  @SuppressWarnings("unchecked")
  private static <E extends Enum<E>> Map<String, E> table(Class<E> type, Function<E, @Nullable String> wireValue) {
    Map<String, E> table = (Map<String, E>) BY_WIRE.get(type);
    if (table == null) { // looked up first: the capturing lambda below is an allocation per call
      table = (Map<String, E>) BY_WIRE.computeIfAbsent(type, t -> byWire(type, wireValue));
    }
    return table;
  }

  private static <E extends Enum<E>> Map<String, E> byWire(Class<E> type, Function<E, @Nullable String> wireValue) {
    Map<String, E> m = new HashMap<>();
    for (E e : type.getEnumConstants()) {
      String w = wireValue.apply(e);
      if (w != null) {
        m.put(w, e);
      }
    }
    return Map.copyOf(m);
  }
}
