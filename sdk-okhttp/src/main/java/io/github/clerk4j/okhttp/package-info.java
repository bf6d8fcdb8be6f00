/**
 * The OkHttp transport of clerk4j: {@link io.github.clerk4j.okhttp.OkHttpTransport} and its {@link
 * io.github.clerk4j.okhttp.OkHttpTransportFactory}. Everything under {@code internal} is an
 * implementation detail.
 */
@NullMarked
package io.github.clerk4j.okhttp;

import org.jspecify.annotations.NullMarked;
