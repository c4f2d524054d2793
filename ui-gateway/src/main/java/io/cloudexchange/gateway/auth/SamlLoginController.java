package io.cloudexchange.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.core.CoreUnavailableException;
import io.cloudexchange.gateway.core.LoginResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * SAML 2.0 sign-in (SP-initiated). The gateway makes the RelayState and keeps it in a short-lived cookie; core
 * writes the AuthnRequest (HTTP-Redirect binding) and remembers its ID. The IdP posts the Response to the ACS here
 * (HTTP-POST binding, a cross-site POST: the flow cookie is SameSite=None, the session cookie would not come);
 * the gateway checks the RelayState against the cookie and hands the Response to core, which validates it.
 */
@Controller
class SamlLoginController {

    static final String PENDING_COOKIE = "CE_SAML";
    static final String FLOW_PATH = "/login/sso/saml";
    static final String ACS_PATH = FLOW_PATH + "/acs";
    static final MediaType METADATA_TYPE = MediaType.parseMediaType("application/samlmetadata+xml");

    private final CoreClient core;
    private final SsoSession session;

    SamlLoginController(CoreClient core, SsoSession session) {
        this.core = core;
        this.session = session;
    }

    @GetMapping(FLOW_PATH)
    String start(HttpServletResponse response) {
        String relayState = SsoSession.random();
        String redirectUrl;
        try {
            Map<?, ?> answer = core.signInCall("/api/auth/sso/saml/authorize", Map.of("relayState", relayState), Map.class);
            redirectUrl = String.valueOf(answer.get("redirectUrl"));
        }
        catch (CoreException | CoreUnavailableException ex) {
            return "redirect:/login?ssoError";
        }
        response.addHeader(HttpHeaders.SET_COOKIE, pendingCookie(relayState, Duration.ofMinutes(10)).toString());
        return "redirect:" + redirectUrl;
    }

    @PostMapping(ACS_PATH)
    String assertionConsumerService(@RequestParam(name = "SAMLResponse", required = false) String samlResponse,
            @RequestParam(name = "RelayState", required = false) String relayState,
            @CookieValue(name = PENDING_COOKIE, required = false) String pending, HttpServletRequest request,
            HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, pendingCookie("", Duration.ZERO).toString());
        if (samlResponse == null || relayState == null || pending == null || !MessageDigest.isEqual(
                pending.getBytes(StandardCharsets.UTF_8), relayState.getBytes(StandardCharsets.UTF_8))) {
            return "redirect:/login?ssoError";
        }
        LoginResult login;
        try {
            login = core.signInCall("/api/auth/sso/saml/login",
                    Map.of("samlResponse", samlResponse, "relayState", relayState), LoginResult.class);
        }
        catch (CoreException | CoreUnavailableException ex) {
            return "redirect:/login?ssoError";
        }
        session.signIn(login, request, response);
        // A page, not a redirect: the browser then asks for "/" from our own origin and sends the Strict cookie.
        return "sso-complete";
    }

    /** The service provider metadata to register at the IdP, public as SAML expects. */
    @GetMapping("/saml/metadata")
    ResponseEntity<String> metadata() {
        try {
            String metadata = core.getDocument("/api/auth/sso/saml/metadata", METADATA_TYPE);
            return ResponseEntity.ok().contentType(METADATA_TYPE)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"cloud-exchange-sp-metadata.xml\"")
                    .body(metadata);
        }
        catch (CoreException ex) {
            return ResponseEntity.notFound().build();
        }
    }

    private static ResponseCookie pendingCookie(String value, Duration maxAge) {
        return ResponseCookie.from(PENDING_COOKIE, value).httpOnly(true).secure(true).sameSite("None")
                .path(FLOW_PATH).maxAge(maxAge).build();
    }
}
