package io.github.clerk4j.internal.wire;

import io.github.clerk4j.ClientTrustState;
import io.github.clerk4j.SessionStatus;
import io.github.clerk4j.SessionTask;
import io.github.clerk4j.SessionVerification;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.SignUpMode;
import io.github.clerk4j.SignUpStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.VerificationLevel;
import io.github.clerk4j.VerificationStatus;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The string values of the answers that core's enums name: statuses, strategies, levels, task
 * keys. Published to transports through {@link io.github.clerk4j.spi.JsonSource#knownStrings()}:
 * about half the strings an answer carries are one of these, and a parser that matches them
 * without making a string (Moshi's {@code JsonReader.selectString}) saves an allocation each.
 * Taken from the enums themselves, so that a new constant is listed without being listed twice.
 */
public final class KnownStrings {

  /** Sorted, without duplicates. */
  public static final List<String> ALL = collect();

  private KnownStrings() {}

  private static List<String> collect() {
    Set<String> all = new TreeSet<>();
    add(all, SignInStatus.values(), SignInStatus::wireValue);
    add(all, SignUpStatus.values(), SignUpStatus::wireValue);
    add(all, SessionStatus.values(), SessionStatus::wireValue);
    add(all, VerificationStatus.values(), VerificationStatus::wireValue);
    add(all, Strategy.values(), Strategy::wireValue);
    add(all, ClientTrustState.values(), ClientTrustState::wireValue);
    add(all, VerificationLevel.values(), VerificationLevel::wireValue);
    add(all, SessionVerification.Status.values(), SessionVerification.Status::wireValue);
    add(all, SessionTask.Key.values(), SessionTask.Key::wireValue);
    add(all, SignUpMode.values(), SignUpMode::wireValue);
    return List.copyOf(all);
  }

  private static <E> void add(Set<String> all, E[] constants, Function<E, @Nullable String> wireValue) {
    for (E e : constants) {
      String w = wireValue.apply(e);
      if (w != null) {
        all.add(w);
      }
    }
  }
}
