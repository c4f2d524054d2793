package io.cloudexchange.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for core-service answering the parts of docs/api.md the gateway's tests use. Every request is
 * recorded. Paths under {@code /api/echo} answer {@code 201} with a fixed body and a few headers.
 */
public final class FakeCore implements AutoCloseable {

    public static final String USERNAME = "admin";
    public static final String INITIAL_PASSWORD = "initial-password";

    /** Threat Exchange and Risk Exchange on, the rest off. */
    public static final String DEFAULT_MODULES =
            "{\"CTE\":true,\"CTO\":false,\"CRE\":true,\"ARE\":false,\"CLS\":false}";

    static final String PLUGIN = """
            {"id":"demo","name":"Demo Threat Feed","version":"1.2.0","description":"Pulls indicators from a demo feed",
             "modules":["CTE"],"capabilities":["PULL"],"minimumPlatformVersion":"0.1.0","source":"BUNDLED",
             "schema":{"steps":[{"name":"connection","label":"Connection","fields":[
               {"key":"base_url","label":"Base URL","type":"TEXT","mandatory":true,"placeholder":"https://feed.example"},
               {"key":"api_key","label":"API key","type":"PASSWORD","mandatory":true},
               {"key":"count","label":"Indicators per pull","type":"NUMBER","mandatory":false,"defaultValue":100,
                "min":1,"max":10000,"description":"How many indicators one pull fetches"}]},
              {"name":"filters","label":"Filters","fields":[
               {"key":"severity","label":"Minimum severity","type":"CHOICE","mandatory":true,"defaultValue":"high",
                "choices":[{"label":"Low","value":"low"},{"label":"High","value":"high"}]},
               {"key":"types","label":"Types","type":"MULTICHOICE","defaultValue":["url","sha256"],
                "choices":[{"label":"URL","value":"url"},{"label":"SHA-256","value":"sha256"},{"label":"MD5","value":"md5"}]},
               {"key":"notes","label":"Notes","type":"TEXTAREA"},
               {"key":"share","label":"Share back","type":"BOOLEAN","defaultValue":true}]}]}}""";

    static final String TENANT = """
            {"id":"t1","name":"Acme","url":"https://acme.goskope.com","alertTypes":["malware","uba"],
             "eventTypes":["network"],"alertsInitialRangeDays":7,"eventsInitialRangeHours":24,"useSystemProxy":false,
             "v2TokenSet":true,"v1TokenSet":false}""";

    static final String ANALYST = """
            {"name":"ANALYST","description":"Reads threats","builtIn":false,
             "permissions":{"SETTINGS":"NONE","CTE":"WRITE","CTO":"READ","CRE":"NONE","CLS":"NONE"}}""";

    static final String BOB = """
            {"id":"u2","username":"bob","roles":["ANALYST","READ_ONLY"],"active":true,"mustChangePassword":false,
             "locked":false,"lastLoginAt":"2026-11-20T08:30:00Z","createdAt":"2026-11-01T00:00:00Z"}""";

    /** Answers for the pages of the admin UI; a problem body is answered with status 400. */
    /** SAML settings as core answers them before anything is configured. */
    public static final String SAML_SETTINGS = """
            {"enabled":false,"spBaseUrl":null,"spEntityId":null,"acsUrl":null,"spMetadataUrl":null,"idpEntityId":null,
             "ssoUrl":null,"certificates":[],"usernameAttribute":null,"groupsAttribute":"groups","groupRoles":[],
             "defaultRole":"deny","warnings":[]}""";

    private static final Map<String, String> CANNED_ANSWERS = Map.ofEntries(
            Map.entry("GET /api/tenants", "[" + TENANT + "]"),
            Map.entry("GET /api/settings/sso/saml", SAML_SETTINGS),
            Map.entry("GET /api/tenants/t1", TENANT),
            Map.entry("GET /api/users", """
                    [{"id":"u1","username":"admin","roles":["SUPER_ADMIN"],"active":true,"lastLoginAt":null},
                     """ + BOB + "]"),
            Map.entry("GET /api/users/u2", BOB),
            Map.entry("GET /api/roles", """
                    [{"name":"SUPER_ADMIN","description":"Everything","builtIn":true,"permissions":{"SETTINGS":"WRITE",
                      "CTE":"WRITE","CTO":"WRITE","CRE":"WRITE","CLS":"WRITE"}},
                     {"name":"READ_ONLY","description":"Reads everything","builtIn":true,"permissions":{"SETTINGS":"READ",
                      "CTE":"READ","CTO":"READ","CRE":"READ","CLS":"READ"}},
                     """ + ANALYST + "]"),
            Map.entry("GET /api/roles/ANALYST", ANALYST),
            Map.entry("GET /api/audit", """
                    {"items":[{"id":"a1","at":"2026-11-22T10:00:00Z","actor":"admin","actorType":"USER",
                      "sourceAddress":"10.0.0.9","action":"PERMISSION_CHANGE","targetType":"user","targetId":"bob",
                      "changes":[{"field":"roles","old":["READ_ONLY"],"new":["ANALYST"]}]}],
                     "page":0,"size":50,"total":120}"""),
            Map.entry("GET /api/plugins", "[" + PLUGIN + "]"),
            Map.entry("GET /api/plugins/demo", PLUGIN),
            Map.entry("GET /api/configurations", """
                    [{"id":"c1","name":"Demo feed","pluginId":"demo","module":"CTE","parameters":{"count":50},
                      "enabled":true,"pollIntervalSeconds":300,"secretsSet":["api_key"],
                      "lastRun":{"startedAt":"2026-11-22T10:00:00Z","finishedAt":"2026-11-22T10:00:05Z",
                                 "status":"SUCCESS","items":1000,"rejected":0}}]"""),
            Map.entry("POST /api/configurations", """
                    {"type":"about:blank","title":"Validation failed","status":400,"detail":"2 fields are invalid",
                     "errors":{"parameters.count":"must be between 1 and 10000","name":"is required"}}"""),
            Map.entry("GET /api/cte/indicators", """
                    {"items":[{"id":"IPV4:10.235.111.102","type":"IPV4","value":"10.235.111.102","severity":"MEDIUM","reputation":4,
                      "sources":[{"configurationId":"c1","pluginId":"sample-threat-feed","severity":"MEDIUM",
                                  "reputation":4,"firstSeen":"2026-10-26T21:03:44Z","lastSeen":"2026-11-22T14:03:44Z",
                                  "tags":[],"comments":"Demo","expiresAt":"2026-12-22T14:03:44Z"}],
                      "firstSeen":"2026-10-26T21:03:44Z","lastSeen":"2026-11-22T14:03:44Z","tags":[],"active":true,
                      "expiresAt":"2026-12-22T14:03:44Z"}],"page":0,"size":50,"total":1}"""));

    /** Path families of the SETTINGS area (docs/api.md, Access), readable by every built-in role. */
    private static final List<String> SETTINGS_AREA = List.of("/api/settings", "/api/tenants", "/api/plugins",
            "/api/configurations", "/api/logs");

    /** Permissions of the built-in roles, {@code ANALYST} (as {@link #ANALYST}) and {@code SETTINGS_READER}. */
    private static final Map<String, Map<String, String>> ROLE_PERMISSIONS = Map.of(
            "SUPER_ADMIN", Map.of("SETTINGS", "WRITE", "CTE", "WRITE", "CTO", "WRITE", "CRE", "WRITE", "CLS", "WRITE"),
            "ADMIN", Map.of("SETTINGS", "WRITE", "CTE", "WRITE", "CTO", "WRITE", "CRE", "WRITE", "CLS", "WRITE"),
            "READ_ONLY", Map.of("SETTINGS", "READ", "CTE", "READ", "CTO", "READ", "CRE", "READ", "CLS", "READ"),
            "ANALYST", Map.of("CTE", "WRITE", "CTO", "READ"),
            "SETTINGS_READER", Map.of("SETTINGS", "READ"));

    private static final List<String> BUILT_IN_ROLES = List.of("SUPER_ADMIN", "ADMIN", "READ_ONLY");

    private static final Pattern JSON_STRING = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpServer server;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> tokensNeedingPasswordChange = new ConcurrentHashMap<>();
    private volatile String password = INITIAL_PASSWORD;
    private volatile boolean passwordChangeRequired = true;
    private volatile String modules = DEFAULT_MODULES;
    private volatile List<String> roles = List.of("SUPER_ADMIN");
    private volatile boolean ssoEnabled;
    private volatile boolean samlEnabled;
    private volatile String samlIdpUrl = "https://idp.example/saml/sso";
    private final Map<String, ProgrammedAnswer> programmedAnswers = new ConcurrentHashMap<>();

    private FakeCore(HttpServer server) {
        this.server = server;
    }

    public static FakeCore start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        FakeCore core = new FakeCore(server);
        server.createContext("/", core::handle);
        server.start();
        return core;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public RecordedRequest lastRequestTo(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("core saw no request to " + path + " but " + requests));
    }

    public RecordedRequest lastRequestTo(String method, String path) {
        return requests.stream().filter(request -> request.method().equals(method) && request.path().equals(path))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("core saw no " + method + " " + path + " but " + requests));
    }

    /** Back to a fresh installation: initial password, password change required, default modules. */
    public void reset() {
        requests.clear();
        tokensNeedingPasswordChange.clear();
        password = INITIAL_PASSWORD;
        passwordChangeRequired = true;
        modules = DEFAULT_MODULES;
        roles = List.of("SUPER_ADMIN");
        ssoEnabled = false;
        samlEnabled = false;
        samlIdpUrl = "https://idp.example/saml/sso";
        programmedAnswers.clear();
    }

    /** The roles {@code GET /api/me} reports for the logged-in user; core refuses what they do not allow. */
    public void roles(String... roleNames) {
        this.roles = List.of(roleNames);
    }

    /** Answers the next requests to {@code "METHOD /path"} (any query) with this status and JSON body. */
    public void answer(String methodAndPath, int status, String json) {
        programmedAnswers.put(methodAndPath, new ProgrammedAnswer(status, json));
    }

    /** Logins no longer ask for a password change, as after the first login of an installation. */
    public void passwordAlreadyChanged() {
        passwordChangeRequired = false;
    }

    /**
     * OpenID Connect sign-in on: the authorize call answers an identity provider URL carrying the gateway's state,
     * and the login call accepts the code {@link #SSO_GOOD_CODE} (answering {@link #SSO_TOKEN}, subject
     * {@code alice}) and refuses any other with 401, as core does when it cannot verify the ID token.
     */
    public void ssoEnabled() {
        ssoEnabled = true;
    }

    /**
     * SAML sign-in on: the authorize call answers an IdP URL carrying the gateway's RelayState, and the login call
     * accepts the Response {@link #SAML_GOOD_RESPONSE} (answering {@link #SSO_TOKEN}) and refuses any other with 401.
     */
    public void samlEnabled() {
        samlEnabled = true;
    }

    /** Where the authorize answer sends the browser (a test IdP page), instead of https://idp.example. */
    public void samlIdpUrl(String url) {
        samlIdpUrl = url;
    }

    public static final String SAML_GOOD_RESPONSE = "PHNhbWxwOlJlc3BvbnNlLz4=";
    public static final String SAML_METADATA = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
            + "entityID=\"https://ce.example/saml/metadata\"/>";

    public static final String SSO_GOOD_CODE = "good-code";
    public static final String SSO_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

    public void modules(String json) {
        this.modules = json;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                copy(exchange.getRequestHeaders()), body);
        requests.add(request);
        try (exchange) {
            route(exchange, request);
        }
    }

    private void route(HttpExchange exchange, RecordedRequest request) throws IOException {
        String path = request.path();
        if (path.startsWith("/api/echo")) {
            exchange.getResponseHeaders().add("X-Core-Header", "from-core");
            exchange.getResponseHeaders().add("Keep-Alive", "timeout=5");
            respond(exchange, 201, "application/json", "{\"echo\":true}");
            return;
        }
        if (path.equals("/api/auth/login") && request.method().equals("POST")) {
            ProgrammedAnswer refusal = programmedAnswers.get("POST /api/auth/login");
            if (refusal != null) {
                respond(exchange, refusal.status(), "application/problem+json", refusal.json());
                return;
            }
            login(exchange, request.text());
            return;
        }
        if (path.startsWith("/api/auth/sso")) {
            sso(exchange, request);
            return;
        }
        String token = bearerToken(request);
        if (token == null) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            problem(exchange, 401, "Unauthorized", null);
            return;
        }
        if (path.equals("/api/auth/password") && request.method().equals("POST")) {
            changePassword(exchange, request.text());
            return;
        }
        if (tokensNeedingPasswordChange.getOrDefault(token, false)) {
            problem(exchange, 403, "Password change required", null);
            return;
        }
        if (path.equals("/api/me")) {
            respond(exchange, 200, "application/json", "{\"username\":\"" + USERNAME + "\",\"roles\":["
                    + String.join(",", roles.stream().map(role -> "\"" + role + "\"").toList())
                    + "],\"passwordChangeRequired\":false,\"permissions\":" + permissionsJson()
                    + ",\"auditLog\":" + (roles.contains("SUPER_ADMIN") || roles.contains("ADMIN"))
                    + ",\"usersAndRoles\":" + roles.contains("SUPER_ADMIN") + "}");
            return;
        }
        if (!allowed(path)) {
            problem(exchange, 403, "Forbidden", "Not allowed");
            return;
        }
        ProgrammedAnswer programmed = programmedAnswers.get(request.method() + " " + path);
        if (programmed != null) {
            respond(exchange, programmed.status(),
                    programmed.status() >= 400 ? "application/problem+json" : "application/json", programmed.json());
            return;
        }
        if (path.equals("/api/settings/modules")) {
            respond(exchange, 200, "application/json", modules);
            return;
        }
        String canned = CANNED_ANSWERS.get(request.method() + " " + path);
        if (canned != null) {
            respond(exchange, canned.startsWith("{\"type\"") ? 400 : 200,
                    canned.startsWith("{\"type\"") ? "application/problem+json" : "application/json", canned);
            return;
        }
        problem(exchange, 404, "Not Found", null);
    }

    /** The strongest permission per area any of the roles grants, as core's {@code GET /api/me} tells it. */
    private String permissionsJson() {
        List<String> areas = List.of("SETTINGS", "CTE", "CTO", "CRE", "CLS");
        StringBuilder json = new StringBuilder("{");
        for (String area : areas) {
            String permission = "NONE";
            for (String role : roles) {
                String granted = ROLE_PERMISSIONS.getOrDefault(role, Map.of()).getOrDefault(area, "NONE");
                if (granted.equals("WRITE") || granted.equals("READ") && permission.equals("NONE")) {
                    permission = granted;
                }
            }
            json.append(json.length() > 1 ? "," : "").append('"').append(area).append("\":\"").append(permission)
                    .append('"');
        }
        return json.append('}').toString();
    }

    /** Core's access rules (docs/api.md, Access) for the built-in roles; custom roles get no settings here. */
    private boolean allowed(String path) {
        if (roles.contains("SUPER_ADMIN")) {
            return true;
        }
        if (path.startsWith("/api/users") || path.startsWith("/api/roles")) {
            return false;
        }
        if (path.startsWith("/api/audit")) {
            return roles.contains("ADMIN");
        }
        if (SETTINGS_AREA.stream().anyMatch(path::startsWith)) {
            return roles.stream().anyMatch(BUILT_IN_ROLES::contains) || roles.contains("SETTINGS_READER");
        }
        return true;
    }

    private void login(HttpExchange exchange, String body) throws IOException {
        Map<String, String> fields = jsonStrings(body);
        if (!USERNAME.equals(fields.get("username")) || !password.equals(fields.get("password"))) {
            problem(exchange, 401, "Unauthorized", "Invalid username or password");
            return;
        }
        String token = "token-" + (tokensNeedingPasswordChange.size() + 1);
        tokensNeedingPasswordChange.put(token, passwordChangeRequired);
        respond(exchange, 200, "application/json", "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":3600,\"password_change_required\":" + passwordChangeRequired + "}");
    }

    private void sso(HttpExchange exchange, RecordedRequest request) throws IOException {
        Map<String, String> fields = jsonStrings(request.text());
        if (request.path().equals("/api/auth/sso")) {
            respond(exchange, 200, "application/json", "{\"oidc\":" + ssoEnabled + ",\"saml\":" + samlEnabled + "}");
        }
        else if (request.path().startsWith("/api/auth/sso/saml")) {
            saml(exchange, request, fields);
        }
        else if (!ssoEnabled) {
            problem(exchange, 400, "Validation failed", "{\"sso\":\"single sign-on is not enabled\"}");
        }
        else if (request.path().equals("/api/auth/sso/oidc/authorize")) {
            respond(exchange, 200, "application/json", "{\"authorizationUri\":\"https://idp.example/authorize?state="
                    + fields.get("state") + "&code_challenge=" + fields.get("codeChallenge") + "\"}");
        }
        else if (SSO_GOOD_CODE.equals(fields.get("code")) && fields.get("codeVerifier") != null
                && fields.get("nonce") != null) {
            respond(exchange, 200, "application/json", "{\"access_token\":\"" + SSO_TOKEN
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"password_change_required\":false}");
        }
        else {
            problem(exchange, 401, "Unauthorized", "Single sign-on refused");
        }
    }

    private void saml(HttpExchange exchange, RecordedRequest request, Map<String, String> fields) throws IOException {
        if (request.path().equals("/api/auth/sso/saml/metadata")) {
            if (samlEnabled) {
                respond(exchange, 200, "application/samlmetadata+xml", SAML_METADATA);
            }
            else {
                problem(exchange, 404, "Not Found", null);
            }
        }
        else if (!samlEnabled) {
            problem(exchange, 400, "Validation failed", "{\"sso\":\"SAML single sign-on is not enabled\"}");
        }
        else if (request.path().equals("/api/auth/sso/saml/authorize")) {
            respond(exchange, 200, "application/json", "{\"redirectUrl\":\"" + samlIdpUrl + "?SAMLRequest=fZA&RelayState="
                    + fields.get("relayState") + "\"}");
        }
        else if (SAML_GOOD_RESPONSE.equals(fields.get("samlResponse")) && fields.get("relayState") != null) {
            respond(exchange, 200, "application/json", "{\"access_token\":\"" + SSO_TOKEN
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"password_change_required\":false}");
        }
        else {
            problem(exchange, 401, "Unauthorized", "Single sign-on refused");
        }
    }

    private void changePassword(HttpExchange exchange, String body) throws IOException {
        Map<String, String> fields = jsonStrings(body);
        String newPassword = fields.getOrDefault("newPassword", "");
        if (!password.equals(fields.get("currentPassword"))) {
            problem(exchange, 400, "Validation failed", "{\"currentPassword\":\"is not correct\"}");
            return;
        }
        if (newPassword.length() < 12) {
            problem(exchange, 400, "Validation failed", "{\"newPassword\":\"must be at least 12 characters\"}");
            return;
        }
        password = newPassword;
        passwordChangeRequired = false;
        exchange.sendResponseHeaders(204, -1);
    }

    private static String bearerToken(RecordedRequest request) {
        List<String> authorization = request.headers().get("Authorization");
        if (authorization == null || authorization.isEmpty() || !authorization.get(0).startsWith("Bearer ")) {
            return null;
        }
        return authorization.get(0).substring("Bearer ".length());
    }

    private static void problem(HttpExchange exchange, int status, String title, String errorsOrDetail)
            throws IOException {
        String extra = "";
        if (errorsOrDetail != null) {
            extra = errorsOrDetail.startsWith("{") ? ",\"detail\":\"Invalid fields\",\"errors\":" + errorsOrDetail
                    : ",\"detail\":\"" + errorsOrDetail + "\"";
        }
        respond(exchange, status, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + extra + "}");
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> jsonStrings(String json) {
        Map<String, String> fields = new ConcurrentHashMap<>();
        Matcher matcher = JSON_STRING.matcher(json);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        return fields;
    }

    private static Map<String, List<String>> copy(Headers headers) {
        Map<String, List<String>> copy = new ConcurrentHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }

    private record ProgrammedAnswer(int status, String json) {
    }

    /** One request core received; header names as the JDK server normalises them (first letter upper case). */
    public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
            byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> String.join(",", header.getValue())).findFirst().orElse(null);
        }
    }
}
