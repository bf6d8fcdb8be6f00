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
import io.github.clerk4j.internal.WireEnums;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The string values of the answers that core's enums name: statuses, strategies, levels, task
 * keys. Published to transports through {@link io.github.clerk4j.spi.JsonSource#knownStrings()}:
 * about half the strings an answer carries are one of these, and a parser that matches them
 * without making a string (Moshi's {@code JsonReader.selectString}) saves an allocation each. The
 * decoders read these members with {@link WireReader#knownString()} and every other string with
 * {@link WireReader#string()}, so that a parser tries only these against the list.
 * Taken from the enums' own wire tables ({@link WireEnums}), so that a new constant is listed
 * without being listed twice.
 */
public final class KnownStrings {

  /** Sorted, without duplicates. */
  public static final List<String> ALL = collect();

  private KnownStrings() {}

  private static List<String> collect() {
    Set<String> all = new TreeSet<>();
    all.addAll(WireEnums.wireValues(SignInStatus.class, SignInStatus::wireValue));
    all.addAll(WireEnums.wireValues(SignUpStatus.class, SignUpStatus::wireValue));
    all.addAll(WireEnums.wireValues(SessionStatus.class, SessionStatus::wireValue));
    all.addAll(WireEnums.wireValues(VerificationStatus.class, VerificationStatus::wireValue));
    all.addAll(WireEnums.wireValues(Strategy.class, Strategy::wireValue));
    all.addAll(WireEnums.wireValues(ClientTrustState.class, ClientTrustState::wireValue));
    all.addAll(WireEnums.wireValues(VerificationLevel.class, VerificationLevel::wireValue));
    all.addAll(WireEnums.wireValues(SessionVerification.Status.class, SessionVerification.Status::wireValue));
    all.addAll(WireEnums.wireValues(SessionTask.Key.class, SessionTask.Key::wireValue));
    all.addAll(WireEnums.wireValues(SignUpMode.class, SignUpMode::wireValue));
    return List.copyOf(all);
  }
}
