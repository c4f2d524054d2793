package io.cloudexchange.netskope.simulator.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip {@code Content-Encoding} at the fastest level: the simulator favours throughput over size. */
public final class Gzip {

    private Gzip() {
    }

    public static byte[] compress(byte[] body) {
        return compress(body, body.length);
    }

    public static byte[] compress(byte[] body, int length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(length / 6 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 65536) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(body, 0, length);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return bytes.toByteArray();
    }

    public static byte[] decompress(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 65536)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
