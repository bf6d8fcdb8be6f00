package io.github.clerk4j.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.testing.ClerkEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The emulators a contract test starts and the {@link ContractCheckingClient}s it drives them
 * with; {@link #close()} asserts that every exchange of every client fits the contract (listing
 * all violations at once), then stops the emulators.
 */
final class ContractClients implements AutoCloseable {
  private final List<ClerkEmulator> emulators = new ArrayList<>();
  private final List<ContractCheckingClient> clients = new ArrayList<>();

  /** Builds and starts an emulator, stopped again by {@link #close()}. */
  ClerkEmulator start(ClerkEmulator.Builder builder) {
    ClerkEmulator started = builder.build().start();
    emulators.add(started);
    return started;
  }

  /** A new client (a new device) of {@code emulator}. */
  ContractCheckingClient client(ClerkEmulator emulator) {
    ContractCheckingClient c = new ContractCheckingClient(emulator.url(), OpenApiContract.fapi());
    clients.add(c);
    return c;
  }

  /** The latest code any of the emulators sent to {@code recipient}. */
  String code(String recipient) {
    return emulators.stream()
        .filter(e -> !e.outbox().messagesFor(recipient).isEmpty())
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no message to " + recipient))
        .outbox().latestCodeFor(recipient);
  }

  @Override
  public void close() {
    try {
      if (Boolean.getBoolean("contract.verbose")) {
        // -Dcontract.verbose=true lists every exchange with what was tolerated in it.
        clients.forEach(c -> c.reports().forEach(r -> {
          System.out.println(r.describe());
          r.tolerated().forEach(t -> System.out.println("    " + t));
        }));
      }
      List<String> summaries = clients.stream().map(ContractCheckingClient::violationSummary)
          .filter(Objects::nonNull).toList();
      assertThat(summaries).as("contract violations").isEmpty();
      assertThat(clients.stream().mapToInt(c -> c.reports().size()).sum()).as("exchanges checked").isPositive();
    } finally {
      emulators.forEach(ClerkEmulator::close);
    }
  }
}
