package io.cloudexchange.core.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Authenticated encryption (AES-256-GCM) of secrets stored in MongoDB. Ciphertexts look like
 * {@code v2:<key id>:<base64(iv || ciphertext+tag)>}, encrypted with the primary key of the
 * {@link SecretKeyRing}; they decrypt with whichever key of the ring their id names, so secrets stay
 * readable while a rotation is rewriting them. {@code v1:<base64>} values (before key ids) are tried
 * with every key.
 */
public class SecretCipher {

    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeyRing ring;

    public SecretCipher(SecretKey key) {
        this(SecretKeyRing.of(key));
    }

    public SecretCipher(SecretKeyRing ring) {
        this.ring = ring;
    }

    /** Uses keys changed on disk (a rotation): new secrets are encrypted with the new primary key. */
    void use(SecretKeyRing newRing) {
        this.ring = newRing;
    }

    SecretKeyRing ring() {
        return ring;
    }

    public String encrypt(String plaintext) {
        SecretKeyRing current = ring;
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.primary(), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed);
            return V2 + current.primaryId() + ":" + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt secret", e);
        }
    }

    public String decrypt(String stored) {
        SecretKeyRing current = ring;
        if (stored != null && stored.startsWith(V2)) {
            int colon = stored.indexOf(':', V2.length());
            if (colon < 0) {
                throw new IllegalArgumentException("not an encrypted secret");
            }
            String keyId = stored.substring(V2.length(), colon);
            SecretKey key = current.key(keyId);
            if (key == null) {
                throw new IllegalStateException("cannot decrypt secret: it was encrypted with key " + keyId
                        + ", which is neither data/" + SecretKeyRing.MASTER_KEY_FILE + " nor under data/"
                        + SecretKeyRing.RETIRED_KEYS_DIR);
            }
            return decrypt(key, stored.substring(colon + 1));
        }
        if (stored != null && stored.startsWith(V1)) {
            String body = stored.substring(V1.length());
            for (SecretKey key : current.all().values()) {
                try {
                    return decrypt(key, body);
                } catch (WrongKeyException tryNext) {
                    // a v1 value carries no key id: try the next key
                }
            }
            throw new IllegalStateException("cannot decrypt secret: wrong key or tampered value");
        }
        throw new IllegalArgumentException("not an encrypted secret");
    }

    /** True for a value this cipher encrypted, under a key other than the primary one (or before key ids). */
    public boolean needsReencryption(String stored) {
        if (stored == null) {
            return false;
        }
        if (stored.startsWith(V1)) {
            return true;
        }
        return stored.startsWith(V2) && !stored.startsWith(V2 + ring.primaryId() + ":");
    }

    /** True for a value that looks like one of this cipher's ciphertexts. */
    public static boolean looksEncrypted(String value) {
        return value != null && (value.startsWith(V1) || value.startsWith(V2));
    }

    private static String decrypt(SecretKey key, String base64) {
        byte[] all;
        try {
            all = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encrypted secret");
        }
        if (all.length < IV_BYTES) {
            throw new IllegalArgumentException("not an encrypted secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new WrongKeyException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt secret", e);
        }
    }

    /** The tag did not authenticate: the wrong key, or a tampered value. */
    private static final class WrongKeyException extends IllegalStateException {
        WrongKeyException() {
            super("cannot decrypt secret: wrong key or tampered value");
        }
    }
}
