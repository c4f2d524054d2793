package io.cloudexchange.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.core.CoreUnavailableException;
import io.cloudexchange.gateway.core.LoginResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OpenID Connect sign-in (authorization code with PKCE). The gateway makes the state, nonce and PKCE verifier and
 * keeps them in a short-lived cookie (SameSite=Lax: the session cookie is Strict and does not come back on the
 * identity provider's cross-site redirect); core-service builds the authorization URL, redeems the code with the
 * client secret only it holds, checks the ID token and answers with the platform token.
 */
@Controller
class OidcLoginController {

    static final String PENDING_COOKIE = "CE_SSO";
    static final String CALLBACK_PATH = "/login/sso/callback";

    private final CoreClient core;
    private final SsoSession session;

    OidcLoginController(CoreClient core, SsoSession session) {
        this.core = core;
        this.session = session;
    }

    @GetMapping("/login/sso")
    String start(HttpServletResponse response) {
        String state = SsoSession.random();
        String nonce = SsoSession.random();
        String verifier = SsoSession.random();
        String authorizationUri;
        try {
            Map<?, ?> answer = core.signInCall("/api/auth/sso/oidc/authorize", Map.of("redirectUri", callbackUri(),
                    "state", state, "nonce", nonce, "codeChallenge", challenge(verifier)), Map.class);
            authorizationUri = String.valueOf(answer.get("authorizationUri"));
        }
        catch (CoreException | CoreUnavailableException ex) {
            return "redirect:/login?ssoError";
        }
        response.addHeader(HttpHeaders.SET_COOKIE,
                pendingCookie(state + "~" + nonce + "~" + verifier, Duration.ofMinutes(10)).toString());
        return "redirect:" + authorizationUri;
    }

    @GetMapping(CALLBACK_PATH)
    String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
            @CookieValue(name = PENDING_COOKIE, required = false) String pending, HttpServletRequest request,
            HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, pendingCookie("", Duration.ZERO).toString());
        String[] parts = pending == null ? new String[0] : pending.split("~");
        if (code == null || state == null || parts.length != 3 || !MessageDigest.isEqual(
                parts[0].getBytes(StandardCharsets.US_ASCII), state.getBytes(StandardCharsets.US_ASCII))) {
            return "redirect:/login?ssoError";
        }
        LoginResult login;
        try {
            login = core.signInCall("/api/auth/sso/oidc/login", Map.of("code", code, "codeVerifier", parts[2],
                    "redirectUri", callbackUri(), "state", state, "nonce", parts[1]), LoginResult.class);
        }
        catch (CoreException | CoreUnavailableException ex) {
            return "redirect:/login?ssoError";
        }
        session.signIn(login, request, response);
        // A page, not a redirect: the browser then asks for "/" from our own origin and sends the Strict cookie.
        return "sso-complete";
    }

    private static String callbackUri() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(CALLBACK_PATH).toUriString();
    }

    private static ResponseCookie pendingCookie(String value, Duration maxAge) {
        return ResponseCookie.from(PENDING_COOKIE, value).httpOnly(true).secure(true).sameSite("Lax")
                .path("/login/sso").maxAge(maxAge).build();
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
