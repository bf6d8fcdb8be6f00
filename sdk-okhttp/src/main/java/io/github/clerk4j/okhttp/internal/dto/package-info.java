/**
 * The Frontend API's JSON shapes as Moshi reads them: public records (Moshi reads only public
 * types) with boxed members, so that absent fields and explicit nulls both decode to {@code null}.
 * Not API: {@code WireMapper} turns them into the SPI's resources.
 */
package io.github.clerk4j.okhttp.internal.dto;
