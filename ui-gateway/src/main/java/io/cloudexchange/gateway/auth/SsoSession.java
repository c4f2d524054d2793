package io.cloudexchange.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import io.cloudexchange.gateway.core.CoreAuthentication;
import io.cloudexchange.gateway.core.LoginResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Starts the browser session once core accepted a single sign-on (OpenID Connect or SAML): a new session id. */
@Component
class SsoSession {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecurityContextRepository contexts;
    private final Duration sessionTimeout;

    SsoSession(SecurityContextRepository contexts,
            @Value("${server.servlet.session.timeout:60m}") Duration sessionTimeout) {
        this.contexts = contexts;
        this.sessionTimeout = sessionTimeout;
    }

    void signIn(LoginResult login, HttpServletRequest request, HttpServletResponse response) {
        CoreAuthentication authentication = new CoreAuthentication(subjectOf(login.accessToken()), login.accessToken(), false);
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setMaxInactiveInterval((int) Math.max(1, sessionTimeout.toSeconds()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** 32 random bytes, base64url: 43 characters. */
    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The username the core put in its own token, for display only: the core decides every request. */
    private static String subjectOf(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return "sso-user";
        }
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        java.util.regex.Matcher subject = java.util.regex.Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]*)\"").matcher(payload);
        return subject.find() ? subject.group(1) : "sso-user";
    }
}
