package io.github.clerk4j.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.OkHttp;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §7 at run time: one OkHttp (5.5.1, from okhttp-jvm) and no kotlinx on the class path.
 * The enforcer rule in the pom checks the same on the dependency graph.
 */
class ClasspathTest {

  @Test
  void exactlyOneOkHttp() throws IOException {
    List<URL> copies =
        Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));

    assertThat(copies).hasSize(1);
    assertThat(copies.get(0).toString()).contains("okhttp-jvm");
    assertThat(OkHttp.VERSION).isEqualTo("5.5.1");
  }

  @Test
  void noKotlinx() throws IOException {
    List<String> jars =
        Collections.list(getClass().getClassLoader().getResources("META-INF/MANIFEST.MF")).stream()
            .map(URL::toString)
            .collect(Collectors.toList());

    assertThat(jars).isNotEmpty().noneMatch(jar -> jar.contains("kotlinx"));
    assertThat(getClass().getClassLoader().getResource("kotlinx/coroutines/Job.class")).isNull();
  }
}
