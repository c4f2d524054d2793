package io.cloudexchange.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.secrets.SecretCipher;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SettingsApiTest extends ApiTestSupport {

    private static final String PROXY_PASSWORD = "proxy-pass-123";

    @Autowired
    private SettingsService settings;
    @Autowired
    private SecretCipher cipher;

    @Test
    void requiresToken() throws Exception {
        mvc.perform(get("/api/settings/modules")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/settings/proxy")).andExpect(status().isUnauthorized());
    }

    @Test
    void modulesCanBeToggledOneAtATime() throws Exception {
        mvc.perform(asAdmin(get("/api/settings/modules")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.CTE").value(true))
                .andExpect(jsonPath("$.CLS").value(true));
        mvc.perform(withJson(asAdmin(put("/api/settings/modules")), Map.of("CLS", false)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.CLS").value(false))
                .andExpect(jsonPath("$.CTE").value(true));
        mvc.perform(withJson(asAdmin(put("/api/settings/modules")), Map.of("XYZ", true)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void proxyPasswordIsEncryptedKeptAndNeverReturned() throws Exception {
        String answer = mvc.perform(withJson(asAdmin(put("/api/settings/proxy")),
                        Map.of("url", "http://proxy.example.com:3128", "username", "u", "password", PROXY_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("http://proxy.example.com:3128"))
                .andExpect(jsonPath("$.passwordSet").value(true))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain(PROXY_PASSWORD);
        String encrypted = settings.current().proxy().encryptedPassword();
        assertThat(cipher.decrypt(encrypted)).isEqualTo(PROXY_PASSWORD);

        mvc.perform(withJson(asAdmin(put("/api/settings/proxy")), Map.of("url", "https://proxy2.example.com", "username", "u")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passwordSet").value(true));
        assertThat(settings.current().proxy().encryptedPassword()).isEqualTo(encrypted);

        mvc.perform(asAdmin(get("/api/settings/proxy")))
                .andExpect(jsonPath("$.url").value("https://proxy2.example.com"))
                .andExpect(jsonPath("$.username").value("u"));
        mvc.perform(withJson(asAdmin(put("/api/settings/proxy")), Map.of("url", "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value(""))
                .andExpect(jsonPath("$.passwordSet").value(false));
    }

    @Test
    void proxyUrlMustBeHttpWithHost() throws Exception {
        for (String bad : new String[] {"proxy.example.com:3128", "socks5://proxy:1080", "http://", "http://u:p@proxy:3128",
                "http://proxy:3128/path", "ht tp://x"}) {
            mvc.perform(withJson(asAdmin(put("/api/settings/proxy")), Map.of("url", bad)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.url").exists());
        }
        assertThat(settings.current().proxy().isSet()).isFalse();
    }
}
