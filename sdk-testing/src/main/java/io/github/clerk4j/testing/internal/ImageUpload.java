package io.github.clerk4j.testing.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The image of {@code POST /v1/me/profile_image}, as Clerk takes it: the {@code file} part of a
 * {@code multipart/form-data} body (clerk-js with a File, clerk-android), or an {@code
 * application/octet-stream} body holding the image as base64, optionally as a {@code data:} URL
 * (clerk-js with a string). PNG, JPEG, GIF and WebP up to 10 MB, told apart by their first bytes.
 */
record ImageUpload(String name, @Nullable String mediaType, byte[] content) {
  /** Clerk's limit ("more than 10MB"), as clerk-js's avatar uploader counts it. */
  static final int MAX_BYTES = 10_000_000;
  /** The largest body the route reads: the image as base64 and a multipart envelope around it. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
  private static final Pattern NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");
  private static final Pattern FILE_NAME = Pattern.compile("(?i)filename=\"([^\"]*)\"");
  private static final Pattern DATA_URL = Pattern.compile("^data:[^,]*;base64,", Pattern.CASE_INSENSITIVE);

  /**
   * The image a request carries.
   *
   * @throws ApiException 400 {@code form_param_missing} without an image, 400 {@code
   *     request_body_invalid} for one that cannot be decoded or is of another type, 413 {@code
   *     image_too_large} above 10 MB
   */
  static ImageUpload of(Request request) {
    byte[] body = request.rawBody();
    String type = request.header("Content-Type").orElse("");
    String mediaType = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    ImageUpload upload;
    if (body == null || body.length == 0) {
      throw missing();
    } else if (mediaType.equals("multipart/form-data")) {
      upload = filePart(body, type);
    } else {
      upload = base64(body);
    }
    if (upload.content.length == 0) {
      throw missing();
    }
    if (upload.content.length > MAX_BYTES) {
      throw ApiException.of(413, "image_too_large", "Image too large",
          "The image being uploaded is more than 10MB. Please choose a smaller one.");
    }
    String sniffed = sniff(upload.content);
    if (sniffed == null) {
      throw ApiException.of(400, "request_body_invalid", "Unsupported image type",
          "'" + (upload.mediaType == null ? "unknown" : upload.mediaType) + "' images are not currently"
              + " supported. Please consult the API documentation for more information.");
    }
    return new ImageUpload(upload.name, sniffed, upload.content);
  }

  private static ApiException missing() {
    return ApiException.of(400, "form_param_missing", "Image file missing",
        "There was no image file present in the request");
  }

  private static ApiException undecodable() {
    return ApiException.of(400, "request_body_invalid", "Image decode error",
        "The image could not be decoded. Please ensure the image is valid and try again.");
  }

  /** The {@code file} part; ISO-8859-1 maps every byte to one char, so the content survives intact. */
  private static ImageUpload filePart(byte[] body, String contentType) {
    Matcher b = BOUNDARY.matcher(contentType);
    if (!b.find()) {
      throw ApiException.malformedForm("a multipart body without a boundary.");
    }
    String delimiter = "--" + (b.group(1) != null ? b.group(1) : b.group(2));
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int at = text.indexOf(delimiter);
    while (at >= 0) {
      int start = at + delimiter.length();
      if (text.startsWith("--", start)) {
        break; // the closing delimiter
      }
      int headersEnd = text.indexOf("\r\n\r\n", start);
      int next = text.indexOf("\r\n" + delimiter, start);
      if (headersEnd < 0 || next < 0 || headersEnd > next) {
        throw ApiException.malformedForm("a multipart part is cut off.");
      }
      String headers = text.substring(start, headersEnd);
      Matcher name = NAME.matcher(headers);
      if (name.find() && name.group(1).equals("file")) {
        Matcher fileName = FILE_NAME.matcher(headers);
        String partType = header(headers, "content-type");
        byte[] content = text.substring(headersEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
        return new ImageUpload(fileName.find() ? fileName.group(1) : "image", partType, content);
      }
      at = next + 2;
    }
    throw missing();
  }

  private static @Nullable String header(String headers, String name) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  private static ImageUpload base64(byte[] body) {
    String text = new String(body, StandardCharsets.US_ASCII).strip();
    Matcher dataUrl = DATA_URL.matcher(text);
    String declared = null;
    if (dataUrl.find()) {
      declared = text.substring(5, text.indexOf(';')).trim();
      text = text.substring(dataUrl.end());
    }
    try {
      // Strict base64 once line breaks are gone: a lenient decoder would turn junk into bytes.
      return new ImageUpload("image", declared == null || declared.isEmpty() ? null : declared,
          Base64.getDecoder().decode(text.replaceAll("\\s", "")));
    } catch (IllegalArgumentException e) {
      throw undecodable();
    }
  }

  /** The media type by the first bytes, or null for none of the four. */
  static @Nullable String sniff(byte[] b) {
    if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return "image/png";
    }
    if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
      return "image/gif";
    }
    if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
      return "image/webp";
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int offset, int... magic) {
    if (b.length < offset + magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[offset + i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
