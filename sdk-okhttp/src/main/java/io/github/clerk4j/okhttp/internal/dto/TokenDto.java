package io.github.clerk4j.okhttp.internal.dto;

/** {@code {object: token, jwt}}: a session token, unwrapped on the token endpoints. */
public record TokenDto(String object, String jwt) {

  @Override
  public String toString() {
    return "TokenDto{jwt=" + (jwt == null ? "none" : "[redacted]") + '}';
  }
}
