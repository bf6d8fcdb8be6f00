package io.github.clerk4j.okhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.clerk4j.spi.Endpoint;
import org.junit.jupiter.api.Test;

/** A transport built against this clerk4j-core knows all its endpoints (and would say so at start-up). */
class EndpointTableTest {

  @Test
  void everyEndpointHasARoute() {
    assertThatCode(EndpointTable::requireComplete).doesNotThrowAnyException();
  }

  /** javac checks that the switch has a case per endpoint; this, that the count says so. */
  @Test
  void theCountOfKnownEndpointsIsTheirNumber() {
    assertThat(EndpointTable.KNOWN_ENDPOINTS)
        .as("a new case in EndpointTable.call: count it in KNOWN_ENDPOINTS")
        .isEqualTo(Endpoint.values().length);
  }
}
