package io.cloudexchange.core.query;

import io.cloudexchange.core.query.QueryNode.Literal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fields one use of the query language allows (the IoC table, business rules, log shipper rules...):
 * a whitelist from query field name to storage path, type and operators. Binding a query against it
 * refuses unknown fields, operators a field does not allow and values of the wrong type, each with its
 * offset in the query.
 */
public final class QueryFields {

    private final Map<String, QueryField> fields;
    private final boolean open;

    private QueryFields(Map<String, QueryField> fields, boolean open) {
        this.fields = fields;
        this.open = open;
    }

    public static QueryFields of(QueryField... fields) {
        return of(List.of(fields));
    }

    public static QueryFields of(Collection<QueryField> fields) {
        Map<String, QueryField> byName = new LinkedHashMap<>();
        for (QueryField field : fields) {
            if (byName.putIfAbsent(field.name().toLowerCase(Locale.ROOT), field) != null) {
                throw new IllegalArgumentException("field declared twice: " + field.name());
            }
        }
        return new QueryFields(byName, false);
    }

    /**
     * A catalog that also accepts any other field name, read as {@link FieldType#ANY} at the path of the
     * same name: for records whose fields are not known in advance (log shipper rules).
     */
    public QueryFields orAnyField() {
        return new QueryFields(fields, true);
    }

    public Collection<QueryField> fields() {
        return fields.values();
    }

    public Optional<QueryField> field(String name) {
        return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Parses and binds; relative times ({@code now - 7d}) are resolved with {@code clock}, once. */
    public CompiledQuery compile(String text, Clock clock) {
        QueryNode syntax = QueryParser.parse(text);
        return new CompiledQuery(text, syntax, bind(text, syntax, clock));
    }

    public BoundQuery bind(String text, QueryNode node, Clock clock) {
        return new Binder(text, clock).bind(node);
    }

    private final class Binder {
        private final String text;
        private final Clock clock;

        Binder(String text, Clock clock) {
            this.text = text;
            this.clock = clock;
        }

        BoundQuery bind(QueryNode node) {
            if (node instanceof QueryNode.And and) {
                return new BoundQuery.AllOf(and.operands().stream().map(this::bind).toList());
            }
            if (node instanceof QueryNode.Or or) {
                return new BoundQuery.AnyOf(or.operands().stream().map(this::bind).toList());
            }
            if (node instanceof QueryNode.Not not) {
                return new BoundQuery.Not(bind(not.operand()));
            }
            return condition((QueryNode.Condition) node);
        }

        private BoundQuery condition(QueryNode.Condition condition) {
            QueryField field = resolve(condition);
            Operator operator = condition.operator();
            if (!field.operators().contains(operator)) {
                throw new QueryException("operator " + operator.symbol() + " is not allowed on field '" + field.name()
                        + "'; allowed: " + field.operators().stream().map(Operator::symbol)
                        .collect(Collectors.joining(", ")), text, condition.fieldOffset());
            }
            if (operator == Operator.REGEX || operator == Operator.CONTAINS) {
                Literal literal = condition.value();
                if (!(literal instanceof Literal.Text pattern)) {
                    throw error(literal, operator.symbol() + " takes a quoted string");
                }
                try {
                    return new BoundQuery.Test(field, operator, List.of(operator == Operator.REGEX
                            ? SafeRegex.check(pattern.value()) : SafeRegex.literal(pattern.value())));
                } catch (IllegalArgumentException e) {
                    throw error(literal, e.getMessage());
                }
            }
            List<Object> values = new ArrayList<>();
            for (Literal literal : condition.values()) {
                values.add(value(field, literal));
            }
            return new BoundQuery.Test(field, operator, values);
        }

        private QueryField resolve(QueryNode.Condition condition) {
            Optional<QueryField> known = field(condition.field());
            if (known.isPresent()) {
                return known.get();
            }
            if (open) {
                return QueryField.of(condition.field(), condition.field(), FieldType.ANY);
            }
            throw new QueryException("unknown field '" + condition.field() + "'; known fields: "
                    + fields.values().stream().map(QueryField::name).collect(Collectors.joining(", ")),
                    text, condition.fieldOffset());
        }

        private Object value(QueryField field, Literal literal) {
            if (!field.symbols().isEmpty()) {
                if (literal instanceof Literal.Text symbol) {
                    Object stored = field.symbols().get(symbol.value().toLowerCase(Locale.ROOT));
                    if (stored != null) {
                        return stored;
                    }
                }
                throw error(literal, "field '" + field.name() + "' takes one of: "
                        + field.symbols().keySet().stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ")));
            }
            switch (field.type()) {
                case STRING:
                    if (literal instanceof Literal.Text string) {
                        return string.value();
                    }
                    throw error(literal, "field '" + field.name() + "' is text; write the value in quotes");
                case NUMBER:
                    if (literal instanceof Literal.Number number) {
                        return number(number.value());
                    }
                    throw error(literal, "field '" + field.name() + "' is a number; expected a number");
                case BOOLEAN:
                    if (literal instanceof Literal.Bool bool) {
                        return bool.value();
                    }
                    throw error(literal, "field '" + field.name() + "' is a boolean; expected true or false");
                case DATETIME:
                    if (literal instanceof Literal.Now now) {
                        return now(now);
                    }
                    if (literal instanceof Literal.Text string) {
                        return dateTime(string);
                    }
                    throw error(literal, "field '" + field.name()
                            + "' is a date-time; expected an ISO-8601 string such as \"2024-05-01T00:00:00Z\" or now - 7d");
                default:
                    return any(literal);
            }
        }

        private Object any(Literal literal) {
            if (literal instanceof Literal.Text string) {
                return string.value();
            }
            if (literal instanceof Literal.Number number) {
                return number(number.value());
            }
            if (literal instanceof Literal.Bool bool) {
                return bool.value();
            }
            return now((Literal.Now) literal);
        }

        private Instant now(Literal.Now now) {
            return clock.instant().plus(now.shift()).truncatedTo(ChronoUnit.MILLIS);
        }

        private Instant dateTime(Literal.Text literal) {
            String value = literal.value().trim();
            try {
                if (value.length() == 10) {
                    return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                try {
                    return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS);
                } catch (DateTimeParseException e) {
                    return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
                }
            } catch (DateTimeParseException e) {
                throw error(literal, "invalid date-time \"" + value
                        + "\"; expected ISO-8601 such as \"2024-05-01\" or \"2024-05-01T12:00:00Z\"");
            }
        }

        private QueryException error(Literal literal, String reason) {
            return new QueryException(reason, text, literal.offset());
        }
    }

    static Object number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                && stripped.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
            return stripped.longValueExact();
        }
        return value.doubleValue();
    }
}
