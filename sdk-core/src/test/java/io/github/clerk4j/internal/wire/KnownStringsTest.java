package io.github.clerk4j.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.SignInStatus;
import io.github.clerk4j.Strategy;
import io.github.clerk4j.spi.JsonSource;
import java.util.ArrayList;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link KnownStrings} lists the enums' wire values, sorted, once each, and no {@code null}. */
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
}
