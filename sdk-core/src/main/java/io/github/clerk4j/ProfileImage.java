package io.github.clerk4j;

import io.github.clerk4j.internal.wire.ImageResource;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The user's profile image as the server stored it ({@link User#setProfileImage(byte[])}).
 * Immutable; made by clerk4j from the server's answer.
 */
public final class ProfileImage {

  private final ImageResource resource;

  ProfileImage(ImageResource resource) {
    this.resource = Objects.requireNonNull(resource, "resource");
  }

  /** {@return the image id ({@code img_...})} */
  public String id() {
    return resource.id();
  }

  /** {@return the file name it was uploaded with, if the server kept one} */
  public Optional<String> name() {
    return Optional.ofNullable(resource.name());
  }

  /** {@return where the image can be fetched, if sent; {@link User#imageUrl()} names it too} */
  public Optional<String> publicUrl() {
    return Optional.ofNullable(resource.publicUrl());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ProfileImage p && p.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return resource.hashCode();
  }

  /** The file name may be personal data: only the id is shown. */
  @Override
  public String toString() {
    return "ProfileImage{id=" + id() + '}';
  }
}
