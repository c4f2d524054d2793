package io.cloudexchange.core.cte.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpooledListTest {

    private static final byte[] BODY = "https://a.example/\nevil.example\n10.0.0.1\n".repeat(1_000)
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aListLargerThanTheThresholdGoesToATemporaryFileWithTheSameBytesAndEtagAndTheFileIsDeletedOnClose()
            throws IOException {
        String inMemoryEtag;
        try (SpooledList small = new SpooledList(BODY.length)) {
            small.write(BODY, 0, BODY.length);
            assertThat(small.inMemory()).isTrue();
            assertThat(copy(small)).isEqualTo(BODY);
            inMemoryEtag = small.etag();
        }

        Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
        long filesBefore = edlFiles(tempDir);
        SpooledList large = new SpooledList(100);
        try (large) {
            for (int offset = 0; offset < BODY.length; offset += 7) {
                large.write(BODY, offset, Math.min(7, BODY.length - offset));
            }
            assertThat(large.inMemory()).isFalse();
            assertThat(edlFiles(tempDir)).isEqualTo(filesBefore + 1);
            assertThat(large.size()).isEqualTo(BODY.length);
            assertThat(copy(large)).isEqualTo(BODY);
            assertThat(large.etag()).isEqualTo(inMemoryEtag).startsWith("\"").endsWith("\"");
        }
        assertThat(edlFiles(tempDir)).isEqualTo(filesBefore);
    }

    private static byte[] copy(SpooledList list) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        list.copyTo(out);
        return out.toByteArray();
    }

    private static long edlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("ce-edl-")).count();
        }
    }
}
