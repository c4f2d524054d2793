package io.cloudexchange.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Without {@code cloudexchange.tenants.allow-loopback} a local address is no tenant. */
class TenantLoopbackApiTest extends ApiTestSupport {

    @Autowired
    private TenantRepository tenants;

    @Test
    void loopbackUrlsAreRefusedByDefault() throws Exception {
        mvc.perform(withJson(asAdmin(post("/api/tenants")),
                        Map.of("name", "Local", "url", "http://127.0.0.1:8800", "v2Token", "some-token")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.url", containsString("is a local address, not a Netskope tenant")));
        assertThat(tenants.count()).isZero();
    }
}
