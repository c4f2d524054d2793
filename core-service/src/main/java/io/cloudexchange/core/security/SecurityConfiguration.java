package io.cloudexchange.core.security;

import io.cloudexchange.core.users.Permission;
import io.cloudexchange.core.users.Role;
import io.cloudexchange.core.users.RolePermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security. Open: sign-in, client-credentials exchange, API docs (springdoc
 * serves the Swagger UI assets under {@code /api/swagger-ui}) and health. Any signed-in caller: its own
 * profile, password and API clients. Users and roles: the super admin. Audit log: super admin and admin.
 * Area endpoints ({@link EndpointAreas}): the area's READ permission for GET and HEAD, WRITE for the rest.
 * Anything else: the super admin. All but {@code GET /api/me} and {@code POST /api/auth/password} also
 * need a changed initial password. See docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
                                    ProblemAccessDeniedHandler accessDenied, RolePermissions permissions) {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.POST, "/api/auth", "/api/auth/login", "/api/auth/sso/oidc/authorize",
                                    "/api/auth/sso/oidc/login", "/api/auth/sso/saml/authorize", "/api/auth/sso/saml/login").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/auth/sso", "/api/auth/sso/saml/metadata").permitAll()
                        .requestMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/auth/password").authenticated()
                        .requestMatchers("/api/auth/clients", "/api/auth/clients/**")
                        .access(withChangedPassword(AuthenticatedAuthorizationManager.authenticated()))
                        .requestMatchers("/api/query", "/api/query/**")
                        .access(withChangedPassword(AuthenticatedAuthorizationManager.authenticated()))
                        .requestMatchers("/api/users", "/api/users/**", "/api/roles", "/api/roles/**", "/api/settings/sso", "/api/settings/sso/**")
                        .access(withChangedPassword(AuthorityAuthorizationManager.hasRole(Role.SUPER_ADMIN.name())))
                        .requestMatchers(HttpMethod.GET, "/api/audit", "/api/audit/**")
                        .access(withChangedPassword(AuthorityAuthorizationManager.hasAnyRole(
                                Role.SUPER_ADMIN.name(), Role.ADMIN.name())));
                    EndpointAreas.PATHS.forEach((area, paths) -> {
                        String[] patterns = paths.toArray(String[]::new);
                        requests.requestMatchers(HttpMethod.GET, patterns).access(withChangedPassword(
                                        AuthorityAuthorizationManager.hasAuthority(AreaAuthorities.authority(area, Permission.READ))))
                                .requestMatchers(HttpMethod.HEAD, patterns).access(withChangedPassword(
                                        AuthorityAuthorizationManager.hasAuthority(AreaAuthorities.authority(area, Permission.READ))))
                                .requestMatchers(patterns).access(withChangedPassword(
                                        AuthorityAuthorizationManager.hasAuthority(AreaAuthorities.authority(area, Permission.WRITE))));
                    });
                    requests.anyRequest().access(withChangedPassword(
                            AuthorityAuthorizationManager.hasRole(Role.SUPER_ADMIN.name())));
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new AreaAuthorities(permissions)))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashing.encoder();
    }

    private static AuthorizationManager<RequestAuthorizationContext> withChangedPassword(
            AuthorizationManager<RequestAuthorizationContext> rule) {
        return AuthorizationManagers.allOf(rule, new PasswordChangeGate());
    }
}
