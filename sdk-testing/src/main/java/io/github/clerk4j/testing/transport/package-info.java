/**
 * {@link io.github.clerk4j.testing.transport.TransportContractSuite}: the tests a clerk4j {@code
 * Transport} must pass, for anyone who writes one. Needs JUnit Jupiter and clerk4j-core on the
 * test class path.
 */
@NullMarked
package io.github.clerk4j.testing.transport;

import org.jspecify.annotations.NullMarked;
