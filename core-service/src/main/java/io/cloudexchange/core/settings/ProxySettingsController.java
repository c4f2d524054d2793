package io.cloudexchange.core.settings;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.core.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settings/proxy")
@Tag(name = "Settings")
class ProxySettingsController {

    private final SettingsService settings;
    private final SecretCipher cipher;
    private final PlatformLog platformLog;

    ProxySettingsController(SettingsService settings, SecretCipher cipher, PlatformLog platformLog) {
        this.settings = settings;
        this.cipher = cipher;
        this.platformLog = platformLog;
    }

    @GetMapping
    @Operation(summary = "The outbound HTTP proxy (never its password)")
    ProxyResponse get() {
        return ProxyResponse.of(settings.current().proxy());
    }

    @PutMapping
    @Operation(summary = "Set or remove the outbound HTTP proxy",
            description = "An empty url removes the proxy. An empty or missing password keeps the stored one.")
    ProxyResponse update(@AuthenticationPrincipal Jwt token, @RequestBody ProxyRequest request) {
        Map<String, String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems, null);
        }
        ProxySettings proxy = request.removesProxy() ? ProxySettings.NONE
                : new ProxySettings(request.url(), request.username(), request.keepsPassword()
                        ? settings.current().proxy().encryptedPassword() : cipher.encrypt(request.password()));
        ProxySettings saved = settings.updateProxy(proxy).proxy();
        platformLog.info(PlatformLog.PLATFORM_SOURCE, (saved.isSet() ? "Proxy set to " + saved.url() : "Proxy removed")
                + " by " + Actor.from(token).describe());
        return ProxyResponse.of(saved);
    }
}
