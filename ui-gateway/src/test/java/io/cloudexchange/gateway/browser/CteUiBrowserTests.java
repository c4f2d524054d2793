package io.cloudexchange.gateway.browser;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threat Exchange pages in a real headless Chromium against the gateway and a fake core: a tag is created, a
 * sharing edited, and the indicator page's filter (built with the filter builder) saved as a business rule.
 */
class CteUiBrowserTests extends BrowserTestSupport {

    private static final String SHARING = """
            {"id":"s1","name":"To firewall","sourceConfigurationIds":["c1"],"ruleId":"r1",
             "destinationConfigurationId":"c1","action":"add_to_list","actionParameters":{"list":"bad"},
             "enabled":true,"status":{"state":"IDLE","shared":1}}""";

    @BeforeEach
    void signInWithThreatExchangeAnswers() throws InterruptedException {
        core.passwordAlreadyChanged();
        core.answer("GET /api/cte/tags/usage", 200, "[]");
        core.answer("GET /api/cte/business-rules", 200, """
                [{"id":"r1","name":"Phishing URLs","filter":"type == \\"url\\"","muted":false}]""");
        core.answer("GET /api/cte/sharing", 200, "[" + SHARING + "]");
        core.answer("GET /api/cte/sharing/s1", 200, SHARING);
        core.answer("GET /api/cte/sharing/actions", 200, """
                [{"label":"Add to list","value":"add_to_list","parameters":{"fields":[
                    {"key":"list","label":"List name","type":"TEXT","mandatory":true}]}}]""");
        core.answer("GET /api/query/fields", 200, """
                {"indicators":[{"name":"type","type":"STRING","operators":["==","!="],"values":["url","domain"]},
                 {"name":"reputation","type":"NUMBER","operators":["==","<="],"values":[]}]}""");

        signIn();
        waitUntil("dashboard", () -> browser.getCurrentUrl().equals(url("/")));
    }

    @Test
    void createsATagFromTheTagsPageReachedThroughNavigation() throws Exception {
        core.answer("POST /api/cte/tags", 201, "{\"name\":\"phishing\",\"color\":\"#00aa55\"}");

        browser.findElement(By.id("nav-cte-tags")).click();
        waitUntil("tags page", () -> browser.getCurrentUrl().endsWith("/cte/tags"));
        browser.findElement(By.id("tag-name")).sendKeys("phishing");
        browser.executeScript("document.getElementById('tag-color').value = '#00aa55'");
        browser.findElement(By.id("save-tag")).click();

        waitUntil("saved message", () -> !browser.findElements(By.id("saved")).isEmpty());
        assertThat(browser.findElement(By.id("saved")).getText()).isEqualTo("Tag phishing saved.");
        assertThat(core.lastRequestTo("POST", "/api/cte/tags").text())
                .contains("\"name\":\"phishing\"", "\"color\":\"#00aa55\"");
        screenshot("cte-tags");
    }

    @Test
    void editsASharingAndSavesItWithPut() throws Exception {
        core.answer("PUT /api/cte/sharing/s1", 200, SHARING);

        browser.get(url("/cte/sharing"));
        browser.findElement(By.id("edit-s1")).click();
        waitUntil("edit form", () -> browser.getCurrentUrl().contains("edit=s1"));
        WebElement name = browser.findElement(By.id("sharing-name"));
        assertThat(name.getAttribute("value")).isEqualTo("To firewall");
        assertThat(browser.findElement(By.id("param.add_to_list.list")).getAttribute("value")).isEqualTo("bad");
        name.clear();
        name.sendKeys("To edge firewall");
        WebElement list = browser.findElement(By.id("param.add_to_list.list"));
        list.clear();
        list.sendKeys("worse");
        browser.findElement(By.id("save-sharing")).click();

        waitUntil("saved message", () -> browser.getPageSource().contains("Sharing To edge firewall saved."));
        assertThat(core.lastRequestTo("PUT", "/api/cte/sharing/s1").text()).contains("\"name\":\"To edge firewall\"",
                "\"sourceConfigurationIds\":[\"c1\"]", "\"actionParameters\":{\"list\":\"worse\"}", "\"enabled\":true");
        screenshot("cte-sharing-edited");
    }

    @Test
    void buildsAFilterAndSavesItAsABusinessRule() throws Exception {
        core.answer("POST /api/cte/business-rules", 201, "{\"id\":\"r2\"}");

        browser.get(url("/cte"));
        choose("builder-field", "type");
        choose("builder-operator", "==");
        browser.findElement(By.id("builder-value")).sendKeys("url");
        browser.findElement(By.id("add-condition")).click();
        waitUntil("query with the condition",
                () -> "type == \"url\"".equals(browser.findElement(By.id("q")).getAttribute("value")));

        choose("builder-field", "reputation");
        choose("builder-operator", "<=");
        browser.findElement(By.id("builder-value")).sendKeys("3");
        browser.findElement(By.id("add-condition")).click();
        waitUntil("query with both conditions", () -> "type == \"url\" AND reputation <= 3"
                .equals(browser.findElement(By.id("q")).getAttribute("value")));

        browser.findElement(By.id("save-as-rule")).click();
        waitUntil("rules page", () -> browser.getCurrentUrl().contains("/cte/rules"));
        assertThat(browser.findElement(By.id("rule-filter")).getAttribute("value"))
                .isEqualTo("type == \"url\" AND reputation <= 3");
        browser.findElement(By.id("rule-name")).sendKeys("Bad URLs");
        browser.findElement(By.cssSelector("#rule-form button[type=submit]")).click();

        waitUntil("saved message", () -> browser.getPageSource().contains("Business rule Bad URLs saved."));
        assertThat(core.lastRequestTo("POST", "/api/cte/business-rules").text()).contains("\"name\":\"Bad URLs\"",
                "\"filter\":\"type == \\\"url\\\" AND reputation <= 3\"");

        WebElement copy = browser.findElement(By.cssSelector("button[data-copy='edl-r1']"));
        assertThat(browser.findElement(By.id("edl-r1")).getAttribute("value")).isEqualTo(url("/api/edl/rules/r1"));
        copy.click();
        waitUntil("copied", () -> copy.getText().equals("Copied"));
        screenshot("cte-rule-saved");
    }

    private void choose(String selectId, String value) {
        browser.findElement(By.cssSelector("#" + selectId + " option[value='" + value + "']")).click();
    }
}
