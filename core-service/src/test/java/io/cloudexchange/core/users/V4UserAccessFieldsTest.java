package io.cloudexchange.core.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class V4UserAccessFieldsTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "cloudexchange");

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void usersStoredBeforeRolesExistedLoadAgainAfterTheMigration() {
        mongo.getCollection("users").insertOne(new Document("username", "admin")
                .append("passwordHash", "{bcrypt}x").append("roles", List.of("SUPER_ADMIN"))
                .append("mustChangePassword", false).append("failedLogins", 0).append("createdAt", new Date()));
        assertThatThrownBy(() -> mongo.findAll(User.class)).rootCause().hasMessageContaining("disabled");

        new V4UserAccessFields().apply(mongo);

        User admin = mongo.findAll(User.class).get(0);
        assertThat(admin.disabled()).isFalse();
        assertThat(admin.previousPasswordHashes()).isEmpty();
        assertThat(admin.isSuperAdmin()).isTrue();
    }
}
