package io.github.clerk4j.testing.internal;

import io.github.clerk4j.testing.IdpAccount;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The instance's sign-in through a browser and by link: the OAuth providers it enables, its
 * enterprise SSO connections (each serving one e-mail domain), each with the accounts of its fake
 * identity provider; the redirect URLs it accepts; whether e-mail links are on.
 *
 * @param oauthProviders provider name ({@code google}) to its accounts, in the order configured
 * @param enterpriseConnections the connections, each for one domain
 * @param redirectAllowlist the exact redirect URLs accepted; empty accepts any (a development
 *     instance does not check)
 * @param emailLinks whether {@code email_link} is a first factor and a Client Trust factor
 */
public record BrowserAuth(Map<String, List<IdpAccount>> oauthProviders, List<Connection> enterpriseConnections,
    Set<String> redirectAllowlist, boolean emailLinks) {

  /** One enterprise SSO connection ({@code ec_...}) for the addresses of one domain. */
  public record Connection(String id, String name, String domain, List<IdpAccount> accounts) {
    public Connection {
      accounts = List.copyOf(accounts);
    }
  }

  public BrowserAuth {
    Map<String, List<IdpAccount>> copy = new LinkedHashMap<>();
    oauthProviders.forEach((name, accounts) -> copy.put(name, List.copyOf(accounts)));
    oauthProviders = Collections.unmodifiableMap(copy);
    enterpriseConnections = List.copyOf(enterpriseConnections);
    redirectAllowlist = Set.copyOf(redirectAllowlist);
  }

  /** No providers, no connections, no allowlist, no e-mail links: a new Clerk development instance. */
  public static BrowserAuth none() {
    return new BrowserAuth(Map.of(), List.of(), Set.of(), false);
  }

  /** The connection serving this e-mail address's domain. */
  Optional<Connection> connectionFor(String emailAddress) {
    int at = emailAddress.lastIndexOf('@');
    String domain = at < 0 ? "" : emailAddress.substring(at + 1).trim().toLowerCase(Locale.ROOT);
    return enterpriseConnections.stream().filter(c -> c.domain().equals(domain)).findFirst();
  }

  Optional<Connection> connection(String id) {
    return enterpriseConnections.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}
