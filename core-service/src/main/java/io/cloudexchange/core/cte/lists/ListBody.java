package io.cloudexchange.core.cte.lists;

import io.cloudexchange.core.concurrent.Futures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A served list's body, prepared before it is sent: its parts (one per {@code _id} range of the indicators) are read
 * two at a time, each into a {@link SpooledList} of its own, then sent in order. The ETag is the digest of the whole
 * body, the same whatever the number of parts.
 */
final class ListBody implements AutoCloseable {

    /** What writes one part: its range's lines, to the writer given. */
    interface PartWriter {
        void write(ServedIndicators.IdRange range, Writer out) throws IOException;
    }

    private static final ExecutorService HELPERS = Futures.helpers("served-list-", 1);

    private final List<SpooledList> parts = new ArrayList<>();

    private ListBody() {
    }

    /** The body of these ranges, in their order; memory beyond {@code inMemoryUpTo} per part goes to a file. */
    static ListBody read(List<ServedIndicators.IdRange> ranges, int inMemoryUpTo, PartWriter writer) throws IOException {
        ListBody body = new ListBody();
        try {
            List<Future<SpooledList>> reading = new ArrayList<>(ranges.size());
            for (ServedIndicators.IdRange range : ranges) {
                // When the helper is busy, this thread reads the range itself: at most two ranges are read at once.
                reading.add(HELPERS.submit(() -> part(range, inMemoryUpTo, writer)));
            }
            RuntimeException failure = null;
            for (Future<SpooledList> part : reading) {
                try {
                    body.parts.add(Futures.result(part, "reading a list"));
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return body;
        } catch (RuntimeException e) {
            body.close();
            throw e;
        }
    }

    private static SpooledList part(ServedIndicators.IdRange range, int inMemoryUpTo, PartWriter writer) {
        SpooledList part = new SpooledList(inMemoryUpTo);
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(part, StandardCharsets.UTF_8), 64 * 1024);
            writer.write(range, out);
            out.flush();
            return part;
        } catch (IOException | RuntimeException e) {
            closeQuietly(part);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    String etag() throws IOException {
        if (parts.size() == 1) {
            return parts.get(0).etag();
        }
        MessageDigest digest = SpooledList.newDigest();
        try (OutputStream digesting = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            copyTo(digesting);
        }
        return SpooledList.etag(digest);
    }

    long size() {
        return parts.stream().mapToLong(SpooledList::size).sum();
    }

    void copyTo(OutputStream out) throws IOException {
        for (SpooledList part : parts) {
            part.copyTo(out);
        }
    }

    @Override
    public void close() {
        parts.forEach(ListBody::closeQuietly);
    }

    private static void closeQuietly(SpooledList part) {
        try {
            part.close();
        } catch (IOException ignored) {
            // a temporary file left behind is removed by the system's cleanup
        }
    }
}
