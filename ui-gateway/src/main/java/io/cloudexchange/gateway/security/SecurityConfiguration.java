package io.cloudexchange.gateway.security;

import io.cloudexchange.gateway.auth.LoginFailureHandler;
import io.cloudexchange.gateway.auth.LoginSuccessHandler;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Scripts and styles only from the gateway itself (htmx is served from its WebJar). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, SecurityContextRepository securityContextRepository,
            LoginSuccessHandler loginSuccessHandler, LoginFailureHandler loginFailureHandler) {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/login/sso", "/login/sso/callback", "/login/sso/saml", "/login/sso/saml/acs",
                                "/saml/metadata", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // core-service authenticates API calls itself.
                        .requestMatchers("/api/**").permitAll()
                        .anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(securityContextRepository))
                .formLogin(login -> login.loginPage("/login")
                        .successHandler(loginSuccessHandler)
                        .failureHandler(loginFailureHandler))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true)
                        .deleteCookies("CE_SESSION"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginRedirectEntryPoint()))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                // The IdP posts the SAML Response cross-site; the RelayState cookie check binds it to the browser's flow.
                .csrf(csrf -> csrf.ignoringRequestMatchers(apiCallNotAuthenticatedByCookie(),
                        request -> "POST".equals(request.getMethod()) && "/login/sso/saml/acs".equals(request.getRequestURI())))
                .headers(headers -> headers
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .contentTypeOptions(Customizer.withDefaults())
                        .frameOptions(frames -> frames.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * CSRF protects calls the gateway authenticates with the session cookie. An API call that brings its own
     * {@code Authorization} header, or has no session at all, cannot be forged through the browser's cookie.
     */
    private static RequestMatcher apiCallNotAuthenticatedByCookie() {
        return request -> request.getRequestURI().startsWith("/api/")
                && (request.getHeader(HttpHeaders.AUTHORIZATION) != null || !request.isRequestedSessionIdValid());
    }
}
