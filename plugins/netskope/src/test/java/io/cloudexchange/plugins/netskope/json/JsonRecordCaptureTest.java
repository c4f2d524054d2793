package io.cloudexchange.plugins.netskope.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Export records read with their own JSON text, which must mean exactly the map read from them. */
class JsonRecordCaptureTest {

    private static final Set<String> IDS = Set.of("_id", "transaction_id", "policy_id");
    private static final String PAGE = "{\"ok\":1,\"result\":[ "
            + "{\"_id\":\"a1\",\"timestamp\":1700000000,\"transaction_id\":12199130753650368095,\"policy_id\":42,"
            + "\"url\":\"https://x.example/a\\\"b\\u00e9\\n\",\"user\":\"zo\u00eb@example.com\",\"neg\":-9223372036854775809,"
            + "\"ratio\":-2.5e3,\"nested\":{\"policy_id\":7,\"list\":[1,98765432109876543210,{\"x\":null}]},"
            + "\"flags\":[true,false],\"empty\":{},\"small\":9007199254740992},"
            + "{}, {\"_id\":\"a2\",\"policy_id\":[1,2],\"transaction_id\":5} ,"
            + "{\"_id\":\"a3\",\"policy_id\":1.5}"
            + "],\"wait_time\":0,\"timestamp_hwm\":1700000001}";

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 64, 100_000})
    void eachRecordsTextMeansWhatItsMapHolds(int bytesPerRead) throws IOException {
        Map<?, ?> page = (Map<?, ?>) JsonReader.parseRecords(trickle(PAGE, bytesPerRead), IDS);
        List<?> records = (List<?>) page.get("result");

        assertThat(page.get("wait_time")).isEqualTo(0L);
        assertThat(records).hasSize(4).allSatisfy(r -> assertThat(r).isInstanceOf(CapturedRecord.class));
        CapturedRecord first = (CapturedRecord) records.get(0);
        assertThat(first).containsEntry("transaction_id", "12199130753650368095").containsEntry("policy_id", "42")
                .containsEntry("timestamp", 1700000000L).containsEntry("neg", "-9223372036854775809")
                .containsEntry("small", 9007199254740992L);
        assertThat(((Map<?, ?>) first.get("nested")).get("policy_id")).isEqualTo(7L);
        for (Object record : records.subList(0, 3)) {
            CapturedRecord captured = (CapturedRecord) record;
            assertThat(captured.json()).isNotNull();
            String text = new String(captured.json(), StandardCharsets.UTF_8);
            assertThat(JsonReader.parseObject(text)).as(text).isEqualTo(captured);
            assertThat(JsonReader.parseRecord(captured.json(), IDS)).isEqualTo(captured);
        }
        assertThat(new String(first.json(), StandardCharsets.UTF_8)).contains("\"transaction_id\":\"12199130753650368095\"", "\"policy_id\":\"42\"",
                "98765432109876543210\"", "\"policy_id\":7", "\\u00e9\\n");
        assertThat((CapturedRecord) records.get(2)).containsEntry("transaction_id", "5")
                .containsEntry("policy_id", List.of(1L, 2L));
        assertThat(((CapturedRecord) records.get(3)).exact()).as("an id holding a fraction").isFalse();
        assertThat(records.subList(0, 3)).allSatisfy(r -> assertThat(((CapturedRecord) r).exact()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 100_000})
    void keptFieldsOnlyAreReadIntoTheMapAndTheTextIsTheSame(int bytesPerRead) throws IOException {
        List<?> whole = (List<?>) ((Map<?, ?>) JsonReader.parseRecords(trickle(PAGE, bytesPerRead), IDS)).get("result");
        List<?> kept = (List<?>) ((Map<?, ?>) JsonReader.parseRecords(trickle(PAGE, bytesPerRead), IDS,
                Set.of("_id", "user", "policy_id"))).get("result");

        assertThat(kept).hasSameSizeAs(whole);
        for (int i = 0; i < whole.size(); i++) {
            CapturedRecord all = (CapturedRecord) whole.get(i);
            CapturedRecord some = (CapturedRecord) kept.get(i);
            assertThat(some.json()).isEqualTo(all.json());
            assertThat(some.exact()).isEqualTo(all.exact());
            assertThat(some.keySet()).isSubsetOf(Set.of("_id", "user", "policy_id"));
            some.forEach((name, value) -> assertThat(all).containsEntry(name, value));
        }
        assertThat((CapturedRecord) kept.get(0)).containsOnlyKeys("_id", "user", "policy_id")
                .containsEntry("policy_id", "42").containsEntry("user", "zo\u00eb@example.com");
    }

    @org.junit.jupiter.api.Test
    void aSkippedValueIsStillChecked() {
        String broken = "{\"result\":[{\"_id\":\"a\",\"other\":{\"x\":[1,}]}]}";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonReader.parseRecords(trickle(broken, 100), IDS,
                Set.of("_id"))).isInstanceOf(JsonException.class);
    }

    /** A stream that hands out at most {@code n} bytes per read, so records straddle buffer refills. */
    private static InputStream trickle(String text, int n) {
        return new FilterInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, n));
            }
        };
    }
}
