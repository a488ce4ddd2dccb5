package fr.passerelle.testsupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (META-INF/services, {@code junit-platform.properties}): once a
 * top-level test class has run, its static fields that are not final and not primitive are set to
 * null. The whole suite runs in one JVM and a test class stays loaded to its end, so a {@code
 * static Services} (with its views, caches and reference data) or an ArchUnit import would
 * otherwise be kept until the last test (ADR 0202). Nested classes are left alone: their outer
 * class may still need the fields.
 */
public final class ReleaseStaticFields implements AfterAllCallback {
  @Override
  public void afterAll(ExtensionContext context) throws IllegalAccessException {
    Class<?> test = context.getRequiredTestClass();
    if (test.getEnclosingClass() != null) {
      return;
    }
    for (Class<?> c = test; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m)
            && !Modifier.isFinal(m)
            && !f.getType().isPrimitive()
            && !f.isSynthetic()
            && f.trySetAccessible()) {
          f.set(null, null);
        }
      }
    }
  }
}
