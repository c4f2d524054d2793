package io.cloudexchange.core.cls.rules;

public record BusinessRuleRequest(String name, String query) {
}
