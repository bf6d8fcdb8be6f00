package io.github.clerk4j.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check that the emulator's piggybacked client repeats its response unchanged. */
class PiggybackedCopyCheckTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ContractReport CLEAN = new ContractReport("call", List.of(), List.of());

  private static ContractReport check(String body) throws Exception {
    JsonNode parsed = JSON.readTree(body);
    return ContractCheckingClient.withDifferingCopies(CLEAN, parsed);
  }

  @Test
  void anEqualCopyOrAnotherObjectIsNoFinding() throws Exception {
    assertThat(check("""
        {"response": {"object": "sign_in_attempt", "id": "sia_1", "status": "needs_first_factor"},
         "client": {"sessions": [], "sign_in": {"object": "sign_in_attempt", "id": "sia_1",
           "status": "needs_first_factor"}}}""").violations()).isEmpty();
    assertThat(check("""
        {"response": {"object": "sign_in_attempt", "id": "sia_1", "status": "complete"},
         "client": {"sessions": [], "sign_in": {"object": "sign_in_attempt", "id": "sia_2",
           "status": "needs_identifier"}}}""").violations()).isEmpty();
    assertThat(check("{\"response\": {\"object\": \"client\", \"id\": \"client_1\"}, \"client\": null}")
        .violations()).isEmpty();
  }

  @Test
  void aCopyThatDiffersIsAViolationWhereItIs() throws Exception {
    assertThat(check("""
        {"response": {"object": "sign_in_attempt", "id": "sia_1", "status": "needs_second_factor"},
         "client": {"sessions": [], "sign_in": {"object": "sign_in_attempt", "id": "sia_1",
           "status": "needs_first_factor"}}}""").violations())
        .extracting(ContractReport.Finding::rule, ContractReport.Finding::pointer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("piggyback.copy", "/client/sign_in"));
    assertThat(check("""
        {"response": {"object": "user", "id": "user_1", "first_name": "Jane"},
         "client": {"sessions": [{"object": "session", "id": "sess_1",
           "user": {"object": "user", "id": "user_1", "first_name": "Janet"}}]}}""").violations())
        .extracting(ContractReport.Finding::pointer)
        .containsExactly("/client/sessions/0/user");
  }
}
