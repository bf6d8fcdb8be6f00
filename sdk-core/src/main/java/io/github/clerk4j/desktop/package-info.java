/**
 * Browser sign-in for desktop and command-line apps: {@link io.github.clerk4j.desktop.BrowserSignIn}
 * runs an OAuth or enterprise SSO sign-in through the system browser in one call, with a loopback
 * redirect URL ({@link io.github.clerk4j.desktop.LoopbackReceiver}, {@code
 * http://127.0.0.1:<fixed port><path>}, RFC 8252 §7.3) and a pluggable {@link
 * io.github.clerk4j.desktop.BrowserLauncher}.
 *
 * <p>Clerk allowlists exact redirect URLs, so the port is fixed and configured, and the URL must
 * be on the instance's allowlist (Dashboard → Native applications, or the Backend API's {@code POST
 * /v1/redirect_urls}). Whether a production instance accepts a loopback {@code http} redirect at
 * all is not documented by Clerk: check it on the instance before relying on it. Apps with a URL
 * scheme of their own pass the URL they are opened with to {@link
 * io.github.clerk4j.SignIn#handleRedirectCallback(java.net.URI)} instead.
 *
 * <p>Nothing here needs a dependency; {@code java.awt} is looked up at run time, so the package
 * loads on Android and headless JVMs (where the system launcher prints the URL).
 */
package io.github.clerk4j.desktop;
