package io.github.clerk4j.spi;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One file of a {@code multipart/form-data} body: the upload of the endpoints whose {@link
 * Endpoint} javadoc names {@link FapiRequest#file()} (today only {@link
 * Endpoint#SET_PROFILE_IMAGE}). A transport sends it as the part {@link #name()} with {@code
 * Content-Disposition: form-data; name="<name>"; filename="<fileName>"} and {@code Content-Type:
 * <contentType>}, next to one text part per field of {@link FapiRequest#form()}.
 *
 * <p>Immutable: the bytes are copied in and out. {@code toString()} shows the name, the type and
 * the size, never the content or the file name (both may be personal data).
 */
public final class FilePart {

  private final String name;
  private final String fileName;
  private final String contentType;
  private final byte[] content;

  /**
   * @param name the form field, such as {@code file}
   * @param fileName the file name the part announces
   * @param contentType its media type, such as {@code image/png}
   * @param content the file's bytes (copied)
   */
  public FilePart(String name, String fileName, String contentType, byte[] content) {
    this.name = requireText(name, "name");
    this.fileName = requireText(fileName, "fileName");
    this.contentType = requireText(contentType, "contentType");
    this.content = Objects.requireNonNull(content, "content").clone();
  }

  private static String requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }

  /** {@return the form field the file is sent as} */
  public String name() {
    return name;
  }

  /** {@return the file name the part announces} */
  public String fileName() {
    return fileName;
  }

  /** {@return the media type of the content} */
  public String contentType() {
    return contentType;
  }

  /** {@return a copy of the file's bytes} */
  public byte[] content() {
    return content.clone();
  }

  /** {@return how many bytes the file has} */
  public int size() {
    return content.length;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FilePart f && f.name.equals(name) && f.fileName.equals(fileName)
        && f.contentType.equals(contentType) && Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, fileName, contentType, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "FilePart{" + name + ", " + contentType + ", " + content.length + " bytes}";
  }
}
