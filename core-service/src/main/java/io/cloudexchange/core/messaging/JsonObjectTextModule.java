package io.cloudexchange.core.messaging;

import io.cloudexchange.plugin.api.json.JsonObjectText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Writes a plugin's {@link JsonObjectText} (a record's {@code raw} kept as the JSON the source sent) as its text,
 * instead of parsing it into a map to write that map: the pull then writes each record's fields without
 * touching them. Registered with the application's {@code JsonMapper} as a Jackson module bean.
 */
@Component
public final class JsonObjectTextModule extends SimpleModule {

    public JsonObjectTextModule() {
        super("cloudexchange-json-object-text");
        addSerializer(JsonObjectText.class, new Writer());
    }

    static final class Writer extends StdSerializer<JsonObjectText> {

        Writer() {
            super(JsonObjectText.class);
        }

        @Override
        public void serialize(JsonObjectText value, JsonGenerator generator, SerializationContext context) {
            if (generator instanceof TokenBuffer) {
                // convertValue and the like read the tokens back: they need the fields, not a raw value
                context.writeValue(generator, new LinkedHashMap<>(value));
            } else {
                generator.writeRawValue(new Utf8(value.utf8()));
            }
        }
    }

    /** UTF-8 bytes written as they are: the generator copies them into its buffer, or writes them on. */
    private record Utf8(byte[] bytes) implements SerializableString {

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (bytes.length > buffer.length - offset) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return bytes;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (bytes.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(bytes);
            return bytes.length;
        }

        @Override
        public String getValue() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            String value = getValue();
            if (value.length() > buffer.length - offset) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, offset);
            return value.length();
        }

        // raw text is never written quoted
        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw new UnsupportedOperationException();
        }
    }
}
