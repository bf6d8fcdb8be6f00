package io.github.clerk4j;

import io.github.clerk4j.internal.wire.FactorResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One way the user may verify a step of a sign-in, as offered in {@code supported_first_factors}
 * or {@code supported_second_factors}. Immutable; made by clerk4j from the server's answer.
 */
public final class Factor {

  private final FactorResource resource;

  Factor(FactorResource resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** The factors of a sign-in's list, unmodifiable: a loop, since each send and verify asks. */
  static List<Factor> listOf(List<FactorResource> resources) {
    List<Factor> factors = new ArrayList<>(resources.size());
    for (int i = 0; i < resources.size(); i++) {
      factors.add(new Factor(resources.get(i)));
    }
    return Collections.unmodifiableList(factors);
  }

  /** {@return the strategy; {@link Strategy#UNKNOWN} for one this version does not name} */
  public Strategy strategy() {
    return Strategy.fromWire(resource.strategy());
  }

  /** {@return the strategy as sent (for example {@code phone_code}, {@code oauth_google})} */
  public String rawStrategy() {
    return resource.strategy();
  }

  /**
   * {@return where a code goes, for display: the identifier the user typed, or a masked form such
   * as {@code +1******0100}; {@code null} for factors without a destination}
   */
  public @Nullable String safeIdentifier() {
    return resource.safeIdentifier();
  }

  /** {@return the e-mail address the factor uses ({@code idn_...}), or {@code null}} */
  public @Nullable String emailAddressId() {
    return resource.emailAddressId();
  }

  /** {@return the phone number the factor uses ({@code idn_...}), or {@code null}} */
  public @Nullable String phoneNumberId() {
    return resource.phoneNumberId();
  }

  /**
   * {@return whether it is the user's primary identifier of its kind, or {@code null} when not
   * sent}
   */
  public @Nullable Boolean primary() {
    return resource.primary();
  }

  /** {@return whether it is the user's default second factor} */
  public boolean isDefault() {
    return resource.isDefault();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Factor f && f.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  @Override
  public String toString() {
    return "Factor{" + rawStrategy() + (safeIdentifier() == null ? "" : " to " + safeIdentifier())
        + (isDefault() ? ", default" : "") + '}';
  }
}
