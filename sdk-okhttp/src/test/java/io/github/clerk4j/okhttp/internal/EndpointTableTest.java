package io.github.clerk4j.okhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.clerk4j.spi.Endpoint;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;

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

  /**
   * What FapiRequestInterceptor relies on instead of looking at each request's URL: every path
   * marks the call native once, and none carries the query form of the API version (FAPI rejects
   * a call with both it and the header).
   */
  @Test
  void everyPathIsNativeOnceAndHasNoVersionQuery() {
    List<Method> methods = Arrays.asList(FapiService.class.getMethods());
    assertThat(methods).hasSize(46); // 45 endpoints; the session token has two paths
    for (Method m : methods) {
      HttpUrl url = HttpUrl.get("https://fapi.example/").resolve(path(m));
      assertThat(url).as(m.getName()).isNotNull();
      assertThat(url.queryParameterValues("_is_native")).as(m.getName()).containsExactly("true");
      assertThat(url.queryParameter(FapiRequestInterceptor.API_VERSION_QUERY)).as(m.getName()).isNull();
    }
  }

  private static String path(Method m) {
    for (Annotation a : m.getAnnotations()) {
      if (a instanceof GET g) {
        return g.value();
      } else if (a instanceof POST p) {
        return p.value();
      } else if (a instanceof PATCH p) {
        return p.value();
      } else if (a instanceof DELETE d) {
        return d.value();
      }
    }
    throw new AssertionError(m.getName() + " has no HTTP method");
  }
}
