package io.github.clerk4j.internal.wire;

import java.io.IOException;

/**
 * A body that is JSON but not the resource the endpoint answers with: a member of the wrong kind,
 * or a resource without a member Clerk always sends (an id, a status). Such an answer is not used,
 * so the caller's state stays what it was.
 */
public final class WireFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public WireFormatException(String message) {
    super(message);
  }
}
