package io.cloudexchange.gateway.browser;

import java.io.IOException;
import java.util.List;

import io.cloudexchange.gateway.support.FakeCore;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the admin UI in a real headless Chromium against the gateway and a fake core. */
class AdminUiBrowserTests extends BrowserTestSupport {

    private static final String NEW_PASSWORD = "a-much-longer-password";

    @Test
    void firstLoginForcesAPasswordChangeThenShowsOnlyEnabledModules() throws IOException, InterruptedException {
        signIn();

        waitUntil("change-password page", () -> browser.getCurrentUrl().contains("/change-password"));
        changePassword(FakeCore.INITIAL_PASSWORD, "too-short");
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText())
                .isEqualTo("must be at least 12 characters");
        screenshot("change-password-error");
        changePassword(FakeCore.INITIAL_PASSWORD, NEW_PASSWORD);

        waitUntil("dashboard", () -> browser.getCurrentUrl().equals(url("/")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome to Cloud Exchange");
        List<String> moduleLinks = browser.findElements(By.cssSelector("nav .nav-module")).stream()
                .map(WebElement::getText).toList();
        assertThat(moduleLinks).containsExactly("Threat Exchange", "Risk Exchange");
        screenshot("dashboard");
    }

    @Test
    void aHistoricalPullIsStartedFromItsMappingFollowedByPollingAndCancelled() throws Exception {
        core.passwordAlreadyChanged();
        core.modules("{\"CTE\":false,\"CTO\":false,\"CRE\":false,\"ARE\":false,\"CLS\":true}");
        core.answer("GET /api/cls/counters", 200, "[]");
        core.answer("GET /api/cls/siem-mappings", 200, """
                [{"id":"m1","name":"to splunk","sourceConfigurationId":"s1","businessRuleId":"all",
                  "destinationConfigurationId":"d1","mappingFileId":"default-cef-syslog","format":"CEF","enabled":true}]""");
        core.answer("GET /api/cls/business-rules", 200, "[{\"id\":\"all\",\"name\":\"All\",\"query\":\"\",\"builtIn\":true}]");
        core.answer("GET /api/configurations", 200, "[]");
        core.answer("GET /api/cls/dead-letters", 200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
        core.answer("GET /api/cls/historical-pulls", 200, historicalPulls(null, 0));
        signIn();
        waitUntil("dashboard", () -> browser.getCurrentUrl().equals(url("/")));

        browser.get(url("/cls"));
        browser.findElement(By.cssSelector("details.history summary")).click();
        WebElement from = browser.findElement(By.cssSelector("#history-m1 input[name=from]"));
        browser.executeScript("arguments[0].value = '2026-11-01T00:00:30'", from);
        browser.executeScript("arguments[0].value = '2026-11-02T00:00:00'",
                browser.findElement(By.cssSelector("#history-m1 input[name=to]")));
        core.answer("POST /api/cls/historical-pulls", 201, "{\"id\":\"j1\",\"status\":\"RUNNING\"}");
        core.answer("GET /api/cls/historical-pulls", 200, historicalPulls("RUNNING", 10));
        browser.findElement(By.cssSelector("#history-m1 button[type=submit]")).click();

        waitUntil("running pull", () -> panelText().contains("RUNNING") && panelText().contains("10 %"));
        assertThat(core.lastRequestTo("POST", "/api/cls/historical-pulls").text())
                .contains("\"mappingId\":\"m1\"", "\"from\":\"2026-11-01T00:00:30\"", "\"to\":\"2026-11-02T00:00\"");
        core.answer("GET /api/cls/historical-pulls", 200, historicalPulls("RUNNING", 55));
        waitUntil("progress polled", () -> panelText().contains("55 %"));
        screenshot("historical-pull-running");

        core.answer("DELETE /api/cls/historical-pulls/j1", 200, "{\"id\":\"j1\",\"status\":\"CANCELLED\"}");
        core.answer("GET /api/cls/historical-pulls", 200, historicalPulls("CANCELLED", 55));
        browser.findElement(By.cssSelector("#history-m1 button.danger")).click();
        waitUntil("cancelled pull", () -> panelText().contains("Historical pull cancelled.")
                && panelText().contains("CANCELLED"));
        assertThat(core.lastRequestTo("DELETE", "/api/cls/historical-pulls/j1")).isNotNull();
    }

    @Test
    void anAdminChoosesPerMappingToDeadLetterBatchesThatStillFailAfterSomeAttempts() throws Exception {
        core.passwordAlreadyChanged();
        core.modules("{\"CTE\":false,\"CTO\":false,\"CRE\":false,\"ARE\":false,\"CLS\":true}");
        core.answer("GET /api/cls/counters", 200, "[]");
        core.answer("GET /api/cls/siem-mappings", 200, "[]");
        core.answer("GET /api/cls/business-rules", 200, "[{\"id\":\"all\",\"name\":\"All\",\"query\":\"\",\"builtIn\":true}]");
        core.answer("GET /api/configurations", 200, """
                [{"id":"s1","name":"Netskope tenant","module":"CLS","pluginId":"netskope-logs"},
                 {"id":"d1","name":"Splunk HEC","module":"CLS","pluginId":"splunk-hec"}]""");
        core.answer("GET /api/cls/dead-letters", 200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
        signIn();
        waitUntil("dashboard", () -> browser.getCurrentUrl().equals(url("/")));

        browser.get(url("/cls"));
        browser.findElement(By.cssSelector("form.stacked input[name=name]")).sendKeys("to splunk");
        browser.findElement(By.cssSelector("select[name=destinationConfigurationId] option[value=d1]")).click();
        WebElement attempts = browser.findElement(By.name("repeatedFailureAttempts"));
        attempts.clear();
        attempts.sendKeys("5");
        browser.findElement(By.cssSelector("select[name=repeatedFailureAction] option[value=DEAD_LETTER]")).click();
        core.answer("POST /api/cls/siem-mappings", 201, "{\"id\":\"m1\"}");
        core.answer("GET /api/cls/siem-mappings", 200, """
                [{"id":"m1","name":"to splunk","sourceConfigurationId":"s1","businessRuleId":"all",
                  "destinationConfigurationId":"d1","mappingFileId":"default-cef-syslog","format":"CEF","enabled":true,
                  "onRepeatedFailure":{"action":"DEAD_LETTER","afterAttempts":5}}]""");
        browser.findElement(By.xpath("//button[text()='Add SIEM mapping']")).click();

        waitUntil("saved mapping", () -> browser.getPageSource().contains("SIEM mapping saved."));
        assertThat(core.lastRequestTo("POST", "/api/cls/siem-mappings").text())
                .contains("\"destinationConfigurationId\":\"d1\"",
                        "\"onRepeatedFailure\":{\"action\":\"DEAD_LETTER\",\"afterAttempts\":5}");
        assertThat(browser.findElement(By.xpath("//td[contains(., 'dead-letter after 5 attempts')]")).isDisplayed())
                .isTrue();
        screenshot("siem-mapping-gives-up");
    }

    private String panelText() {
        try {
            return browser.findElement(By.id("history-m1")).getText();
        } catch (org.openqa.selenium.WebDriverException gone) {
            return "";
        }
    }

    private static String historicalPulls(String status, int percent) {
        String jobs = status == null ? "[]" : """
                [{"id":"j1","mappingId":"m1","from":"2026-11-01T00:00:00Z","to":"2026-11-02T00:00:00Z",
                  "status":"%s","pages":4,"records":1000,"percent":%d,"lastError":null}]""".formatted(status, percent);
        return "{\"mappingId\":\"m1\",\"supported\":true,\"reason\":null,\"jobs\":" + jobs + "}";
    }

    /**
     * The IdP's HTTP-POST binding in a real browser: a page on another site auto-submits the Response to the ACS.
     * The flow cookie (SameSite=None) must come along on that cross-site POST, and the session must then work.
     */
    @Test
    void samlSignInPostsAcrossSitesAndLandsSignedIn() throws Exception {
        com.sun.net.httpserver.HttpServer idp = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/sso", exchange -> {
            String relayState = org.springframework.web.util.UriComponentsBuilder.fromUri(exchange.getRequestURI()).build()
                    .getQueryParams().getFirst("RelayState");
            byte[] page = ("<html><body><form id=\"f\" method=\"post\" action=\"" + url("/login/sso/saml/acs") + "\">"
                    + "<input type=\"hidden\" name=\"SAMLResponse\" value=\"" + FakeCore.SAML_GOOD_RESPONSE + "\">"
                    + "<input type=\"hidden\" name=\"RelayState\" value=\"" + relayState + "\"></form>"
                    + "<script>document.getElementById('f').submit()</script></body></html>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        idp.start();
        try {
            core.samlEnabled();
            core.passwordAlreadyChanged();
            core.samlIdpUrl("http://127.0.0.1:" + idp.getAddress().getPort() + "/sso");
            browser.get(url("/login"));
            browser.findElement(By.id("saml-login")).click();

            waitUntil("dashboard after SAML sign-in", () -> browser.getCurrentUrl().equals(url("/")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome to Cloud Exchange");
            assertThat(core.lastRequestTo("POST", "/api/auth/sso/saml/login").text()).contains(FakeCore.SAML_GOOD_RESPONSE);

            core.answer("GET /api/settings/sso", 200, """
                    {"enabled":false,"issuerUri":null,"clientId":null,"clientSecretSet":false,
                     "scopes":["openid","profile","email"],"groupsClaim":"groups","groupRoles":[],"defaultRole":"deny"}""");
            browser.get(url("/settings/sso"));
            browser.executeScript("document.getElementById('saml').scrollIntoView()");
            screenshot("settings-sso-saml");
            assertThat(browser.findElement(By.id("saml-sp-entity-id")).getText()).isEqualTo(url("/saml/metadata"));
            assertThat(browser.findElement(By.id("saml-acs-url")).getText()).isEqualTo(url("/login/sso/saml/acs"));
        }
        finally {
            idp.stop(0);
        }
    }

    private void changePassword(String current, String newPassword) {
        browser.findElement(By.id("currentPassword")).sendKeys(current);
        browser.findElement(By.id("newPassword")).sendKeys(newPassword);
        browser.findElement(By.id("confirmPassword")).sendKeys(newPassword);
        browser.findElement(By.id("change-password")).click();
    }
}
