package io.github.clerk4j.testing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Clerk's test mode, which the emulator honours: e-mail addresses containing {@code +clerk_test}
 * and phone numbers {@code +1 XXX 555-0100} to {@code +1 XXX 555-0199} get no real message, and
 * their verification code is always {@link #CODE}.
 */
public final class TestMode {
  /** The code every test-mode e-mail address and phone number accepts. */
  public static final String CODE = "424242";
  /** The sub-address that makes an e-mail address a test address. */
  public static final String EMAIL_SUBADDRESS = "+clerk_test";
  /** Test phone numbers in E.164 form: {@code +1}, any 3-digit area code, {@code 55501}, 2 digits. */
  public static final Pattern PHONE_PATTERN = Pattern.compile("\\+1\\d{3}55501\\d{2}");

  private TestMode() {}

  /**
   * {@return whether an e-mail address is a test-mode address}
   *
   * @param emailAddress the address
   */
  public static boolean isTestEmail(String emailAddress) {
    return emailAddress.toLowerCase(Locale.ROOT).contains(EMAIL_SUBADDRESS);
  }

  /**
   * {@return whether an E.164 phone number is a test-mode number}
   *
   * @param phoneNumber the number, such as {@code +15555550100}
   */
  public static boolean isTestPhone(String phoneNumber) {
    return PHONE_PATTERN.matcher(phoneNumber).matches();
  }

  /**
   * {@return a test-mode e-mail address, such as {@code jane+clerk_test@example.com}}
   *
   * @param localPart what comes before {@code +clerk_test}, such as {@code jane}
   * @param domain the domain, such as {@code example.com}
   */
  public static String email(String localPart, String domain) {
    return localPart + EMAIL_SUBADDRESS + "@" + domain;
  }

  /**
   * {@return a test-mode phone number with area code 555, such as {@code +15555550100}}
   *
   * @throws IllegalArgumentException if {@code suffix} is not 0 to 99
   * @param suffix 0 to 99
   */
  public static String phone(int suffix) {
    if (suffix < 0 || suffix > 99) {
      throw new IllegalArgumentException("suffix must be 0..99");
    }
    return String.format("+155555501%02d", suffix);
  }
}
