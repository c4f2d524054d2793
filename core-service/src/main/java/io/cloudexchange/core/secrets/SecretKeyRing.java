package io.cloudexchange.core.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of {@link SecretCipher}: the primary key ({@code data/secrets/master.key}) encrypts; retired keys
 * ({@code data/secrets/retired-keys/<id>.key}, left by {@link #rotate}) only decrypt, until
 * {@link SecretsKeyRotation} has rewritten every secret under the primary key and deletes them. A key's id is
 * derived from the key (first 8 bytes of its SHA-256, hex), so key files need no extra metadata.
 */
public final class SecretKeyRing {

    public static final String MASTER_KEY_FILE = "secrets/master.key";
    public static final String RETIRED_KEYS_DIR = "secrets/retired-keys";
    static final int KEY_BYTES = 32;
    private static final String KEY_SUFFIX = ".key";

    private final String primaryId;
    private final Map<String, SecretKey> keys;

    SecretKeyRing(SecretKey primary, Map<String, SecretKey> retired) {
        this.primaryId = keyId(primary.getEncoded());
        Map<String, SecretKey> all = new LinkedHashMap<>();
        all.put(primaryId, primary);
        retired.forEach(all::putIfAbsent);
        this.keys = Collections.unmodifiableMap(all);
    }

    public static SecretKeyRing of(SecretKey primary) {
        return new SecretKeyRing(primary, Map.of());
    }

    /** The primary key (created if missing) and every retired key still kept under {@code dataDir}. */
    public static SecretKeyRing load(Path dataDir) {
        SecretKey primary = aes(KeyFiles.readOrCreate(dataDir.resolve(MASTER_KEY_FILE), KEY_BYTES));
        Map<String, SecretKey> retired = new LinkedHashMap<>();
        for (Path file : retiredKeyFiles(dataDir)) {
            SecretKey key = aes(KeyFiles.readOrCreate(file, KEY_BYTES));
            retired.put(keyId(key.getEncoded()), key);
        }
        return new SecretKeyRing(primary, retired);
    }

    /**
     * Retires the primary key and makes a new one; answers the new key's id. The old key is copied to
     * {@code retired-keys} before {@code master.key} is replaced (each file written atomically), so an
     * interruption at any point leaves every existing secret decryptable, and running it again is safe.
     */
    public static String rotate(Path dataDir) {
        Path master = dataDir.resolve(MASTER_KEY_FILE);
        byte[] current = KeyFiles.readOrCreate(master, KEY_BYTES);
        KeyFiles.write(dataDir.resolve(RETIRED_KEYS_DIR).resolve(keyId(current) + KEY_SUFFIX), current);
        byte[] next = KeyFiles.random(KEY_BYTES);
        KeyFiles.write(master, next);
        return keyId(next);
    }

    /** Deletes the retired key files: only once no stored secret needs them. */
    static void deleteRetired(Path dataDir, SecretKeyRing ring) {
        for (Path file : retiredKeyFiles(dataDir)) {
            String name = file.getFileName().toString();
            String id = name.substring(0, name.length() - KEY_SUFFIX.length());
            if (ring.retiredIds().contains(id) || id.equals(ring.primaryId())) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete retired key " + file, e);
                }
            }
        }
    }

    public String primaryId() {
        return primaryId;
    }

    SecretKey primary() {
        return keys.get(primaryId);
    }

    SecretKey key(String id) {
        return keys.get(id);
    }

    /** Every key, primary first. */
    Map<String, SecretKey> all() {
        return keys;
    }

    public List<String> retiredIds() {
        return keys.keySet().stream().filter(id -> !id.equals(primaryId)).toList();
    }

    static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKey aes(byte[] key) {
        return new SecretKeySpec(key, "AES");
    }

    private static List<Path> retiredKeyFiles(Path dataDir) {
        Path dir = dataDir.resolve(RETIRED_KEYS_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + KEY_SUFFIX)) {
            List<Path> list = new java.util.ArrayList<>();
            files.forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
