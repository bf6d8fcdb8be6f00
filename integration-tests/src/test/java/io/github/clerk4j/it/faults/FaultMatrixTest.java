package io.github.clerk4j.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.it.support.Bounded;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.testing.ClerkEmulator;
import io.github.clerk4j.testing.Lockout;
import io.github.clerk4j.testing.RateLimits;
import io.github.clerk4j.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every call of the SDK ({@link Calls}) under every {@link Fault}, through a {@link FaultProxy} in
 * front of the emulator, with OkHttp as the transport. Each endpoint runs on its own emulator (the
 * TOTP steps move its clock), its cells one after the other, each with a fresh user and a fresh
 * {@code Clerk}; endpoints run side by side. The matrix is printed: outcome ({@code ok}, {@code net}
 * for a {@code ClerkNetworkException}, the HTTP status of a {@code ClerkApiException}), how many
 * times the call reached the emulator, and how long it took.
 */
class FaultMatrixTest {

  /** Endpoints at once: the cells mostly wait (stalls, the emulator's lock), so more than the cores. */
  private static final int PARALLEL = 4;

  @Test
  void everyEndpointHasALineInTheTable() {
    Map<Endpoint, Long> lines = Calls.ALL.stream().filter(Call::main)
        .collect(Collectors.groupingBy(Call::endpoint, () -> new EnumMap<>(Endpoint.class), Collectors.counting()));
    for (Endpoint e : Endpoint.values()) {
      boolean called = lines.containsKey(e);
      assertThat(called || Calls.NOT_CALLED.containsKey(e))
          .as("Endpoint.%s has no line in it.faults.Calls: add Call.of(%s, \"METHOD /path\", setup, call) so that"
              + " the fault matrix covers it (or, if no public API calls it, say why in Calls.NOT_CALLED)", e, e)
          .isTrue();
      assertThat(called && Calls.NOT_CALLED.containsKey(e))
          .as("Endpoint.%s is in Calls.ALL and in Calls.NOT_CALLED: remove it from NOT_CALLED", e).isFalse();
      assertThat(lines.getOrDefault(e, 0L)).as("lines for Endpoint.%s (another way to call it is a variant)", e)
          .isLessThanOrEqualTo(1);
    }
  }

  @Test
  void everyCallSurvivesEveryFault() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    long start = System.nanoTime();
    List<Future<List<Cell.Result>>> rows = new ArrayList<>();
    List<FaultProxy> proxies = new CopyOnWriteArrayList<>();
    try {
      for (Call<?> call : Calls.ALL) {
        rows.add(pool.submit(() -> row(call, proxies)));
      }
      List<Cell.Result> results = Bounded.call("the fault matrix", Duration.ofMinutes(3), () -> {
        List<Cell.Result> all = new ArrayList<>();
        for (Future<List<Cell.Result>> row : rows) {
          all.addAll(row.get());
        }
        return all;
      });
      System.out.println(table(results, (System.nanoTime() - start) / 1_000_000));
      List<String> problems = results.stream()
          .flatMap(r -> r.problems().stream().map(p -> r.call() + " under " + r.fault().label + ": " + p))
          .toList();
      assertThat(problems).as("cells that broke a rule").isEmpty();
    } finally {
      pool.shutdownNow();
      proxies.forEach(FaultProxy::close);
    }
  }

  /**
   * One endpoint under every fault. Its proxy stays open until the whole matrix is done: OkHttp's
   * shared pool keeps connections to it, and a later proxy on the same port would inherit them.
   */
  private static List<Cell.Result> row(Call<?> call, List<FaultProxy> proxies) {
    List<Cell.Result> results = new ArrayList<>();
    TestClock clock = TestClock.system();
    try (ClerkEmulator emulator = ClerkEmulator.builder().clock(clock).clientTrust(false).oauthProvider("google")
        .rateLimits(RateLimits.disabled()).lockout(Lockout.disabled()).passwordHashIterations(1).build().start()) {
      FaultProxy proxy = new FaultProxy(URI.create(emulator.url()).getPort());
      proxies.add(proxy);
      for (Fault fault : Fault.values()) {
        try (World w = new World(emulator, clock, proxy)) {
          results.add(call.runUnder(fault, w));
        }
      }
    }
    return results;
  }

  /** Call × fault: outcome, sends, milliseconds. */
  private static String table(List<Cell.Result> results, long totalMillis) {
    Map<String, Map<Fault, Cell.Result>> byCall = new HashMap<>();
    for (Cell.Result r : results) {
      byCall.computeIfAbsent(r.call(), c -> new EnumMap<>(Fault.class)).put(r.fault(), r);
    }
    int first = Calls.ALL.stream().mapToInt(c -> c.name().length()).max().orElse(10) + 2;
    int width = 12;
    StringBuilder out = new StringBuilder("\nFault matrix: outcome sends ms (outcome: ok = success, net = "
        + "ClerkNetworkException, a number = ClerkApiException with that HTTP status; sends = times the call "
        + "reached the emulator; * = a rule broken)\n");
    out.append(pad("endpoint", first));
    for (Fault f : Fault.values()) {
      out.append(pad(f.label, width));
    }
    out.append('\n');
    for (Call<?> call : Calls.ALL) {
      out.append(pad(call.name(), first));
      for (Fault f : Fault.values()) {
        Cell.Result r = byCall.getOrDefault(call.name(), Map.of()).get(f);
        out.append(pad(r == null ? "-" : r.outcome() + " " + r.sends() + " " + r.millis()
            + (r.problems().isEmpty() ? "" : "*"), width));
      }
      out.append('\n');
    }
    Calls.NOT_CALLED.forEach((e, why) -> out.append(pad(e.name(), first)).append("not called: ").append(why).append('\n'));
    long broken = results.stream().filter(r -> !r.problems().isEmpty()).count();
    out.append(results.size()).append(" cells, ").append(broken).append(" broke a rule, ")
        .append(totalMillis).append(" ms in all\n");
    return out.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }
}
