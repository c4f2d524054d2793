package io.cloudexchange.gateway.core;

import java.math.BigDecimal;

/** Turns a number typed into a form into a JSON number for core-service. */
public final class FormNumbers {

    private FormNumbers() {
    }

    /**
     * @return {@code null} for a blank input, a number when the input is one, else the text as typed so that
     *         core-service reports the field as invalid
     */
    public static Object parse(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(input.strip());
            return number.scale() <= 0 ? number.toBigIntegerExact() : number;
        }
        catch (NumberFormatException | ArithmeticException ex) {
            return input;
        }
    }
}
