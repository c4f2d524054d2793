package io.cloudexchange.core.cte.lists;

import io.cloudexchange.core.migrations.IndexCreator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ListsConfiguration {

    @Bean
    V30ListIndexes v30ListIndexes(IndexCreator indexes) {
        return new V30ListIndexes(indexes);
    }
}
