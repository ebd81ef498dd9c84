package dev.wfmconnector.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs a store test twice, on H2 and on PostgreSQL, each time with a fresh migrated {@link TestDatabase} parameter
 * (closed after the test).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(OnBothDatabases.Provider.class)
public @interface OnBothDatabases {

    /** One invocation per {@link TestDatabase.Engine}. */
    final class Provider implements TestTemplateInvocationContextProvider {

        @Override
        public boolean supportsTestTemplate(ExtensionContext context) {
            return true;
        }

        @Override
        public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
            return Stream.of(TestDatabase.Engine.values()).map(Provider::invocation);
        }

        private static TestTemplateInvocationContext invocation(TestDatabase.Engine engine) {
            return new TestTemplateInvocationContext() {
                @Override
                public String getDisplayName(int invocationIndex) {
                    return engine == TestDatabase.Engine.H2 ? "H2" : "PostgreSQL";
                }

                @Override
                public List<Extension> getAdditionalExtensions() {
                    return List.of(new DatabaseResolver(engine));
                }
            };
        }
    }

    /** Opens the database for the test and closes it afterwards. */
    record DatabaseResolver(TestDatabase.Engine engine) implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            TestDatabase database = TestDatabase.open(engine);
            context.getStore(ExtensionContext.Namespace.create(DatabaseResolver.class, context.getUniqueId()))
                    .put(TestDatabase.class, (ExtensionContext.Store.CloseableResource) database::close);
            return database;
        }
    }
}
