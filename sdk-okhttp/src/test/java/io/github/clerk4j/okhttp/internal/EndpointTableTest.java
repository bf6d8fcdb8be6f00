package io.github.clerk4j.okhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.clerk4j.spi.Endpoint;
import org.junit.jupiter.api.Test;

class EndpointTableTest {

  @Test
  void everyEndpointHasARoute() {
    assertThatCode(EndpointTable::requireComplete).doesNotThrowAnyException();
    for (Endpoint<?> e : Endpoint.ALL) {
      assertThat(EndpointTable.route(e)).as("%s", e).isNotNull();
    }
  }
}
