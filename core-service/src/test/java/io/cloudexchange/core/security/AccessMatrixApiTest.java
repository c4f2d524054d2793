package io.cloudexchange.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.users.Area;
import io.cloudexchange.core.users.CustomRole;
import io.cloudexchange.core.users.CustomRoleRepository;
import io.cloudexchange.core.users.Permission;
import io.cloudexchange.core.users.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Every kind of caller against every endpoint family, reading and writing: 401, 403, or let through. */
class AccessMatrixApiTest extends ApiTestSupport {

    private static final String CTE_READER = "CTE_READER";

    @Autowired
    private TokenIssuer tokens;
    @Autowired
    private CustomRoleRepository customRoles;

    enum Caller { NO_TOKEN, READ_ONLY, ADMIN, CTE_READER, SUPER_ADMIN }

    /**
     * Who may call a family: an area's permission, the super admin, super admin and admin (reading; the
     * super admin reaches every path), or anyone signed in.
     */
    enum Family { SETTINGS, CTE, CLS, SUPER_ADMIN_ONLY, AUDIT, ANY_SIGNED_IN }

    record Call(Family family, HttpMethod method, String path, boolean write) {
    }

    private static final List<Call> CALLS = List.of(
            new Call(Family.SETTINGS, HttpMethod.GET, "/api/settings/modules", false),
            new Call(Family.SETTINGS, HttpMethod.PUT, "/api/settings/modules", true),
            new Call(Family.SETTINGS, HttpMethod.GET, "/api/settings/proxy", false),
            new Call(Family.SETTINGS, HttpMethod.GET, "/api/tenants", false),
            new Call(Family.SETTINGS, HttpMethod.POST, "/api/tenants", true),
            new Call(Family.SETTINGS, HttpMethod.GET, "/api/plugins", false),
            new Call(Family.SETTINGS, HttpMethod.POST, "/api/plugins", true),
            new Call(Family.SETTINGS, HttpMethod.GET, "/api/configurations", false),
            new Call(Family.SETTINGS, HttpMethod.POST, "/api/configurations", true),
            new Call(Family.SETTINGS, HttpMethod.GET, "/api/logs", false),
            new Call(Family.SETTINGS, HttpMethod.DELETE, "/api/logs", true),
            new Call(Family.CTE, HttpMethod.GET, "/api/cte/indicators", false),
            new Call(Family.CTE, HttpMethod.POST, "/api/cte/indicators", true),
            new Call(Family.CLS, HttpMethod.GET, "/api/cls/mapping-files", false),
            new Call(Family.CLS, HttpMethod.GET, "/api/cls/mapping-files/default-json/download", false),
            new Call(Family.CLS, HttpMethod.POST, "/api/cls/mapping-files", true),
            new Call(Family.CLS, HttpMethod.POST, "/api/cls/mapping-files/default-json/copy", true),
            new Call(Family.CLS, HttpMethod.DELETE, "/api/cls/mapping-files/default-json", true),
            new Call(Family.CTE, HttpMethod.POST, "/api/cte/indicators/tag", true),
            new Call(Family.CTE, HttpMethod.POST, "/api/cte/indicators/delete", true),
            new Call(Family.CTE, HttpMethod.GET, "/api/cte/indicators/export", false),
            new Call(Family.CTE, HttpMethod.GET, "/api/cte/tags", false),
            new Call(Family.CTE, HttpMethod.GET, "/api/cte/tags/usage", false),
            new Call(Family.CTE, HttpMethod.POST, "/api/cte/tags", true),
            new Call(Family.CTE, HttpMethod.GET, "/api/cte/settings", false),
            new Call(Family.CTE, HttpMethod.PUT, "/api/cte/settings", true),
            new Call(Family.CTE, HttpMethod.GET, "/api/cte/business-rules", false),
            new Call(Family.CTE, HttpMethod.POST, "/api/cte/business-rules", true),
            new Call(Family.CTE, HttpMethod.POST, "/api/cte/business-rules/test", true),
            new Call(Family.CTE, HttpMethod.GET, "/api/cte/sharing", false),
            new Call(Family.CTE, HttpMethod.POST, "/api/cte/sharing", true),
            new Call(Family.CTE, HttpMethod.GET, "/api/cte/list-tokens", false),
            new Call(Family.CTE, HttpMethod.POST, "/api/cte/list-tokens", true),
            new Call(Family.CLS, HttpMethod.GET, "/api/cls/siem-mappings", false),
            new Call(Family.CLS, HttpMethod.POST, "/api/cls/siem-mappings", true),
            new Call(Family.CLS, HttpMethod.GET, "/api/cls/business-rules", false),
            new Call(Family.CLS, HttpMethod.POST, "/api/cls/business-rules", true),
            new Call(Family.CLS, HttpMethod.GET, "/api/cls/dead-letters", false),
            new Call(Family.CLS, HttpMethod.POST, "/api/cls/dead-letters/replay", true),
            new Call(Family.CLS, HttpMethod.GET, "/api/cls/counters", false),
            new Call(Family.CLS, HttpMethod.GET, "/api/cls/historical-pulls?mappingId=none", false),
            new Call(Family.CLS, HttpMethod.GET, "/api/cls/historical-pulls/none", false),
            new Call(Family.CLS, HttpMethod.POST, "/api/cls/historical-pulls", true),
            new Call(Family.CLS, HttpMethod.DELETE, "/api/cls/historical-pulls/none", true),
            new Call(Family.SUPER_ADMIN_ONLY, HttpMethod.GET, "/api/users", false),
            new Call(Family.SUPER_ADMIN_ONLY, HttpMethod.POST, "/api/users", true),
            new Call(Family.SUPER_ADMIN_ONLY, HttpMethod.GET, "/api/roles", false),
            new Call(Family.SUPER_ADMIN_ONLY, HttpMethod.POST, "/api/roles", true),
            new Call(Family.SUPER_ADMIN_ONLY, HttpMethod.GET, "/api/unmapped", false),
            new Call(Family.SUPER_ADMIN_ONLY, HttpMethod.GET, "/api/settings/sso", false),
            new Call(Family.SUPER_ADMIN_ONLY, HttpMethod.PUT, "/api/settings/sso", true),
            new Call(Family.SUPER_ADMIN_ONLY, HttpMethod.GET, "/api/settings/sso/saml", false),
            new Call(Family.SUPER_ADMIN_ONLY, HttpMethod.PUT, "/api/settings/sso/saml", true),
            new Call(Family.AUDIT, HttpMethod.GET, "/api/audit", false),
            new Call(Family.AUDIT, HttpMethod.GET, "/api/audit/export", false),
            new Call(Family.AUDIT, HttpMethod.DELETE, "/api/audit", true),
            new Call(Family.ANY_SIGNED_IN, HttpMethod.GET, "/api/me", false),
            new Call(Family.ANY_SIGNED_IN, HttpMethod.POST, "/api/auth/password", true),
            new Call(Family.ANY_SIGNED_IN, HttpMethod.GET, "/api/auth/clients", false),
            new Call(Family.ANY_SIGNED_IN, HttpMethod.POST, "/api/auth/clients", true),
            new Call(Family.ANY_SIGNED_IN, HttpMethod.POST, "/api/query/validate", false),
            new Call(Family.ANY_SIGNED_IN, HttpMethod.GET, "/api/query/fields", false));

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            for (Call call : CALLS) {
                rows.add(Arguments.of(caller, call.method(), call.path(), call));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void callerGetsExactlyTheAccessOfItsRoles(Caller caller, HttpMethod method, String path, Call call) throws Exception {
        MockHttpServletRequestBuilder request = withJson(request(method, path), Map.of());
        if (caller != Caller.NO_TOKEN) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenOf(caller));
        }
        int status = mvc.perform(request).andReturn().getResponse().getStatus();

        if (caller == Caller.NO_TOKEN) {
            assertThat(status).isEqualTo(401);
        } else if (allowed(caller, call)) {
            assertThat(status).as("let through").isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(status).isEqualTo(403);
        }
    }

    private static boolean allowed(Caller caller, Call call) {
        return switch (call.family()) {
            case ANY_SIGNED_IN -> true;
            case SUPER_ADMIN_ONLY -> caller == Caller.SUPER_ADMIN;
            case AUDIT -> caller == Caller.SUPER_ADMIN || caller == Caller.ADMIN && !call.write();
            case SETTINGS -> caller == Caller.SUPER_ADMIN || caller == Caller.ADMIN
                    || caller == Caller.READ_ONLY && !call.write();
            case CLS -> caller == Caller.SUPER_ADMIN || caller == Caller.ADMIN
                    || caller == Caller.READ_ONLY && !call.write();
            case CTE -> caller == Caller.SUPER_ADMIN || caller == Caller.ADMIN
                    || (caller == Caller.READ_ONLY || caller == Caller.CTE_READER) && !call.write();
        };
    }

    private String tokenOf(Caller caller) {
        String role = caller == Caller.CTE_READER ? CTE_READER : caller.name();
        if (caller == Caller.CTE_READER) {
            Instant now = Instant.now();
            customRoles.save(new CustomRole(CTE_READER, "reads threat exchange data", Map.of(Area.CTE, Permission.READ), now, now));
        }
        User user = caller == Caller.SUPER_ADMIN ? users.findByUsername(ADMIN).orElseThrow()
                : users.save(User.create("user-" + caller.name().toLowerCase(), "{noop}unused-password", Set.of(role),
                        false, Instant.now()));
        return tokens.forUser(user).value();
    }
}
