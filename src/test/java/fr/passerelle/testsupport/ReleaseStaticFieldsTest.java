package fr.passerelle.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

class ReleaseStaticFieldsTest {
  /** Stands for a test class nested in another: its outer class may still use its fields. */
  static final class Nested {
    static Object held = new Object();
  }

  private static ExtensionContext of(Class<?> testClass) {
    return (ExtensionContext)
        Proxy.newProxyInstance(
            ExtensionContext.class.getClassLoader(),
            new Class<?>[] {ExtensionContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRequiredTestClass" -> testClass;
                  case "getTestClass" -> Optional.of(testClass);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void aTopLevelClassLosesItsStaticReferencesButKeepsConstantsAndNumbers() throws Exception {
    Object constant = ReleaseStaticFieldsSample.CONSTANT;
    new ReleaseStaticFields().afterAll(of(ReleaseStaticFieldsSample.class));
    assertThat(ReleaseStaticFieldsSample.held).isNull();
    assertThat(ReleaseStaticFieldsSample.inherited()).isNull();
    assertThat(ReleaseStaticFieldsSample.CONSTANT).isSameAs(constant);
    assertThat(ReleaseStaticFieldsSample.count).isEqualTo(3);
  }

  @Test
  void aNestedClassKeepsItsFields() throws Exception {
    new ReleaseStaticFields().afterAll(of(Nested.class));
    assertThat(Nested.held).isNotNull();
  }
}

/** A base with a static reference of its own, as a test class's superclass. */
class ReleaseStaticFieldsBase {
  private static Object base = new Object();

  static Object inherited() {
    return base;
  }
}

/** A top-level "test class" with static fields of each kind. */
class ReleaseStaticFieldsSample extends ReleaseStaticFieldsBase {
  static final Object CONSTANT = new Object();
  static Object held = new Object();
  static int count = 3;
}
