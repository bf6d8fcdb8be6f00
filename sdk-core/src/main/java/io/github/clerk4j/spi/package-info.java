/**
 * The transport service-provider interface: how clerk4j-core hands one Frontend API call ({@link
 * io.github.clerk4j.spi.FapiRequest} for an {@link io.github.clerk4j.spi.Endpoint}) to an HTTP
 * stack and gets its answer back ({@link io.github.clerk4j.spi.FapiResponse}). A transport sends
 * the request once and passes the body to core as a {@link io.github.clerk4j.spi.JsonSource};
 * core decodes it, so a transport knows no Frontend API JSON. Implement {@link
 * io.github.clerk4j.spi.Transport} and {@link io.github.clerk4j.spi.TransportFactory} to carry
 * clerk4j over another HTTP stack, and run clerk4j-testing's {@code TransportContractSuite}
 * against it.
 */
@NullMarked
package io.github.clerk4j.spi;

import org.jspecify.annotations.NullMarked;
