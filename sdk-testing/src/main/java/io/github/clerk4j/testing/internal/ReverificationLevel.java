package io.github.clerk4j.testing.internal;

/** The level a reverification asks for ({@code level} of {@code POST .../verify}). */
enum ReverificationLevel implements WireValue {
  FIRST_FACTOR,
  SECOND_FACTOR,
  MULTI_FACTOR;
}
