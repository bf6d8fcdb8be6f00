package app;

import io.github.clerk4j.Clerk;
import io.github.clerk4j.ClerkApiException;
import io.github.clerk4j.Session;
import io.github.clerk4j.SignIn;
import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.TokenStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sign-in that passes every kind of secret through the SDK while its DEBUG lines are on: a wrong
 * password, the right one, Client Trust's e-mail code (read from standard input) after a wrong
 * one, the client token (kept in {@code tokenFile}) and the session token (written to {@code
 * sessionTokenFile}), so that whoever runs it can look for each in the log.
 */
public final class LoggedSignIn {
  public static void main(String[] args) throws Exception {
    String publishableKey = args[0];
    String email = args[1];
    String password = args[2];
    Path tokenFile = Path.of(args[3]);
    Path sessionTokenFile = Path.of(args[4]);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (Clerk clerk = Clerk.builder().publishableKey(publishableKey)
        .tokenStore(TokenStore.file(tokenFile)).build()) {
      try {
        clerk.signIn().password(email, password + " but wrong");
        throw new IllegalStateException("a wrong password was accepted");
      } catch (ClerkApiException e) {
        System.out.println("wrong password refused: " + e.firstError().code());
      }
      SignIn signIn = clerk.signIn().password(email, password);
      if (signIn.status() != SignInStatus.NEEDS_CLIENT_TRUST) {
        throw new IllegalStateException("expected Client Trust, got " + signIn.status());
      }
      signIn = signIn.mfa().sendEmailCode();
      System.out.println("code?");
      String code = in.readLine();
      try {
        signIn.mfa().verifyEmailCode(code.equals("000000") ? "111111" : "000000");
        throw new IllegalStateException("a wrong code was accepted");
      } catch (ClerkApiException e) {
        System.out.println("wrong code refused: " + e.firstError().code());
      }
      signIn = signIn.mfa().verifyEmailCode(code);
      Session session = signIn.finalize((s, decorateUrl) -> { });
      Files.writeString(sessionTokenFile, session.getToken());
      System.out.println("signed in: " + session.id());
    }
  }
}
