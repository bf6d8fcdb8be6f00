package io.github.clerk4j.internal;

import io.github.clerk4j.TokenStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** {@link TokenStore#inMemory()}. */
public final class InMemoryTokenStore implements TokenStore {

  private final AtomicReference<String> token = new AtomicReference<>();

  @Override
  public Optional<String> get() {
    return Optional.ofNullable(token.get());
  }

  @Override
  public void set(String value) {
    token.set(value);
  }

  @Override
  public void clear() {
    token.set(null);
  }

  @Override
  public String toString() {
    return "TokenStore.inMemory[" + (token.get() == null ? "empty" : "[redacted]") + "]";
  }
}
