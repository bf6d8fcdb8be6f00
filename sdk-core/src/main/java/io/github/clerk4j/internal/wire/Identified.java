package io.github.clerk4j.internal.wire;

/**
 * A resource with an id of its own, which an answer's piggybacked client may repeat ({@link
 * WireReader#takeCopiesFrom}).
 */
interface Identified {
  String id();
}
