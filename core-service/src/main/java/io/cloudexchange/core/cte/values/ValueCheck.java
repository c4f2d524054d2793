package io.cloudexchange.core.cte.values;

/**
 * The outcome of checking one indicator value: its canonical form, or why it was refused. Never an
 * exception, so a batch keeps its good values.
 */
public record ValueCheck(String value, String problem) {

    public static ValueCheck valid(String value) {
        return new ValueCheck(value, null);
    }

    public static ValueCheck invalid(String problem) {
        return new ValueCheck(null, problem);
    }

    public boolean isValid() {
        return problem == null;
    }
}
