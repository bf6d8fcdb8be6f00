package io.github.clerk4j;

import io.github.clerk4j.internal.wire.UserDataResource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a sign-in may show of the user before they are signed in ({@code user_data}). Immutable;
 * made by clerk4j from the server's answer.
 */
public final class UserData {

  private final UserDataResource resource;

  UserData(UserDataResource resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** {@return the first name, or {@code null}} */
  public @Nullable String firstName() {
    return resource.firstName();
  }

  /** {@return the last name, or {@code null}} */
  public @Nullable String lastName() {
    return resource.lastName();
  }

  /** {@return the profile image URL, or {@code null}} */
  public @Nullable String imageUrl() {
    return resource.imageUrl();
  }

  /** {@return whether the user uploaded an image} */
  public boolean hasImage() {
    return resource.hasImage();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof UserData u && u.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  /** Names are personal data: not shown. */
  @Override
  public String toString() {
    return "UserData{hasImage=" + hasImage() + '}';
  }
}
