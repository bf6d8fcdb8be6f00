package io.github.clerk4j.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.spi.Endpoint;
import io.github.clerk4j.spi.JsonSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link KnownStrings} lists the enums' wire values, sorted, once each, and no {@code null}; the
 * decoders ask for those values, and only those, with {@link JsonSource#nextKnownString()}.
 */
class KnownStringsTest {

  @Test
  void listsTheWireValuesOfTheEnums() {
    assertThat(JsonSource.knownStrings())
        .contains(SignInStatus.NEEDS_CLIENT_TRUST.wireValue(), Strategy.EMAIL_CODE.wireValue())
        .doesNotContainNull()
        .hasSizeGreaterThan(40);
  }

  @Test
  void isSortedWithoutDuplicates() {
    assertThat(KnownStrings.ALL).isEqualTo(new ArrayList<>(new TreeSet<>(KnownStrings.ALL)));
  }

  /** The members whose values core maps onto its enums: the values {@link KnownStrings} lists. */
  private static final Set<String> ENUM_MEMBERS =
      Set.of("status", "strategy", "client_trust_state", "level", "key", "supported_strategies");

  /**
   * A decoder that read a status with {@code nextString()} would make Moshi allocate it; one that
   * read an id with {@code nextKnownString()} would make Moshi try it against every listed value.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.clerk4j.internal.wire.AnswerDecoderTest#recordedAnswers")
  void theDecodersReadTheEnumMembersAndNothingElseAsKnownStrings(String file, Endpoint endpoint) throws IOException {
    TextJsonSource source = AnswerDecoderTest.decodedThroughText(file, endpoint);
    assertThat(source.readAsKnown).as("read with nextKnownString()").isSubsetOf(ENUM_MEMBERS);
    if (endpoint != Endpoint.GET_ENVIRONMENT) { // read once per app, much of it as free-form maps
      assertThat(source.readAsText).as("read with nextString()").doesNotContainAnyElementsOf(ENUM_MEMBERS);
    }
    if (file.contains("sign_in")) {
      assertThat(source.readAsKnown).contains("status", "strategy");
    }
  }
}
