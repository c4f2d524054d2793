package io.cloudexchange.core.configurations;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface PluginConfigurationRepository extends MongoRepository<PluginConfiguration, String> {

    Optional<PluginConfiguration> findByName(String name);

    List<PluginConfiguration> findByEnabledTrue();

    boolean existsByPluginId(String pluginId);
}
