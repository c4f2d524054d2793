package io.cloudexchange.core.configurations;

/** Published after a configuration was deleted, so its pull state and storage can go too. */
public record ConfigurationDeletedEvent(String configurationId) {
}
