package io.github.clerk4j.testing.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One real Clerk response recorded by Clerk's Flutter SDK test suite (see
 * {@code SOURCE.md} next to them): {@code {"key": "<METHOD> <path> <params>", "body": ...}}. The
 * copies are the ones {@code TransportContractSuite} serves, under {@code src/main/resources}, so
 * that the tests are independent of the shared folder and this module holds one copy.
 *
 * @param name the file name without {@code .json}
 * @param method the HTTP method of the recorded request
 * @param path the request path (ids anonymised, e.g. {@code /v1/client/sign_ins/SIGN_IN_ID/...})
 * @param params the recorder's summary of the request parameters (names, sometimes values)
 * @param body the response body
 */
public record RecordedFixture(String name, String method, String path, String params, JsonNode body) {

  static final String DIRECTORY = "io/github/clerk4j/testing/transport/recorded";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every recorded fixture, sorted by name. */
  public static List<RecordedFixture> all() {
    URL dir = RecordedFixture.class.getClassLoader().getResource(DIRECTORY);
    if (dir == null) {
      throw new IllegalStateException(DIRECTORY + " is not on the test classpath");
    }
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files.map(Path::getFileName).map(Path::toString)
          .filter(n -> n.endsWith(".json"))
          .sorted()
          .map(n -> named(n.substring(0, n.length() - ".json".length())))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fixture {@code <name>.json}. */
  public static RecordedFixture named(String name) {
    String resource = DIRECTORY + "/" + name + ".json";
    try (InputStream in = RecordedFixture.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no recorded fixture " + resource);
      }
      JsonNode root = JSON.readTree(in);
      String[] key = root.get("key").asText().split(" ", 3);
      return new RecordedFixture(name, key[0], key[1], key.length > 2 ? key[2] : "", root.get("body"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body as JSON text. */
  public String bodyJson() {
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded response as an interaction whose request part is unknown. */
  public Interaction asInteraction() {
    return Interaction.response(method, path, 200, bodyJson());
  }

  @Override
  public String toString() {
    return name;
  }
}
