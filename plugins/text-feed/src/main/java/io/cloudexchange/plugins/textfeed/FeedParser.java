package io.cloudexchange.plugins.textfeed;

import io.cloudexchange.plugin.api.RejectedItem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the values of a feed: one per line (the first word of the line), or one column of a CSV file
 * (RFC 4180 quoting within a line; a quoted field cannot span lines). Blank lines and lines starting
 * with {@code #} are skipped.
 */
final class FeedParser {

    /** The values in feed order and the lines that had none. */
    record Parsed(List<String> values, List<RejectedItem> rejected) {
    }

    private final FeedSettings settings;

    FeedParser(FeedSettings settings) {
        this.settings = settings;
    }

    Parsed parse(String body) {
        List<String> values = new ArrayList<>();
        List<RejectedItem> rejected = new ArrayList<>();
        int column = -1;
        boolean header = settings.csv() && !settings.csvColumn().matches("\\d+");
        try (BufferedReader reader = new BufferedReader(new StringReader(body))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (!settings.csv()) {
                    values.add(trimmed.split("\\s+", 2)[0]);
                    continue;
                }
                List<String> fields = csvFields(line);
                if (header) {
                    column = headerIndex(fields);
                    if (column < 0) {
                        throw new MissingColumnException(settings.csvColumn(), fields);
                    }
                    header = false;
                    continue;
                }
                int index = column >= 0 ? column : Integer.parseInt(settings.csvColumn()) - 1;
                String value = index < fields.size() ? fields.get(index).strip() : "";
                if (value.isEmpty()) {
                    rejected.add(new RejectedItem("line " + number, "no value in column " + settings.csvColumn()));
                } else {
                    values.add(value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(values, rejected);
    }

    private int headerIndex(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).strip().toLowerCase(Locale.ROOT).equals(settings.csvColumn().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** The CSV header has no column of the configured name. */
    static final class MissingColumnException extends IllegalArgumentException {
        MissingColumnException(String column, List<String> header) {
            super("The CSV header has no column '" + column + "' (columns: " + String.join(", ", header) + ")");
        }
    }
}
