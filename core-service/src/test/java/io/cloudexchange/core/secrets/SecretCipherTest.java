package io.cloudexchange.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    @TempDir
    Path dataDir;

    @Test
    void ciphertextsNameTheirKeyAndDecryptAfterARotation() {
        SecretCipher before = new SecretCipher(SecretKeyRing.load(dataDir));
        String oldId = before.ring().primaryId();
        String sealed = before.encrypt("tenant token");
        assertThat(sealed).startsWith("v2:" + oldId + ":").doesNotContain("tenant token");

        String newId = SecretKeyRing.rotate(dataDir);
        SecretCipher after = new SecretCipher(SecretKeyRing.load(dataDir));

        assertThat(newId).isNotEqualTo(oldId).isEqualTo(after.ring().primaryId());
        assertThat(after.ring().retiredIds()).containsExactly(oldId);
        assertThat(after.decrypt(sealed)).isEqualTo("tenant token");
        assertThat(after.needsReencryption(sealed)).isTrue();
        String resealed = after.encrypt("tenant token");
        assertThat(resealed).startsWith("v2:" + newId + ":");
        assertThat(after.needsReencryption(resealed)).isFalse();
        assertThat(Files.exists(dataDir.resolve(SecretKeyRing.RETIRED_KEYS_DIR).resolve(oldId + ".key"))).isTrue();
    }

    @Test
    void keyFilesAreOwnerOnly() throws Exception {
        SecretKeyRing.load(dataDir);
        String retired = SecretKeyRing.load(dataDir).primaryId();
        SecretKeyRing.rotate(dataDir);
        for (Path key : new Path[] {dataDir.resolve(SecretKeyRing.MASTER_KEY_FILE),
                dataDir.resolve(SecretKeyRing.RETIRED_KEYS_DIR).resolve(retired + ".key")}) {
            assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void legacyValuesWithoutKeyIdStillDecryptWithAnyKeyOfTheRing() throws Exception {
        byte[] old = Base64.getDecoder().decode(Files.readString(write(dataDir)).trim());
        String legacy = legacyEncrypt(new SecretKeySpec(old, "AES"), "proxy password");
        SecretKeyRing.rotate(dataDir);
        SecretCipher cipher = new SecretCipher(SecretKeyRing.load(dataDir));

        assertThat(cipher.decrypt(legacy)).isEqualTo("proxy password");
        assertThat(cipher.needsReencryption(legacy)).isTrue();
    }

    @Test
    void tamperedValuesAndUnknownKeysAreRefused() {
        SecretCipher cipher = new SecretCipher(SecretKeyRing.load(dataDir));
        String sealed = cipher.encrypt("secret");
        String tampered = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("AAA") ? "BBB" : "AAA");
        SecretCipher stranger = new SecretCipher(new SecretKeySpec(new byte[32], "AES"));

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong key or tampered");
        assertThatThrownBy(() -> stranger.decrypt(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("encrypted with key " + cipher.ring().primaryId());
        assertThatThrownBy(() -> cipher.decrypt("plain text")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Path write(Path dataDir) {
        SecretKeyRing.load(dataDir);
        return dataDir.resolve(SecretKeyRing.MASTER_KEY_FILE);
    }

    /** The format before key ids: {@code v1:<base64(iv || ciphertext+tag)>}. */
    static String legacyEncrypt(SecretKey key, String plaintext) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    }
}
