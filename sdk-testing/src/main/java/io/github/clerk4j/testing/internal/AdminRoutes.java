package io.github.clerk4j.testing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** The emulator's own endpoints under {@code /__emulator/}, which Clerk does not have. */
final class AdminRoutes implements Routes {
  private final EmulatorState state;

  AdminRoutes(EmulatorState state) {
    this.state = state;
  }

  @Override
  public void register(Router router) {
    router.add("GET", "/__emulator/outbox", this::outbox);
    router.add("GET", "/__emulator/clock", ex -> Response.json(clock()));
    router.add("POST", "/__emulator/clock", this::moveClock);
  }

  /**
   * {@code GET /__emulator/outbox}: every message, oldest first; {@code ?recipient=} keeps those
   * to one address or number, {@code &limit=1} the newest of them (a load test reads its code so,
   * at the same cost after a million messages).
   */
  private Response outbox(Exchange ex) {
    String recipient = ex.request.queryParam("recipient").filter(r -> !r.isBlank()).orElse(null);
    String limit = ex.request.queryParam("limit").orElse("0");
    if (!limit.matches("\\d{1,6}")) {
      throw ApiException.paramFormatInvalid("limit");
    }
    return Response.json(state.outbox.toJson(recipient, Integer.parseInt(limit)));
  }

  /**
   * {@code POST /__emulator/clock} with {@code advance=1h} (or {@code 90s}, {@code 7d}, {@code
   * PT10M}) moves the clock forward: codes, sessions and lockouts expire, verifications age.
   */
  private Response moveClock(Exchange ex) {
    state.clock.advance(advanceBy(ex.form()));
    return Response.json(clock());
  }

  /**
   * The form's {@code advance}: a duration such as {@code 1h}, not negative (also the web UI's).
   *
   * @throws ApiException 422 {@code form_param_format_invalid} naming {@code advance}
   */
  static Duration advanceBy(FormBody form) {
    Duration by;
    try {
      by = Durations.parse("advance", form.required("advance"));
    } catch (IllegalArgumentException e) {
      throw ApiException.param(422, "form_param_format_invalid", "advance", "is invalid",
          Objects.requireNonNullElse(e.getMessage(), "advance is invalid."));
    }
    if (by.isNegative()) {
      throw ApiException.param(422, "form_param_format_invalid", "advance", "is invalid",
          "The emulator's clock only moves forward: give a positive duration.");
    }
    return by;
  }

  private Map<String, Object> clock() {
    Instant now = state.clock.instant();
    return Json.obj("now", now.toEpochMilli(), "iso", now.toString(),
        "advanced_by_seconds", state.clock.offset().toSeconds());
  }
}
