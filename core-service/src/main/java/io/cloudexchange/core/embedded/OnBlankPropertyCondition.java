package io.cloudexchange.core.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

class OnBlankPropertyCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String name = (String) metadata.getAnnotationAttributes(ConditionalOnBlankProperty.class.getName()).get("value");
        return StringUtils.hasText(context.getEnvironment().getProperty(name))
                ? ConditionOutcome.noMatch(name + " is set")
                : ConditionOutcome.match(name + " is blank");
    }
}
