package io.cloudexchange.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.cli.AdminCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rotation against the embedded MongoDB-wire store: secrets of tenants, plugin configurations and the proxy setting
 * are rewritten under the new key, including after an interrupted rotation and legacy values without key id.
 */
class SecretsKeyRotationApiTest extends ApiTestSupport {

    @Autowired
    private SecretCipher cipher;
    @Autowired
    private SecretsKeyRotation rotation;

    private String rotateWithCli() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AdminCli.run(new String[] {"rotate-secrets-key", "--data-dir", DATA_DIR.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(code).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("new secrets key: ");
        return printed.lines().findFirst().orElseThrow().substring("new secrets key: ".length());
    }

    @Test
    void rotationRewritesEverySecretAndThenForgetsTheOldKeys() throws Exception {
        String originalKey = cipher.ring().primaryId();
        byte[] originalKeyBytes = Base64.getDecoder().decode(
                Files.readString(DATA_DIR.resolve(SecretKeyRing.MASTER_KEY_FILE)).trim());
        mongo.getCollection("tenants").insertOne(new Document("_id", "t1").append("name", "Acme")
                .append("encryptedV2Token", cipher.encrypt("v2-token")).append("encryptedV1Token", null));
        mongo.getCollection("plugin_configurations").insertOne(new Document("_id", "c1").append("name", "Feed")
                .append("parameters", new Document("url", "https://feed.example"))
                .append("secrets", new Document("api_key", cipher.encrypt("api-key")).append("password",
                        SecretCipherTest.legacyEncrypt(new SecretKeySpec(originalKeyBytes, "AES"), "legacy-password"))));
        mongo.getCollection("settings").insertOne(new Document("_id", "platform")
                .append("proxy", new Document("url", "http://proxy:3128").append("username", "u")
                        .append("encryptedPassword", cipher.encrypt("proxy-password"))));

        String interruptedKey = rotateWithCli();
        // The core stopped after rewriting one secret, before the rest (simulated), ...
        SecretCipher partial = new SecretCipher(SecretKeyRing.load(DATA_DIR));
        String tenantSecret = mongo.getCollection("tenants").find().first().getString("encryptedV2Token");
        mongo.getCollection("tenants").updateOne(new Document("_id", "t1"),
                new Document("$set", new Document("encryptedV2Token", partial.encrypt(partial.decrypt(tenantSecret)))));
        // ... and the admin ran the command again.
        String newKey = rotateWithCli();
        assertThat(SecretKeyRing.load(DATA_DIR).retiredIds()).containsExactlyInAnyOrder(originalKey, interruptedKey);

        SecretsKeyRotation.Outcome outcome = rotation.resume();

        assertThat(outcome.rewritten()).isEqualTo(4);
        assertThat(outcome.remaining()).isZero();
        assertThat(outcome.retiredKeysDeleted()).isTrue();
        assertThat(cipher.ring().primaryId()).isEqualTo(newKey);
        assertThat(cipher.ring().retiredIds()).isEmpty();
        try (var retired = Files.list(DATA_DIR.resolve(SecretKeyRing.RETIRED_KEYS_DIR))) {
            assertThat(retired.filter(file -> file.toString().endsWith(".key"))).isEmpty();
        }
        Document tenant = mongo.getCollection("tenants").find().first();
        Document configuration = mongo.getCollection("plugin_configurations").find().first();
        Document settings = mongo.getCollection("settings").find().first();
        List<String> stored = List.of(tenant.getString("encryptedV2Token"),
                configuration.get("secrets", Document.class).getString("api_key"),
                configuration.get("secrets", Document.class).getString("password"),
                settings.get("proxy", Document.class).getString("encryptedPassword"));
        assertThat(stored).allSatisfy(value -> assertThat(value).startsWith("v2:" + newKey + ":"));
        assertThat(stored.stream().map(cipher::decrypt).toList())
                .containsExactly("v2-token", "api-key", "legacy-password", "proxy-password");
        assertThat(tenant.get("encryptedV1Token")).isNull();
        assertThat(configuration.get("parameters", Document.class).getString("url")).isEqualTo("https://feed.example");

        mvc.perform(asAdmin(get("/api/settings/proxy")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passwordSet").value(true));
        assertThat(rotation.resume()).isEqualTo(new SecretsKeyRotation.Outcome(0, 0, 0, false));
    }

    @Test
    void secretsStayReadableBeforeTheCoreRewritesThem() {
        String sealed = cipher.encrypt("still readable");
        mongo.getCollection("tenants").insertOne(new Document("_id", "t2").append("encryptedV2Token", sealed));

        rotateWithCli();

        assertThat(new SecretCipher(SecretKeyRing.load(DATA_DIR)).decrypt(sealed)).isEqualTo("still readable");
        assertThat(cipher.decrypt(sealed)).as("the running core, before its restart").isEqualTo("still readable");
        rotation.resume();
        assertThat(cipher.decrypt(mongo.getCollection("tenants").find().first().getString("encryptedV2Token")))
                .isEqualTo("still readable");
    }
}
