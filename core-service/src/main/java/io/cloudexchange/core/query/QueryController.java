package io.cloudexchange.core.query;

import io.cloudexchange.core.api.InvalidRequestException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Checks a query without running it, for query boxes in the UI (any signed-in user). */
@RestController
@RequestMapping("/api/query")
class QueryController {

    private final Map<String, QueryFields> catalogs;
    private final Clock clock;

    QueryController(List<NamedQueryFields> catalogs, Clock clock) {
        this.catalogs = catalogs.stream().collect(Collectors.toMap(NamedQueryFields::name, NamedQueryFields::fields,
                (a, b) -> a, TreeMap::new));
        this.clock = clock;
    }

    record ValidateRequest(String query, String fields) {
    }

    record FieldView(String name, FieldType type, List<String> operators, List<String> values) {
    }

    /** The canonical form of a valid query; a 400 with {@code errors.query} (and its position) if not. */
    record ValidateResponse(boolean valid, String canonical) {
    }

    @PostMapping("/validate")
    ValidateResponse validate(@RequestBody ValidateRequest request) {
        if (request == null || request.query() == null) {
            throw InvalidRequestException.field("query", "is required");
        }
        try {
            QueryNode syntax = QueryParser.parse(request.query());
            if (request.fields() != null) {
                catalog(request.fields()).bind(request.query(), syntax, clock);
            }
            return new ValidateResponse(true, syntax.toString());
        } catch (QueryException e) {
            throw QueryErrors.invalidRequest("query", e);
        }
    }

    /** The fields a catalog offers, for filter builders. */
    @GetMapping("/fields")
    Map<String, List<FieldView>> fields() {
        Map<String, List<FieldView>> views = new TreeMap<>();
        catalogs.forEach((name, fields) -> views.put(name, fields.fields().stream()
                .map(f -> new FieldView(f.name(), f.type(), f.operators().stream().map(Operator::symbol).toList(),
                        List.copyOf(f.symbols().keySet())))
                .toList()));
        return views;
    }

    private QueryFields catalog(String name) {
        QueryFields fields = catalogs.get(name);
        if (fields == null) {
            throw InvalidRequestException.field("fields", "unknown field catalog '" + name + "'; known: "
                    + String.join(", ", catalogs.keySet()));
        }
        return fields;
    }
}
