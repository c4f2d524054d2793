package io.cloudexchange.core.cte.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.junit.jupiter.api.Test;

class ListedValueTest {

    @Test
    void readsTheIdAndValueAndSkipsEverythingElse() {
        BsonDocument stored = new Document("active", true).append("_id", "URL:a.example/")
                .append("sources", new Document("feed", new Document("tags", List.of("x", "y"))))
                .append("value", "a.example/").append("severityRank", 3).toBsonDocument();

        assertThat(decode(stored)).isEqualTo(new ListedValue("URL:a.example/", "a.example/"));
    }

    @Test
    void aValueThatIsNotAStringIsNoValue() {
        BsonDocument stored = new Document("_id", "IP:1").append("value", 1).toBsonDocument();

        assertThat(decode(stored)).isEqualTo(new ListedValue("IP:1", null));
    }

    @Test
    void writesWhatItReads() {
        BsonDocument written = new BsonDocument();
        ListedValue.CODEC.encode(new BsonDocumentWriter(written), new ListedValue("DOMAIN:x", "x"),
                EncoderContext.builder().build());

        assertThat(decode(written)).isEqualTo(new ListedValue("DOMAIN:x", "x"));
    }

    private static ListedValue decode(BsonDocument document) {
        return ListedValue.CODEC.decode(new BsonDocumentReader(document), DecoderContext.builder().build());
    }
}
