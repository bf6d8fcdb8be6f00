package io.github.clerk4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Form}: an immutable, ordered form whose copies never change the original. */
class FormTest {

  @Test
  void keepsTheOrderOfInsertionAndReplacesInPlace() {
    Form form = Form.empty().with("strategy", "email_code").with("code", "123456").with("strategy", "phone_code");

    assertThat(form.fields()).containsExactly(Map.entry("strategy", "phone_code"), Map.entry("code", "123456"));
    assertThat(form.get("strategy")).isEqualTo("phone_code");
    assertThat(form.get("missing")).isNull();
  }

  @Test
  void everyChangeIsACopy() {
    Form one = Form.empty().with("a", "1");
    Form two = one.with("b", "2");
    Form three = two.without("a");

    assertThat(one.fields()).containsExactly(Map.entry("a", "1"));
    assertThat(two.fields()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(three.fields()).containsExactly(Map.entry("b", "2"));
    assertThat(three.without("a")).isSameAs(three);
    assertThat(one.with("x", (String) null)).isSameAs(one);
    assertThat(Form.empty().isEmpty()).isTrue();
    assertThat(two.without("a").without("b").isEmpty()).isTrue();
  }

  @Test
  void withoutKeepsTheOthersInOrder() {
    Form form = Form.empty().with("a", "1").with("b", "2").with("c", "3").without("b");

    assertThat(form.fields()).containsExactly(Map.entry("a", "1"), Map.entry("c", "3"));
  }

  @Test
  void equalsAndHashCodeAreThoseOfItsFieldsWhateverTheOrder() {
    Form ab = Form.empty().with("a", "1").with("b", "2");
    Form ba = Form.empty().with("b", "2").with("a", "1");

    assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba);
    assertThat(ab.hashCode()).isEqualTo(ab.fields().hashCode());
    assertThat(ab).isNotEqualTo(ab.with("b", "3")).isNotEqualTo(ab.with("c", "3"));
  }

  @Test
  void theFieldsCannotBeChangedAndToStringShowsOnlyKeys() {
    Form form = Form.empty().with("password", "correct horse").with("mfa", true);

    assertThatThrownBy(() -> form.fields().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(form.get("mfa")).isEqualTo("true");
    assertThat(form).hasToString("Form[password, mfa]");
    assertThat(form.toString()).doesNotContain("correct horse");
  }
}
