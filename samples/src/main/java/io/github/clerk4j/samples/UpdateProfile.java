package io.github.clerk4j.samples;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.ReverificationHandler;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.User;
import io.github.clerk4j.UserUpdateParams;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A signed-in user changes their name, username, a preference kept in the unsafe metadata, and
 * their profile image. A new username is sensitive: it runs in {@code clerk.withReverification}.
 * Clerk's reference: <a href="https://clerk.com/docs/reference/objects/user#update">{@code
 * user.update()}</a> and {@code setProfileImage()}.
 */
public final class UpdateProfile {

  private UpdateProfile() {}

  /** Runs the steps for the user of the active session. */
  public static void update(Clerk clerk, Prompt prompt) {
    User user = clerk.user().orElseThrow(() -> new IllegalStateException("You must be signed in"));
    // Asked only when the sign-in is older than 10 minutes: the password, or a code.
    ReverificationHandler confirmItIsYou = request -> Optional.of(request.strategy() == Strategy.PASSWORD
        ? prompt.askSecret("For your security, enter your password")
        : prompt.askCode("For your security, enter the code from your app or the one we sent you").value());

    // "Update your name".
    String firstName = prompt.ask("Enter first name");
    String lastName = prompt.ask("Enter last name");
    user = user.update(UserUpdateParams.empty().withFirstName(firstName).withLastName(lastName));
    prompt.tell("Hello, " + user.firstName().orElse("") + " " + user.lastName().orElse("") + ".");

    // "Username": one taken, too short or with other characters is refused next to the field.
    while (true) {
      String username = prompt.ask("Username");
      User before = user;
      try {
        user = clerk.withReverification(() -> before.update(UserUpdateParams.empty().withUsername(username)),
            confirmItIsYou);
        break;
      } catch (ClerkApiException e) {
        if (e.fieldErrors().isEmpty()) {
          throw e;
        }
        e.fieldErrors().forEach((field, error) -> prompt.tell(field + ": " + error.longMessage()));
      }
    }
    prompt.tell("Your username is " + user.username().orElse("(none)") + ".");

    // A preference of the user's own: unsafe metadata is merged into what is there.
    String theme = prompt.ask("Theme (light or dark)");
    user = user.update(UserUpdateParams.empty().withUnsafeMetadata(Map.of("theme", theme)));
    prompt.tell("Saved: " + user.unsafeMetadata());

    // "Upload" a profile image: PNG, JPEG, GIF or WebP, up to 10 MB; empty keeps the current one.
    while (true) {
      String file = prompt.ask("Profile image file (empty to keep the current one)");
      if (file.isBlank()) {
        break;
      }
      try {
        user.setProfileImage(Path.of(file.strip()));
        break;
      } catch (IllegalArgumentException | UncheckedIOException e) {
        prompt.tell("file: " + e.getMessage()); // not an image Clerk takes, or unreadable: nothing was sent
      }
    }
    User now = clerk.user().orElse(user);
    prompt.tell("Profile image: " + (now.hasImage() ? now.imageUrl().orElse("") : "the generated avatar"));
  }
}
