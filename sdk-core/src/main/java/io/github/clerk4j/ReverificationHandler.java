package io.github.clerk4j;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The app's side of {@link Clerk#withReverification(Supplier, ReverificationHandler)}: asks the
 * user for the password or code the {@link ReverificationPrompt} names. The Java face of the UI
 * that clerk-js's {@code useReverification} shows.
 *
 * <pre>{@code
 * BackupCodes codes = clerk.withReverification(user::createBackupCode, prompt -> {
 *   if (prompt.strategy() == Strategy.PASSWORD) {
 *     return Optional.ofNullable(console.readPassword("Confirm your password: "));
 *   }
 *   return Optional.ofNullable(console.readLine("Enter the code sent to %s: ",
 *       prompt.safeIdentifier().orElse("your authenticator app")));
 * });
 * }</pre>
 */
@FunctionalInterface
public interface ReverificationHandler {

  /**
   * Called once per answer needed, on the thread that runs {@code withReverification}; again after
   * a wrong answer, with {@link ReverificationPrompt#error()} set.
   *
   * @param prompt what to ask for: the factor, where a code went, the previous answer's error
   * @return the password or code the user entered, or empty when the user cancels: the exception
   *     that asked for reverification then reaches the caller of {@code withReverification}
   */
  Optional<String> respond(ReverificationPrompt prompt);
}
