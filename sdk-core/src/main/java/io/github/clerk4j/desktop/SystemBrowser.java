package io.github.clerk4j.desktop;

import io.github.clerk4j.internal.JvmOnly;
import io.github.clerk4j.internal.Log;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code java.awt.Desktop.getDesktop().browse(url)}, reached by reflection so that clerk4j-core
 * has no compile-time tie to {@code java.awt} (absent on Android, and loading it needlessly on a
 * server JVM would start AWT). Falls back to another launcher where the desktop cannot browse.
 */
@JvmOnly
final class SystemBrowser implements BrowserLauncher {

  private final BrowserLauncher fallback;

  SystemBrowser(BrowserLauncher fallback) {
    this.fallback = fallback;
  }

  @Override
  public void open(URI url) throws IOException {
    Object desktop = desktop();
    if (desktop == null) {
      fallback.open(url);
      return;
    }
    try {
      desktop.getClass().getMethod("browse", URI.class).invoke(desktop, url);
    } catch (InvocationTargetException e) {
      Log.debug(() -> "the desktop could not open the browser ("
          + Objects.requireNonNullElse(e.getCause(), e).getClass().getSimpleName()
          + "): printing the URL instead");
      fallback.open(url);
    } catch (ReflectiveOperationException | RuntimeException e) {
      fallback.open(url);
    }
  }

  /** The AWT desktop if this JVM has one that can browse, else null. */
  private static @Nullable Object desktop() {
    try {
      Class<?> graphics = Class.forName("java.awt.GraphicsEnvironment");
      if ((Boolean) graphics.getMethod("isHeadless").invoke(null)) {
        return null;
      }
      Class<?> desktopClass = Class.forName("java.awt.Desktop");
      if (!(Boolean) desktopClass.getMethod("isDesktopSupported").invoke(null)) {
        return null;
      }
      Object desktop = desktopClass.getMethod("getDesktop").invoke(null);
      Class<?> action = Class.forName("java.awt.Desktop$Action");
      @SuppressWarnings({"unchecked", "rawtypes"})
      Object browse = Enum.valueOf((Class) action, "BROWSE");
      Method isSupported = desktopClass.getMethod("isSupported", action);
      return (Boolean) isSupported.invoke(desktop, browse) ? desktop : null;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null; // no java.awt here (Android, a jlinked runtime without java.desktop)
    }
  }
}
