package io.github.clerk4j.okhttp.internal;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** A transport built against this clerk4j-core knows all its endpoints (and would say so at start-up). */
class EndpointTableTest {

  @Test
  void everyEndpointHasARoute() {
    assertThatCode(EndpointTable::requireComplete).doesNotThrowAnyException();
  }
}
