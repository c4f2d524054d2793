package io.cloudexchange.core.cte.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListBodyTest {

    private static final List<ServedIndicators.IdRange> THREE_PARTS = List.of(new ServedIndicators.IdRange(null, "b"),
            new ServedIndicators.IdRange("b", "c"), new ServedIndicators.IdRange("c", null));
    private static final ListBody.PartWriter LINES = (range, out) -> {
        String from = range.from() == null ? "a" : range.from();
        for (int i = 0; i < 2_000; i++) {
            out.write(from + i + ".example\n");
        }
    };

    @Test
    void partsAreSentInTheirOrderWithTheEtagOfTheWholeBody() throws IOException {
        String whole;
        String wholeEtag;
        try (ListBody single = ListBody.read(List.of(ServedIndicators.IdRange.ALL), 1_000_000, (range, out) -> {
            for (ServedIndicators.IdRange part : THREE_PARTS) {
                LINES.write(part, out);
            }
        })) {
            whole = body(single);
            wholeEtag = single.etag();
        }

        try (ListBody parts = ListBody.read(THREE_PARTS, 1_000, LINES)) {
            assertThat(body(parts)).isEqualTo(whole).startsWith("a0.example\n").endsWith("c1999.example\n");
            assertThat(parts.size()).isEqualTo(whole.getBytes(StandardCharsets.UTF_8).length);
            assertThat(parts.etag()).as("same body, same ETag, however it was read").isEqualTo(wholeEtag);
        }
    }

    @Test
    void aPartThatFailsFailsTheListWithItsOwnError() {
        IllegalStateException storeDown = new IllegalStateException("store down");

        assertThatThrownBy(() -> ListBody.read(THREE_PARTS, 1_000, (range, out) -> {
            if ("b".equals(range.from())) {
                throw storeDown;
            }
            LINES.write(range, out);
        })).isSameAs(storeDown);
    }

    private static String body(ListBody list) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        list.copyTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
