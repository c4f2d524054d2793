package io.cloudexchange.core.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks a module worker ({@link BatchHandler}). Workers run unless {@code cloudexchange.workers.enabled}
 * is false, e.g. on a core node that should only serve the API and schedule pulls while other nodes
 * consume the queues.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "cloudexchange.workers.enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnWorkers {
}
