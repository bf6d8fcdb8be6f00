package io.github.clerk4j.it.faults;

import io.github.clerk4j.ActiveSession;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ClerkException;
import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.ClerkRateLimitException;
import io.github.clerk4j.Client;
import io.github.clerk4j.EmailAddress;
import io.github.clerk4j.PhoneNumber;
import io.github.clerk4j.RetryPolicy;
import io.github.clerk4j.Session;
import io.github.clerk4j.SessionVerification;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignUp;
import io.github.clerk4j.it.support.Bounded;
import io.github.clerk4j.spi.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One cell of the matrix: a call under a fault, and everything it must hold to: a typed {@link
 * ClerkException} (or, for answers with unknown members or statuses, success with the unknown
 * values kept raw), a bounded time, no second send of a call that is not idempotent, the local
 * state as it was, no secret in the message, and the held object still working afterwards.
 */
final class Cell {

  /** A generous bound against hangs; the deadline of the SDK is {@link World#DEADLINE}. */
  static final Duration LIMIT = Duration.ofSeconds(15);
  private static final int MAX_ATTEMPTS = RetryPolicy.defaults().maxAttempts();

  /** What one cell came to; {@code problems} is empty when it held to everything. */
  record Result(String call, Fault fault, String outcome, int sends, long millis, List<String> problems) {}

  private Cell() {}

  static <H> Result run(Call<H> call, Fault fault, World w) {
    List<String> problems = new ArrayList<>();
    H held;
    try {
      held = Bounded.call(call.name() + " setup", LIMIT, () -> call.setup().prepare(w));
    } catch (Throwable t) {
      problems.add("the setup failed without a fault: " + t);
      return new Result(call.name(), fault, "setup!", 0, 0, problems);
    }
    Client before = w.clerk.client();
    w.proxy.arm(call.route(), fault);
    long start = System.nanoTime();
    Object result = null;
    Throwable thrown = null;
    try {
      result = Bounded.call(call.name() + " under " + fault, LIMIT, () -> call.action().run(w, held));
    } catch (Throwable t) {
      thrown = t;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    FaultProxy.Count count = w.proxy.disarm();
    w.processed = count.reachedEmulator() > 0;

    checkOutcome(fault, result, thrown, w.secrets(), problems);
    checkSends(call.endpoint(), fault, count, w, problems);
    if (thrown instanceof ClerkException) {
      if (call.failsClosed()) {
        expect(w.clerk.session().isEmpty(), "a failed sign-out must leave the app signed out", problems);
      } else {
        expect(w.clerk.client() == before, "a failed call must leave the client snapshot as it was", problems);
      }
    }
    try {
      Bounded.call(call.name() + " retry after " + fault, LIMIT, () -> call.retry().run(w, held));
    } catch (Throwable t) {
      problems.add("the held object no longer works after the fault: " + describe(t));
    }
    return new Result(call.name(), fault, outcome(result, thrown), count.reachedEmulator(), millis, problems);
  }

  private static void checkOutcome(Fault fault, Object result, Throwable thrown, List<String> secrets,
      List<String> problems) {
    if (fault.expectsSuccess()) {
      if (thrown != null) {
        problems.add("must succeed, threw " + describe(thrown));
      } else if (fault == Fault.UNKNOWN_STATUSES) {
        String raw = rawStatus(result);
        expect(raw == null || raw.equals(Fault.NEW_STATUS), "the unknown status must be kept raw, got " + raw, problems);
      }
      return;
    }
    if (!(thrown instanceof ClerkException e)) {
      problems.add("must throw a ClerkException, " + (thrown == null ? "returned " + result : "threw " + describe(thrown)));
      return;
    }
    secretsLeft(e, secrets, problems);
    int status = fault.refusalStatus();
    if (status == 0) {
      expect(e instanceof ClerkNetworkException, "must be a ClerkNetworkException: " + describe(e), problems);
      if (fault.reachesEmulator && e instanceof ClerkNetworkException n) {
        expect(n.requestMayHaveBeenSent(), "the emulator had the request: requestMayHaveBeenSent() must be true",
            problems);
      }
      return;
    }
    if (!(e instanceof ClerkApiException api) || api.httpStatus() != status) {
      problems.add("must be a ClerkApiException with HTTP " + status + ": " + describe(e));
      return;
    }
    expect((status == 429) == (e instanceof ClerkRateLimitException), "429 and only 429 is a ClerkRateLimitException",
        problems);
    Duration retryAfter = switch (fault) {
      case RATE_LIMITED_1H -> Duration.ofHours(1);
      case RATE_LIMITED_1S, HTTP_503_RETRY_AFTER -> Duration.ofSeconds(1);
      default -> null;
    };
    expect(api.retryAfter().orElse(null) == null ? retryAfter == null : api.retryAfter().get().equals(retryAfter),
        "Retry-After must be " + retryAfter + ", was " + api.retryAfter(), problems);
  }

  private static void checkSends(Endpoint endpoint, Fault fault, FaultProxy.Count count, World w, List<String> problems) {
    int sends = count.reachedEmulator();
    if (!endpoint.idempotent()) {
      expect(sends <= 1, "a call that is not idempotent reached the emulator " + sends + " times", problems);
      expect(sends == (fault.reachesEmulator ? 1 : 0), "reached the emulator " + sends + " times", problems);
    } else if (fault.reachesEmulator) {
      expect(sends >= 1 && sends <= MAX_ATTEMPTS, "a GET reached the emulator " + sends + " times", problems);
    } else {
      expect(sends == 0, "reached the emulator " + sends + " times", problems);
    }
    int attempts = count.attempts();
    switch (fault) {
      case RATE_LIMITED_1H -> {
        expect(attempts == 1, "a 429 asking for an hour must be surfaced at once, was sent " + attempts + " times",
            problems);
        expect(w.waits.isEmpty(), "nothing to wait for, waited " + w.waits, problems);
      }
      case RATE_LIMITED_1S -> {
        // The server did not process a 429: every call may go again after the short wait.
        expect(attempts == MAX_ATTEMPTS, "a 429 of 1 s is retried: " + attempts + " attempts", problems);
        expect(w.waits.stream().allMatch(Duration.ofSeconds(1)::equals) && !w.waits.isEmpty(),
            "waits Retry-After (1 s), waited " + w.waits, problems);
      }
      case HTTP_500, HTTP_502, HTTP_503, HTTP_503_RETRY_AFTER -> expect(
          attempts == (endpoint.idempotent() ? MAX_ATTEMPTS : 1),
          "a 5xx is retried for GETs only: " + attempts + " attempts", problems);
      default -> {
        // the other faults' attempts are the sends, checked above
      }
    }
  }

  /** The world's secrets ({@link World#secrets()}) never appear in a message. */
  private static void secretsLeft(Throwable e, List<String> secrets, List<String> problems) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      for (String secret : secrets) {
        expect(!m.contains(secret), "a message shows a secret: " + t.getClass().getName(), problems);
      }
    }
  }

  /** The status of a result that has one, as sent; null for results without a status. */
  private static String rawStatus(Object result) {
    if (result instanceof SignIn s) {
      return s.rawStatus();
    } else if (result instanceof Session s) {
      return s.rawStatus();
    } else if (result instanceof SessionVerification v) {
      return v.rawStatus();
    } else if (result instanceof SignUp s) {
      return s.rawStatus();
    } else if (result instanceof PhoneNumber p && p.verification().rawStrategy() != null) {
      return p.verification().rawStatus();
    } else if (result instanceof EmailAddress e && e.verification().rawStrategy() != null) {
      return e.verification().rawStatus();
    } else if (result instanceof ActiveSession a) {
      return a.rawStatus();
    } else if (result instanceof List<?> sessions && !sessions.isEmpty() && sessions.get(0) instanceof ActiveSession a) {
      return a.rawStatus();
    } else if (result instanceof Client c) {
      return c.sessions().stream().map(Session::rawStatus).findFirst().orElse(null);
    }
    return null;
  }

  static String outcome(Object result, Throwable thrown) {
    if (thrown == null) {
      return "ok";
    } else if (thrown instanceof ClerkApiException api) {
      return String.valueOf(api.httpStatus());
    } else if (thrown instanceof ClerkNetworkException) {
      return "net";
    } else if (thrown instanceof ClerkException) {
      return "clerk";
    }
    return thrown.getClass().getSimpleName();
  }

  private static String describe(Throwable t) {
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static void expect(boolean condition, String problem, List<String> problems) {
    if (!condition) {
      problems.add(problem);
    }
  }
}
