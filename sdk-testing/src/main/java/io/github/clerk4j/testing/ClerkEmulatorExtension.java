package io.github.clerk4j.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * JUnit 5 extension that starts one {@link ClerkEmulator} per test class, injects it into
 * {@code ClerkEmulator} fields (static or not) and test or lifecycle method parameters, and stops
 * it after the class.
 *
 * <pre>{@code
 * @ExtendWith(ClerkEmulatorExtension.class)          // default settings, no users
 * class DefaultTest {
 *   @Test void works(ClerkEmulator emulator) { ... }
 * }
 *
 * class ConfiguredTest {
 *   @RegisterExtension
 *   static final ClerkEmulatorExtension CLERK = new ClerkEmulatorExtension(b -> b
 *       .user(EmulatorUser.builder().email("alice@example.com").password("s3cret-pass").build())
 *       .rateLimits(RateLimits.disabled()));
 *
 *   ClerkEmulator emulator;                           // injected
 * }
 * }</pre>
 */
public final class ClerkEmulatorExtension
    implements BeforeAllCallback, AfterAllCallback, TestInstancePostProcessor, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ClerkEmulatorExtension.class);

  private final Consumer<ClerkEmulator.Builder> configuration;

  /** An extension with default settings and no users (for {@code @ExtendWith}). */
  public ClerkEmulatorExtension() {
    this(builder -> { });
  }

  /** An extension whose emulator the given code configures (for {@code @RegisterExtension}). */
  public ClerkEmulatorExtension(Consumer<ClerkEmulator.Builder> configuration) {
    this.configuration = Objects.requireNonNull(configuration);
  }

  /** The emulator of the current test class, started on first use. */
  public ClerkEmulator emulator(ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(classContext.getRequiredTestClass(),
        k -> {
          ClerkEmulator.Builder builder = ClerkEmulator.builder();
          configuration.accept(builder);
          return builder.build().start();
        }, ClerkEmulator.class);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    inject(context.getRequiredTestClass(), null, context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ClerkEmulator emulator = context.getStore(NAMESPACE)
        .remove(context.getRequiredTestClass(), ClerkEmulator.class);
    if (emulator != null) {
      emulator.close();
    }
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
    inject(testInstance.getClass(), testInstance, context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return isInjectable(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return resolve(parameter.getParameter().getType(), context);
  }

  /** Types this extension injects; the one place to extend (for example with a ready client). */
  private static boolean isInjectable(Class<?> type) {
    return type == ClerkEmulator.class;
  }

  private Object resolve(Class<?> type, ExtensionContext context) {
    if (type == ClerkEmulator.class) {
      return emulator(context);
    }
    throw new ExtensionConfigurationException("cannot inject " + type.getName());
  }

  /** Sets injectable fields that are still null: static ones when instance is null. */
  private void inject(Class<?> type, Object instance, ExtensionContext context) throws IllegalAccessException {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        boolean isStatic = Modifier.isStatic(field.getModifiers());
        if (isInjectable(field.getType()) && isStatic == (instance == null)
            && !Modifier.isFinal(field.getModifiers())) {
          field.setAccessible(true);
          if (field.get(instance) == null) {
            field.set(instance, resolve(field.getType(), context));
          }
        }
      }
    }
  }

  /** The nearest context that stands for a test class, where the emulator lives. */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }
}
