package io.cloudexchange.core.cte;

import io.cloudexchange.core.query.NamedQueryFields;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes the indicator fields to {@code /api/query} as catalog {@code "indicators"}. */
@Configuration(proxyBeanMethods = false)
class IndicatorQueryCatalog {

    @Bean
    NamedQueryFields indicatorQueryFields() {
        return new NamedQueryFields("indicators", IndicatorQueryFields.FIELDS);
    }
}
