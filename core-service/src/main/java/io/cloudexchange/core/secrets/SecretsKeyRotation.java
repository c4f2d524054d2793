package io.cloudexchange.core.secrets;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.core.logging.PlatformLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Finishes a key rotation started by {@code AdminCli rotate-secrets-key}: at every start (and when called), reloads
 * the key files, rewrites every stored secret that is not under the primary key, and deletes the retired keys once
 * a full pass finds none left. Interrupted, it simply continues at the next start: every secret stays readable
 * because its key is kept until then. Each value is replaced only if it is still the one read (a concurrent save
 * wins), and values are found by their ciphertext prefix anywhere in the documents of {@link #COLLECTIONS}, so
 * new secret fields need no change here; a feature that stores secrets in another collection adds it there.
 */
@Service
public class SecretsKeyRotation {

    /** Collections holding {@link SecretCipher} values: tenant tokens, plugin secrets, the proxy password. */
    public static final List<String> COLLECTIONS = List.of("tenants", "plugin_configurations", "settings", "sso_settings");

    private static final Logger log = LoggerFactory.getLogger(SecretsKeyRotation.class);

    private final MongoTemplate mongo;
    private final SecretCipher cipher;
    private final Path dataDir;
    private final PlatformLog platformLog;

    SecretsKeyRotation(MongoTemplate mongo, SecretCipher cipher, CloudExchangeProperties properties, PlatformLog platformLog) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.dataDir = properties.dataDir();
        this.platformLog = platformLog;
    }

    /** @param rewritten values now under the primary key; @param remaining values still under a retired key */
    public record Outcome(int rewritten, int remaining, int unreadable, boolean retiredKeysDeleted) {
    }

    private record Found(Object id, String path, String value) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeAtStart() {
        try {
            resume();
        } catch (RuntimeException e) {
            log.error("Secrets key rotation could not finish; it continues at the next start", e);
        }
    }

    public synchronized Outcome resume() {
        SecretKeyRing ring = SecretKeyRing.load(dataDir);
        cipher.use(ring);
        int rewritten = 0;
        int unreadable = 0;
        for (String name : COLLECTIONS) {
            MongoCollection<Document> collection = mongo.getCollection(name);
            for (Found found : stale(collection)) {
                String plaintext;
                try {
                    plaintext = cipher.decrypt(found.value());
                } catch (RuntimeException e) {
                    unreadable++;
                    log.error("Secret {}.{} of document {} cannot be decrypted with any key: {}", name, found.path(),
                            found.id(), e.getMessage());
                    continue;
                }
                long modified = collection.updateOne(
                        Filters.and(Filters.eq("_id", found.id()), Filters.eq(found.path(), found.value())),
                        Updates.set(found.path(), cipher.encrypt(plaintext))).getModifiedCount();
                rewritten += (int) modified;
            }
        }
        int remaining = 0;
        for (String name : COLLECTIONS) {
            remaining += stale(mongo.getCollection(name)).size();
        }
        boolean deleted = false;
        if (remaining - unreadable <= 0 && !ring.retiredIds().isEmpty()) {
            SecretKeyRing.deleteRetired(dataDir, ring);
            cipher.use(SecretKeyRing.load(dataDir));
            deleted = true;
            platformLog.info(PlatformLog.PLATFORM_SOURCE, "Secrets key rotation finished: " + rewritten
                    + " secrets now under key " + ring.primaryId() + "; retired keys " + ring.retiredIds() + " deleted");
        } else if (rewritten > 0 || remaining > 0) {
            platformLog.warn(PlatformLog.PLATFORM_SOURCE, null, "Secrets key rotation: " + rewritten + " rewritten, "
                    + remaining + " still under a retired key; it continues at the next start");
        }
        return new Outcome(rewritten, remaining, unreadable, deleted);
    }

    private List<Found> stale(MongoCollection<Document> collection) {
        List<Found> found = new ArrayList<>();
        for (Document document : collection.find()) {
            collect(document.get("_id"), "", document, found);
        }
        return found;
    }

    private void collect(Object id, String path, Object value, List<Found> found) {
        if (value instanceof String text && cipher.needsReencryption(text) && !path.isEmpty()) {
            found.add(new Found(id, path, text));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                String name = String.valueOf(key);
                if (!name.contains(".") && !name.startsWith("$") && !(path.isEmpty() && name.equals("_id"))) {
                    collect(id, path.isEmpty() ? name : path + "." + name, child, found);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(id, path + "." + i, list.get(i), found);
            }
        }
    }
}
