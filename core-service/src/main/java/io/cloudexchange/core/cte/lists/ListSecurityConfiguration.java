package io.cloudexchange.core.cte.lists;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The served lists (EDL, TAXII) are read by firewalls, proxies and TAXII clients with a list token, not
 * with a user's JWT: their own filter chain, ahead of the API's, accepts {@code Authorization: Bearer
 * <token>} or HTTP Basic with the token as password (user name free), and only GET/HEAD.
 */
@Configuration(proxyBeanMethods = false)
class ListSecurityConfiguration {

    static final String[] PATHS = {"/api/edl/**", "/api/taxii2", "/api/taxii2/**"};
    static final String AUTHORITY = "LIST_READER";

    @Bean
    @Order(1)
    SecurityFilterChain listSecurity(HttpSecurity http, ListTokens tokens) throws Exception {
        return http.securityMatcher(PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new TokenFilter(tokens), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, PATHS).hasAuthority(AUTHORITY)
                        .requestMatchers(HttpMethod.HEAD, PATHS).hasAuthority(AUTHORITY)
                        .anyRequest().denyAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> unauthorized(response))
                        .accessDeniedHandler((request, response, e) -> {
                            response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                            response.setHeader(HttpHeaders.ALLOW, "GET, HEAD");
                        }))
                .build();
    }

    private static void unauthorized(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lists\", Basic realm=\"lists\"");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"status\":401,\"title\":\"Unauthorized\","
                + "\"detail\":\"A list token is required (Bearer, or Basic with the token as password)\"}");
    }

    static final class TokenFilter extends OncePerRequestFilter {
        private final ListTokens tokens;

        TokenFilter(ListTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String presented = presentedToken(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (presented != null) {
                tokens.authenticate(presented).ifPresent(token -> SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated("list-token:" + token.name(), null,
                                List.of(new SimpleGrantedAuthority(AUTHORITY)))));
            }
            chain.doFilter(request, response);
        }

        static String presentedToken(String header) {
            if (header == null) {
                return null;
            }
            if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return header.substring(7).strip();
            }
            if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                    int colon = pair.indexOf(':');
                    return colon >= 0 ? pair.substring(colon + 1) : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
            return null;
        }
    }
}
