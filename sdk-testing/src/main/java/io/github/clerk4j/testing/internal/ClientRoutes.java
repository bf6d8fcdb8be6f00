package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.ClientRecord;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The client, the environment and the JWKS. */
final class ClientRoutes implements Routes {
  private final EmulatorState state;
  private final Rules rules;
  private final Views views;
  /** Built on first use. */
  private volatile @Nullable Map<String, Object> environment;

  ClientRoutes(EmulatorState state, Rules rules, Views views) {
    this.state = state;
    this.rules = rules;
    this.views = views;
  }

  @Override
  public void register(Router router) {
    router.add("GET", "/v1/environment", ex -> Response.json(environment()));
    router.add("GET", "/v1/client", this::getClient);
    router.add("POST", "/v1/client", this::createClient);
    router.add("PUT", "/v1/client", this::createClient);
    router.add("DELETE", "/v1/client", this::deleteClient);
    router.add("DELETE", "/v1/client/sessions", this::removeSessions);
    router.add("GET", "/v1/jwks", ex -> Response.json(rules.sessions.tokens.jwks()));
    router.add("GET", "/.well-known/jwks.json", ex -> Response.json(rules.sessions.tokens.jwks()));
  }

  private Map<String, Object> environment() {
    Map<String, Object> env = environment;
    if (env == null) {
      env = Environment.build(state.settings, state.issuer, state.newId("ins"));
      environment = env;
    }
    return env;
  }

  /** Without a token there is no client yet: {@code response: null}, as native SDKs expect. */
  private Response getClient(Exchange ex) {
    ClientRecord client = ex.existingClient();
    return Response.json(Json.obj("response", client == null ? null : views.client(client), "client", null));
  }

  /** A new client in {@code response} and {@code client: null}, as recorded from Clerk. */
  private Response createClient(Exchange ex) {
    return Response.json(Json.obj("response", views.client(ex.newClient()), "client", null));
  }

  private Response deleteClient(Exchange ex) {
    ClientRecord client = requireClient(ex);
    rules.sessions.endAll(client, SessionState.ENDED);
    client.signIn = null;
    client.signUp = null;
    return Response.json(Json.obj("response", views.client(client), "client", null));
  }

  private Response removeSessions(Exchange ex) {
    ClientRecord client = requireClient(ex);
    rules.sessions.endAll(client, SessionState.REMOVED);
    return Response.json(Json.obj("response", views.client(client), "client", null));
  }

  private static ClientRecord requireClient(Exchange ex) {
    ClientRecord client = ex.existingClient();
    if (client == null) {
      throw ApiException.notFound("Client");
    }
    return client;
  }
}
