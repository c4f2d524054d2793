package io.cloudexchange.core.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /api/docs/openapi.json}: every operation needs a bearer token unless marked otherwise. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER_SCHEME = "bearer";
    /** Version of the REST contract (docs/api.md), independent of the platform release. */
    static final String API_VERSION = "v1";

    @Bean
    OpenAPI cloudExchangeOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Cloud Exchange API")
                        .description("""
                                Configure plugins, tenants and platform settings, and read the platform log. \
                                Get a bearer token from POST /api/auth/login (users) or POST /api/auth \
                                (API clients, grant_type=client_credentials). Errors are application/problem+json \
                                with field-keyed `errors` on validation failures.""")
                        .version(API_VERSION))
                .components(new Components().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("Token from POST /api/auth/login or POST /api/auth; valid for one hour")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }
}
