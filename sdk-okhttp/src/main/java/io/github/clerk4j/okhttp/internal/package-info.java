/**
 * Implementation of the OkHttp transport: the Retrofit endpoint table ({@link
 * io.github.clerk4j.okhttp.internal.FapiService}, {@link
 * io.github.clerk4j.okhttp.internal.EndpointTable}), the interceptors, JSON decoding and error
 * mapping. Not API: it changes without notice.
 */
package io.github.clerk4j.okhttp.internal;
