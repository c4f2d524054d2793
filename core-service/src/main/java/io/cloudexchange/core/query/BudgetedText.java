package io.cloudexchange.core.query;

/**
 * Text for the in-memory regex matcher that stops a match after a number of character reads, so a
 * pattern that backtracks badly on one record costs a bounded time instead of stalling the pipeline.
 */
final class BudgetedText implements CharSequence {

    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super("regex step budget exceeded", null, false, false);
        }
    }

    private final String text;
    private final int[] remaining;
    private final int start;
    private final int end;

    BudgetedText(String text, int budget) {
        this(text, new int[] {budget}, 0, text.length());
    }

    private BudgetedText(String text, int[] remaining, int start, int end) {
        this.text = text;
        this.remaining = remaining;
        this.start = start;
        this.end = end;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        if (--remaining[0] < 0) {
            throw new BudgetExceeded();
        }
        return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new BudgetedText(text, remaining, start + from, start + to);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}
