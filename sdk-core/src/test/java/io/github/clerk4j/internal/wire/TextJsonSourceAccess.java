package io.github.clerk4j.internal.wire;

import io.github.clerk4j.spi.JsonSource;

/** Lets tests of other packages parse a body with the package-private {@link TextJsonSource}. */
public final class TextJsonSourceAccess {
  public JsonSource of(String body) {
    return new TextJsonSource(body);
  }
}
