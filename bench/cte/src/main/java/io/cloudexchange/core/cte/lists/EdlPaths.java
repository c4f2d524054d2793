package io.cloudexchange.core.cte.lists;

import io.cloudexchange.core.migrations.IndexCreator;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The EDL endpoint, {@code GET /api/edl/indicators[/type]}, called on the product's own controller with a
 * response body that goes to a stream instead of a socket (this class sits in the package only to reach the
 * package-private controller).
 */
public final class EdlPaths {

    /** What one request answered. */
    public record Served(int status, String etag, long bytes) {
    }

    private final EdlController controller;
    private final MongoTemplate mongo;

    public EdlPaths(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        // No business rules: the benchmark serves the plain lists, never a rule's (/api/edl/rules/...).
        this.controller = new EdlController(new ServedIndicators(mongo, clock), null);
    }

    /** Serves the list of {@code type} (null: every type) into {@code body}; {@code ifNoneMatch} may be null. */
    public Served serve(String type, String ifNoneMatch, OutputStream body) throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/edl/indicators");
        if (ifNoneMatch != null) {
            request.addHeader("If-None-Match", ifNoneMatch);
        }
        MockHttpServletResponse mock = new MockHttpServletResponse();
        StreamedResponse response = new StreamedResponse(mock, body);
        if (type == null) {
            controller.all(null, request, response);
        } else {
            controller.ofType(type, null, request, response);
        }
        return new Served(mock.getStatus(), mock.getHeader("ETag"), response.stream.bytes);
    }

    /** The V30 migration's indexes (the embedded server keeps only unique ones and skips the rest). */
    public void createIndexes(boolean embedded) {
        new V30ListIndexes(new IndexCreator(embedded)).apply(mongo);
    }

    private static final class StreamedResponse extends HttpServletResponseWrapper {
        private final CountingStream stream;

        StreamedResponse(MockHttpServletResponse response, OutputStream body) {
            super(response);
            this.stream = new CountingStream(body);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }
    }

    private static final class CountingStream extends ServletOutputStream {
        private final OutputStream target;
        private long bytes;

        CountingStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            bytes += len;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
