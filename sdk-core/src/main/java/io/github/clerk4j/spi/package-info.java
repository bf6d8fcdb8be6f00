/**
 * The transport service-provider interface: the closed set of Frontend API calls ({@link
 * io.github.clerk4j.spi.Endpoint}), one request ({@link io.github.clerk4j.spi.FapiRequest}), its
 * decoded answer ({@link io.github.clerk4j.spi.FapiResponse}) and the wire resources. Implement
 * {@link io.github.clerk4j.spi.Transport} to carry clerk4j over another HTTP stack.
 */
package io.github.clerk4j.spi;
