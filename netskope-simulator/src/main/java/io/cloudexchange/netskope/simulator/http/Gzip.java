package io.cloudexchange.netskope.simulator.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip {@code Content-Encoding} at the fastest level: the simulator favours throughput over size. */
public final class Gzip {

    private Gzip() {
    }

    public static byte[] compress(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 6 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 65536) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(body);
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return bytes.toByteArray();
    }

    /** The text's UTF-8, compressed, without a copy of the whole text as a String or bytes. */
    public static byte[] compress(CharSequence text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 6 + 64);
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes, 65536) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }, StandardCharsets.UTF_8)) {
            char[] chunk = new char[8192];
            for (int from = 0; from < text.length(); from += chunk.length) {
                int to = Math.min(text.length(), from + chunk.length);
                for (int i = from; i < to; i++) {
                    chunk[i - from] = text.charAt(i);
                }
                out.write(chunk, 0, to - from);
            }
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
