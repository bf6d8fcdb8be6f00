package io.github.clerk4j.samples;

import io.github.clerk4j.ActiveSession;
import io.github.clerk4j.Clerk;
import io.github.clerk4j.ReverificationHandler;
import io.github.clerk4j.SessionActivity;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A signed-in user sees where they are signed in (browser, device, address, place, when last
 * active) and signs another device out. Revoking is sensitive: it runs in {@code
 * clerk.withReverification}, as Clerk's "Active devices" section wraps it in {@code
 * useReverification}. Clerk's reference: <a
 * href="https://clerk.com/docs/reference/objects/user#get-sessions">{@code user.getSessions()}</a>
 * and {@code SessionWithActivities.revoke()}.
 */
public final class ManageSessions {

  private ManageSessions() {}

  /** Lists the user's sessions and revokes the one the person picks. */
  public static void manage(Clerk clerk, Prompt prompt) {
    User user = clerk.user().orElseThrow(() -> new IllegalStateException("You must be signed in"));
    // Asked only when the sign-in is older than 10 minutes: the password, or a code.
    ReverificationHandler confirmItIsYou = request -> Optional.of(request.strategy() == Strategy.PASSWORD
        ? prompt.askSecret("For your security, enter your password")
        : prompt.askCode("For your security, enter the code from your app or the one we sent you").value());

    // "Active devices": this one first, then the others, numbered.
    List<ActiveSession> sessions = user.activeSessions();
    sessions.stream().filter(ActiveSession::current).forEach(s -> prompt.tell("This device: " + describe(s)));
    List<ActiveSession> others = sessions.stream().filter(s -> !s.current()).toList();
    for (int i = 0; i < others.size(); i++) {
      prompt.tell((i + 1) + ". " + describe(others.get(i)));
    }
    if (others.isEmpty()) {
      prompt.tell("You are signed in on no other device.");
      return;
    }

    // "Sign out of device".
    ActiveSession chosen = null;
    while (chosen == null) {
      String answer = prompt.ask("Sign out which device? (number, empty for none)").strip();
      if (answer.isEmpty()) {
        return;
      }
      try {
        chosen = others.get(Integer.parseInt(answer) - 1);
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        prompt.tell("Enter a number from 1 to " + others.size() + ".");
      }
    }
    ActiveSession revoked = clerk.withReverification(chosen::revoke, confirmItIsYou);
    prompt.tell("Signed out: " + describe(revoked) + " (" + revoked.rawStatus() + ")");
    prompt.tell("Still signed in on " + user.activeSessions().size() + " device(s).");
  }

  private static String describe(ActiveSession s) {
    Optional<SessionActivity> a = s.latestActivity();
    String browser = a.flatMap(SessionActivity::browserName).orElse("an unknown browser")
        + a.flatMap(SessionActivity::browserVersion).map(v -> " " + v).orElse("");
    String device = a.flatMap(SessionActivity::deviceType).map(d -> " on " + d).orElse("");
    String place = a.map(x -> x.city().map(c -> c + ", ").orElse("") + x.country().orElse("")).filter(p -> !p.isEmpty())
        .map(p -> " in " + p).orElse("");
    String address = a.flatMap(SessionActivity::ipAddress).map(ip -> ", " + ip).orElse("");
    String active = s.lastActiveAt().map(t -> ", active " + ago(t)).orElse("");
    return browser + device + address + place + active;
  }

  private static String ago(Instant t) {
    long minutes = Math.max(0, Duration.between(t, Instant.now()).toMinutes());
    return minutes == 0 ? "just now" : minutes + " min ago";
  }
}
