package io.cloudexchange.core.cte;

import io.cloudexchange.core.api.InvalidRequestException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A business rule as the API receives it. */
record BusinessRuleRequest(String name, String folder, String filter, String exceptionQuery,
                           List<String> exceptionTags, Boolean muted) {

    static final int MAX_NAME = 128;
    static final int MAX_FOLDER_DEPTH = 3;

    /** Checks every field; queries are compiled so a syntax error is reported on its field. */
    void check(IndicatorFilter filters) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            errors.put("name", "1 to " + MAX_NAME + " characters");
        }
        String folderProblem = folderProblem(folder);
        if (folderProblem != null) {
            errors.put("folder", folderProblem);
        }
        if (exceptionTags != null && exceptionTags.stream().anyMatch(t -> t == null || t.isBlank())) {
            errors.put("exceptionTags", "tag names must not be empty");
        }
        checkQuery(filters, "filter", filter, errors);
        checkQuery(filters, "exceptionQuery", exceptionQuery, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, null);
        }
    }

    private static void checkQuery(IndicatorFilter filters, String field, String query, Map<String, String> errors) {
        try {
            filters.of(query, field);
        } catch (InvalidRequestException e) {
            errors.putAll(e.errors());
        }
    }

    static String folderProblem(String folder) {
        if (folder == null || folder.isBlank()) {
            return null;
        }
        String[] levels = folder.strip().split("/", -1);
        if (levels.length > MAX_FOLDER_DEPTH) {
            return "at most " + MAX_FOLDER_DEPTH + " levels, separated by '/'";
        }
        return Arrays.stream(levels).anyMatch(level -> level.isBlank() || level.length() > 64)
                ? "each level is 1 to 64 characters" : null;
    }

    static String normalisedFolder(String folder) {
        return folder == null ? "" : String.join("/", Arrays.stream(folder.strip().split("/")).map(String::strip)
                .filter(level -> !level.isEmpty()).toList());
    }
}
