package io.cloudexchange.core.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Gives a {@code @SpringBootTest} its own throw-away infrastructure: the embedded MongoDB-wire server and
 * the embedded AMQP broker, both in memory on free loopback ports, with {@code cloudexchange.data-dir} in a
 * temporary directory deleted when the context closes. Any {@code cloudexchange.*.uri} from the environment
 * is ignored. A test may still point one of them at a real server, e.g. with {@code @DynamicPropertySource}
 * setting {@code cloudexchange.rabbitmq.uri}.
 *
 * <pre>
 * &#64;SpringBootTest
 * &#64;EmbeddedInfrastructure
 * class MyFeatureTest { ... }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
public @interface EmbeddedInfrastructure {
}
