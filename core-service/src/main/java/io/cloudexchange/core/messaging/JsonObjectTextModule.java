package io.cloudexchange.core.messaging;

import io.cloudexchange.plugin.api.json.JsonObjectText;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
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
                generator.writeRawValue(value.json());
            }
        }
    }
}
