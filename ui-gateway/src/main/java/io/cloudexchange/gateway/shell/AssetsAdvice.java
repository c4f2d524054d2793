package io.cloudexchange.gateway.shell;

import io.cloudexchange.gateway.GatewayProperties;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

@ControllerAdvice
class AssetsAdvice {

    private final String htmxScript;

    AssetsAdvice(GatewayProperties properties) {
        this.htmxScript = "/webjars/htmx.org/" + properties.htmxVersion() + "/dist/htmx.min.js";
    }

    @ModelAttribute("htmxScript")
    String htmxScript() {
        return htmxScript;
    }
}
