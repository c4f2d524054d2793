package io.cloudexchange.core.cte.lists;

import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

/**
 * An indicator's {@code _id} and {@code value}: all a served list needs of it. {@link #CODEC} reads the two from the
 * driver's reply and skips any other field, without building a document.
 */
record ListedValue(String id, String value) {

    static final Codec<ListedValue> CODEC = new Codec<>() {
        @Override
        public ListedValue decode(BsonReader reader, DecoderContext context) {
            String id = null;
            String value = null;
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                String name = reader.readName();
                if (reader.getCurrentBsonType() == BsonType.STRING && name.equals("_id")) {
                    id = reader.readString();
                } else if (reader.getCurrentBsonType() == BsonType.STRING && name.equals("value")) {
                    value = reader.readString();
                } else {
                    reader.skipValue();
                }
            }
            reader.readEndDocument();
            return new ListedValue(id, value);
        }

        @Override
        public void encode(BsonWriter writer, ListedValue listed, EncoderContext context) {
            writer.writeStartDocument();
            if (listed.id() != null) {
                writer.writeString("_id", listed.id());
            }
            if (listed.value() != null) {
                writer.writeString("value", listed.value());
            }
            writer.writeEndDocument();
        }

        @Override
        public Class<ListedValue> getEncoderClass() {
            return ListedValue.class;
        }
    };
}
