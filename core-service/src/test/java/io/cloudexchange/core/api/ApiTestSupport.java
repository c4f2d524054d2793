package io.cloudexchange.core.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.pull.PullScheduler;
import io.cloudexchange.core.runtime.PluginContexts;
import io.cloudexchange.core.security.PasswordHashing;
import io.cloudexchange.core.users.Role;
import io.cloudexchange.core.users.User;
import io.cloudexchange.core.users.UserRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared setup of API tests: one Spring context per JVM on an in-memory MongoDB-wire server,
 * a temporary data directory, the embedded AMQP broker in memory, the pull scheduler and plugin runtime mocked, the
 * plugin registry spied on (real unless a test stubs it), and
 * an admin user ({@link #ADMIN}/{@link #ADMIN_PASSWORD}) created fresh before every test.
 */
@SpringBootTest(properties = {
        "spring.data.mongodb.auto-index-creation=true",
        "cloudexchange.embedded.in-memory=true",
        "cloudexchange.embedded.amqp-port=0"
})
@AutoConfigureMockMvc
public abstract class ApiTestSupport {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "correct horse battery";
    private static final String ADMIN_HASH = PasswordHashing.encoder().encode(ADMIN_PASSWORD);
    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final String MONGO_URI = MONGO.bindAndGetConnectionString() + "/cloudexchange";
    protected static final Path DATA_DIR = createDataDir();

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected UserRepository users;
    /** The scheduler is mocked as a whole so no pull runs while API tests change configurations. */
    @MockitoBean
    protected PullScheduler pullControl;
    @MockitoBean
    protected PluginContexts pluginContexts;
    @MockitoSpyBean
    protected PluginRegistry pluginRegistry;

    @DynamicPropertySource
    static void pointAtTestServers(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
        registry.add("cloudexchange.mongodb.uri", () -> MONGO_URI);
        registry.add("cloudexchange.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void resetDatabase() {
        for (String collection : mongo.getCollectionNames()) {
            mongo.getCollection(collection).deleteMany(new Document());
        }
        users.save(User.create(ADMIN, ADMIN_HASH, Set.of(Role.SUPER_ADMIN.name()), false, Instant.now()));
    }

    private String adminToken;

    /** A bearer token of the admin, obtained through the login endpoint once per test. */
    protected String adminToken() throws Exception {
        if (adminToken == null) {
            adminToken = login(ADMIN, ADMIN_PASSWORD);
        }
        return adminToken;
    }

    protected String login(String username, String password) throws Exception {
        String body = mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("username", username, "password", password))))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).path("access_token").asString();
    }

    protected <B extends AbstractMockHttpServletRequestBuilder<B>> B asAdmin(B request) throws Exception {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken());
    }

    protected <B extends AbstractMockHttpServletRequestBuilder<B>> B withJson(B request, Object body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    protected JsonNode readJson(String body) {
        return json.readTree(body);
    }

    private static Path createDataDir() {
        try {
            Path dir = Files.createTempDirectory("cloudexchange-api-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
