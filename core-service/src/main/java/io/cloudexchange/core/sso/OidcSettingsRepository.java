package io.cloudexchange.core.sso;

import org.springframework.data.mongodb.repository.MongoRepository;

interface OidcSettingsRepository extends MongoRepository<OidcSettings, String> {
}
