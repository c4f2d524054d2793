package io.cloudexchange.core.cte.lists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A list's body, written once while its digest is taken: held in memory up to a threshold, in a temporary file
 * beyond. The ETag is known when the body is complete, so one read of the indicators answers both the ETag and the
 * body (a 304 discards it). Closing deletes the file.
 */
final class SpooledList extends OutputStream implements AutoCloseable {

    private final MessageDigest digest = sha256();
    private final int memoryThreshold;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(8 * 1024);
    private Path file;
    private OutputStream fileOut;
    private long size;

    SpooledList(int memoryThreshold) {
        this.memoryThreshold = memoryThreshold;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        digest.update(bytes, offset, length);
        size += length;
        if (memory != null && size > memoryThreshold) {
            file = Files.createTempFile("ce-edl-", ".txt");
            fileOut = Files.newOutputStream(file);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (memory != null) {
            memory.write(bytes, offset, length);
        } else {
            fileOut.write(bytes, offset, length);
        }
    }

    /** A strong ETag: a digest of the whole body. */
    String etag() {
        return etag(digest);
    }

    /** The ETag of a body whose every byte went through {@code digest}. */
    static String etag(MessageDigest digest) {
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest.digest(), 18)) + "\"";
    }

    static MessageDigest newDigest() {
        return sha256();
    }

    long size() {
        return size;
    }

    boolean inMemory() {
        return memory != null;
    }

    void copyTo(OutputStream out) throws IOException {
        if (memory != null) {
            memory.writeTo(out);
            return;
        }
        fileOut.close();
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
        }
    }

    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
            Files.deleteIfExists(file);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
