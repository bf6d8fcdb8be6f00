package io.github.clerk4j.it.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clerk4j.ClerkNetworkException;
import io.github.clerk4j.okhttp.OkHttpTransport;
import io.github.clerk4j.spi.FapiRequest;
import io.github.clerk4j.spi.FapiResponse;
import io.github.clerk4j.spi.Transport;
import io.github.clerk4j.spi.TransportFactory;
import io.github.clerk4j.testing.transport.TransportContractSuite;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * TransportContractSuite has teeth: transports that each break one rule of the contract, made by
 * wrapping the OkHttp transport, fail the suite's checks of that rule. The suite runs for them
 * through the JUnit Platform launcher, so that their failures are this test's data.
 */
class BrokenTransportsFailTheSuiteTest {

  /** A transport that breaks the contract, and checks of the suite that must catch it. */
  record Breakage(String name, Class<? extends TransportContractSuite> suite, List<String> caughtBy) {}

  @TestFactory
  Stream<DynamicTest> eachBrokenRuleIsCaught() {
    return Stream.of(
        new Breakage("sends no client token", SendsNoClientToken.class, List.of(
            "everyEndpointIsSentAsSpecifiedAndItsAnswerDecoded", "aClientTrustSignInThroughClerk")),
        new Breakage("drops the rotated client token", DropsRotatedTokens.class, List.of(
            "everyEndpointIsSentAsSpecifiedAndItsAnswerDecoded", "headersOfTheAnswerAreReadWhateverTheirCase",
            "aClearedClientTokenReachesCoreAsSent", "concurrentCallsGetTheirOwnAnswers",
            "aRefusalCarriesClerksErrorsByFieldAndItsToken",
            "aClientTrustSignInThroughClerk")),
        new Breakage("sends again after a network failure", ResendsAfterAFailure.class, List.of(
            "aConnectionClosedAfterTheRequestMayHaveBeenSentAndIsNotResent",
            "aPostOnAPooledConnectionClosedAfterTheRequestIsNotResent",
            "aGetOnAPooledConnectionClosedAfterTheRequestIsNotResent",
            "aConnectionThatBreaksInTheBodyMayHaveBeenSent")),
        new Breakage("says nothing was sent, whatever failed", ClaimsNothingWasSent.class, List.of(
            "aConnectionClosedAfterTheRequestMayHaveBeenSentAndIsNotResent",
            "aConnectionThatBreaksInTheBodyMayHaveBeenSent", "aStalledServerTimesOutWithinTheRequestsTimeout",
            "anEmptySuccessIsANetworkFailure", "aSuccessWhoseJsonIsCutOffSaysSo")),
        new Breakage("still sends after close()", IgnoresClose.class, List.of("aClosedTransportSendsNothing")))
        .map(b -> DynamicTest.dynamicTest(b.name(), () -> {
          LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
          b.caughtBy().forEach(method -> request.selectors(DiscoverySelectors.selectMethod(b.suite(), method)));
          Set<String> failed = new TreeSet<>();
          Set<String> ran = new TreeSet<>();
          LauncherFactory.create().execute(request.build(), new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
              id.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getMethodName())
                  .ifPresent(method -> {
                    ran.add(method);
                    if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                      failed.add(method);
                    }
                  });
            }
          });
          assertThat(ran).as("checks that ran").containsAll(b.caughtBy());
          assertThat(failed).as("checks that caught a transport that %s", b.name())
              .containsExactlyInAnyOrderElementsOf(b.caughtBy());
        }));
  }

  /** How a broken transport makes one call with the real one. */
  private interface Call {
    FapiResponse execute(Transport real, FapiRequest r);
  }

  /** The OkHttp transport, each call made by {@code call}; {@code close()} passed on if {@code closes}. */
  private static TransportFactory okHttp(Call call, boolean closes) {
    return url -> {
      Transport real = OkHttpTransport.create(url);
      return new Transport() {
        @Override
        public FapiResponse execute(FapiRequest r) {
          return call.execute(real, r);
        }

        @Override
        public void close() {
          if (closes) {
            real.close();
          }
        }
      };
    };
  }

  /** What a broken transport does when the real one fails without an answer. */
  private interface OnFailure {
    FapiResponse handle(Transport real, FapiRequest r, ClerkNetworkException e);
  }

  private static TransportFactory okHttpOnFailure(OnFailure onFailure) {
    return okHttp((real, r) -> {
      try {
        return real.execute(r);
      } catch (ClerkNetworkException e) {
        return onFailure.handle(real, r, e);
      }
    }, true);
  }

  /** The suite's classes for the broken transports; nested, so that surefire does not run them. */
  public static class SendsNoClientToken extends TransportContractSuite {
    @Override
    protected TransportFactory transportFactory() {
      return okHttp((real, r) -> real.execute(
          new FapiRequest(r.endpoint(), r.id(), r.sessionId(), r.form(), null, r.timeout())), true);
    }
  }

  public static class DropsRotatedTokens extends TransportContractSuite {
    @Override
    protected TransportFactory transportFactory() {
      return okHttp((real, r) -> {
        FapiResponse a = real.execute(r);
        return a.error().isPresent() ? FapiResponse.refusal(a.error().get(), null)
            : FapiResponse.of(a.httpStatus(), a.response(), a.client(), null);
      }, true);
    }
  }

  public static class ResendsAfterAFailure extends TransportContractSuite {
    @Override
    protected TransportFactory transportFactory() {
      return okHttpOnFailure((real, r, e) -> real.execute(r));
    }
  }

  public static class ClaimsNothingWasSent extends TransportContractSuite {
    @Override
    protected TransportFactory transportFactory() {
      return okHttpOnFailure((real, r, e) -> {
        throw new ClerkNetworkException(e.getMessage(), e.getCause(), false);
      });
    }
  }

  public static class IgnoresClose extends TransportContractSuite {
    @Override
    protected TransportFactory transportFactory() {
      return okHttp(Transport::execute, false);
    }
  }
}
