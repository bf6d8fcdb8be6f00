package io.github.clerk4j.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
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
 * <p>With clerk4j-core and a transport (clerk4j-okhttp) on the test classpath it also injects a
 * ready {@code io.github.clerk4j.Clerk} for that emulator, built with
 * {@code Clerk.builder().publishableKey(emulator.publishableKey()).build()}: a fresh one per test
 * for instance fields and test or {@code @BeforeEach}/{@code @AfterEach} parameters, closed after
 * the test; one per class for static fields and {@code @BeforeAll} parameters (and instance fields
 * under {@code @TestInstance(PER_CLASS)}), closed after the class. A test sees its class's
 * {@code Clerk} if the class has one, so that a client signed in {@code @BeforeAll} stays signed in.
 * Without clerk4j-core the extension works as before; it only touches the SDK when a {@code Clerk}
 * is asked for.
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
 *
 *   @Test void signsIn(Clerk clerk) {                 // injected, needs clerk4j-okhttp
 *     SignIn signIn = clerk.signIn().password("alice@example.com", "s3cret-pass");
 *     ...
 *   }
 * }
 * }</pre>
 */
public final class ClerkEmulatorExtension
    implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, TestInstancePostProcessor,
    ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ClerkEmulatorExtension.class);
  /** Compared by name so that this class never loads it: clerk4j-core is optional. */
  private static final String CLERK_CLASS = "io.github.clerk4j.Clerk";

  private final Consumer<ClerkEmulator.Builder> configuration;

  /** An extension with default settings and no users (for {@code @ExtendWith}). */
  public ClerkEmulatorExtension() {
    this(builder -> { });
  }

  /**
   * An extension whose emulator the given code configures (for {@code @RegisterExtension}).
   *
   * @param configuration called with a fresh {@link ClerkEmulator#builder()} before each test
   *     class's emulator is built
   */
  public ClerkEmulatorExtension(Consumer<ClerkEmulator.Builder> configuration) {
    this.configuration = Objects.requireNonNull(configuration);
  }

  /**
   * {@return the emulator of the current test class, started on first use}
   *
   * @param context the context of a test class or of one of its tests
   */
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
  public void afterEach(ExtensionContext context) throws Exception {
    ExtensionContext classContext = classContext(context);
    ClerkEmulator emulator = classContext.getStore(NAMESPACE)
        .get(classContext.getRequiredTestClass(), ClerkEmulator.class);
    if (emulator != null) {
      closeClerk(context, emulator);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    ClerkEmulator emulator = context.getStore(NAMESPACE)
        .remove(context.getRequiredTestClass(), ClerkEmulator.class);
    if (emulator != null) {
      try {
        closeClerk(context, emulator);
      } finally {
        emulator.close();
      }
    }
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
    inject(testInstance.getClass(), testInstance, context);
  }

  /**
   * Test instances are post-processed in the test method's context, so that a {@code Clerk} in an
   * instance field belongs to that test and is closed after it (the default scope would be the
   * class's, sharing one signed-in client between tests).
   */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return isInjectable(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return resolve(parameter.getParameter().getType(), context);
  }

  /** Types this extension injects. */
  private static boolean isInjectable(Class<?> type) {
    return type == ClerkEmulator.class || type.getName().equals(CLERK_CLASS);
  }

  private Object resolve(Class<?> type, ExtensionContext context) {
    if (type == ClerkEmulator.class) {
      return emulator(context);
    }
    if (type.getName().equals(CLERK_CLASS)) {
      ClerkEmulator emulator = emulator(context);
      // Stored in the asking context (test or class), found from inner ones; keyed by emulator
      // because a @Nested class has its own.
      return context.getStore(NAMESPACE).getOrComputeIfAbsent(new ClerkKey(emulator),
          k -> new OwnedClerk(Clerks.create(emulator)), OwnedClerk.class).clerk();
    }
    throw new ExtensionConfigurationException("cannot inject " + type.getName());
  }

  /** Closes the Clerk this very context made, if any (not one an enclosing context owns). */
  private static void closeClerk(ExtensionContext context, ClerkEmulator emulator) throws Exception {
    OwnedClerk owned = context.getStore(NAMESPACE).remove(new ClerkKey(emulator), OwnedClerk.class);
    if (owned != null) {
      owned.clerk().close();
    }
  }

  /** Sets injectable fields that are still null: static ones when instance is null. */
  private void inject(Class<?> type, @Nullable Object instance, ExtensionContext context) throws IllegalAccessException {
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

  private record ClerkKey(ClerkEmulator emulator) {}

  /**
   * A Clerk typed as what this class may know of it. Deliberately not {@link AutoCloseable} itself:
   * the extension closes it at a known point (JUnit 5.13+ would also close AutoCloseable store
   * values, older versions would not).
   */
  private record OwnedClerk(AutoCloseable clerk) {}

  /**
   * The only code that touches clerk4j-core. A separate class, loaded on the first {@code Clerk}
   * injection, so that the extension itself runs without the SDK on the classpath.
   */
  private static final class Clerks {
    private Clerks() {}

    static AutoCloseable create(ClerkEmulator emulator) {
      try {
        return io.github.clerk4j.Clerk.builder().publishableKey(emulator.publishableKey()).build();
      } catch (IllegalStateException e) {
        // no transport found: the message names the artifact to add
        throw new ExtensionConfigurationException("cannot inject a Clerk: " + e.getMessage(), e);
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
