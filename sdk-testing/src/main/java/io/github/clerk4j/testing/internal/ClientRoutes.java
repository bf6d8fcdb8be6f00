package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.internal.Model.Client;
import io.github.clerk4j.testing.internal.Model.Session;
import java.util.ArrayList;
import java.util.Map;

/** The client, the environment, the JWKS and the emulator's own outbox endpoint. */
final class ClientRoutes {
  private final Core core;
  private final Views views;
  private volatile Map<String, Object> environment;

  ClientRoutes(Core core, Views views) {
    this.core = core;
    this.views = views;
  }

  void register(Router router) {
    router.add("GET", "/v1/environment", ex -> Response.json(environment()));
    router.add("GET", "/v1/client", this::getClient);
    router.add("POST", "/v1/client", this::createClient);
    router.add("PUT", "/v1/client", this::createClient);
    router.add("DELETE", "/v1/client", this::deleteClient);
    router.add("DELETE", "/v1/client/sessions", this::removeSessions);
    router.add("GET", "/v1/jwks", ex -> Response.json(core.jwts.jwks()));
    router.add("GET", "/.well-known/jwks.json", ex -> Response.json(core.jwts.jwks()));
    router.add("GET", "/__emulator/outbox", ex -> Response.json(core.outbox.toJson()));
  }

  private Map<String, Object> environment() {
    Map<String, Object> env = environment;
    if (env == null) {
      env = Environment.build(core.settings, core.issuer, core.newId("ins"));
      environment = env;
    }
    return env;
  }

  /** Without a token there is no client yet: {@code response: null}, as native SDKs expect. */
  private Response getClient(Exchange ex) {
    Client client = ex.existingClient();
    return Response.json(Json.obj("response", client == null ? null : views.client(client), "client", null));
  }

  /** A new client in {@code response} and {@code client: null}, as recorded from Clerk. */
  private Response createClient(Exchange ex) {
    return Response.json(Json.obj("response", views.client(ex.newClient()), "client", null));
  }

  private Response deleteClient(Exchange ex) {
    Client client = ex.existingClient();
    if (client == null) {
      throw ApiException.notFound("Client");
    }
    endAll(client, "ended");
    client.signIn = null;
    return Response.json(Json.obj("response", views.client(client), "client", null));
  }

  private Response removeSessions(Exchange ex) {
    Client client = ex.existingClient();
    if (client == null) {
      throw ApiException.notFound("Client");
    }
    endAll(client, "removed");
    return Response.json(Json.obj("response", views.client(client), "client", null));
  }

  private void endAll(Client client, String status) {
    for (Session s : new ArrayList<>(client.sessions)) {
      if (s.live()) {
        core.endSession(s, status);
      }
    }
  }
}
