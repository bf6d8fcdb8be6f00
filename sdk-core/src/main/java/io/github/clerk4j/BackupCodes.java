package io.github.clerk4j;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A fresh set of single-use backup codes. Creating a set replaces the previous one. Show the codes
 * once; {@code toString()} shows only how many there are.
 */
public final class BackupCodes {

  private final String id;
  private final List<String> codes;
  private final Instant createdAt;

  /** Builds the value; transports call this when decoding. */
  public BackupCodes(String id, List<String> codes, Instant createdAt) {
    this.id = id;
    this.codes = codes == null ? List.of() : List.copyOf(codes);
    this.createdAt = createdAt;
  }

  public String id() {
    return id;
  }

  /** The codes, each usable once in place of a second factor. */
  public List<String> codes() {
    return codes;
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BackupCodes
        && Objects.equals(id, ((BackupCodes) o).id)
        && codes.equals(((BackupCodes) o).codes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id);
  }

  @Override
  public String toString() {
    return "BackupCodes{id=" + id + ", codes=" + codes.size() + " [redacted]}";
  }
}
