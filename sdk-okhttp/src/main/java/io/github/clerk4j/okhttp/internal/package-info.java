/**
 * Implementation of the OkHttp transport: the Retrofit endpoint table ({@link
 * io.github.clerk4j.okhttp.internal.FapiService}, {@link
 * io.github.clerk4j.okhttp.internal.EndpointTable}), the interceptors, and Moshi's streaming
 * reader behind clerk4j-core's {@code JsonSource}. Not API: it changes without notice.
 */
@NullMarked
package io.github.clerk4j.okhttp.internal;

import org.jspecify.annotations.NullMarked;
