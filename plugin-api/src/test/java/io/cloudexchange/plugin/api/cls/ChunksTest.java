package io.cloudexchange.plugin.api.cls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.log.LogType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksTest {

    private static Chunks.Encoded encoded(String id, int bytes) {
        return new Chunks.Encoded(new MappedLog(id, new LogStream(LogType.EVENT, "page"), LogFormat.JSON, "{}"),
                new byte[bytes]);
    }

    @Test
    void groupsStayWithinTheLimitWithTheirOverheadAndKeepTheOrder() {
        List<Chunks.Encoded> items = List.of(encoded("a", 40), encoded("b", 40), encoded("c", 40), encoded("d", 10));
        List<Chunks.Encoded> tooLarge = new ArrayList<>();

        // each group: 2 bytes fixed ("[]") + per record its bytes and 1 byte separator, at most 100
        List<List<Chunks.Encoded>> chunks = Chunks.split(items, 100, 1, 2, tooLarge);

        assertThat(chunks).hasSize(2);
        assertThat(Chunks.logs(chunks.get(0))).extracting(MappedLog::id).containsExactly("a", "b");
        assertThat(Chunks.logs(chunks.get(1))).extracting(MappedLog::id).containsExactly("c", "d");
        assertThat(tooLarge).isEmpty();
    }

    @Test
    void aRecordTooLargeOnItsOwnIsSetAsideNotDropped() {
        List<Chunks.Encoded> tooLarge = new ArrayList<>();

        List<List<Chunks.Encoded>> chunks = Chunks.split(List.of(encoded("a", 10), encoded("huge", 500)), 100, 1, 2,
                tooLarge);

        assertThat(chunks).singleElement().satisfies(chunk -> assertThat(Chunks.logs(chunk)).extracting(MappedLog::id)
                .containsExactly("a"));
        assertThat(tooLarge).extracting(item -> item.log().id()).containsExactly("huge");
    }
}
