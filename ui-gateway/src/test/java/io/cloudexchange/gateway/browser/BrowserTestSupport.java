package io.cloudexchange.gateway.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) in front of the gateway and a fake core.
 * Tests skip, saying what to install, when the browser is missing.
 */
abstract class BrowserTestSupport extends GatewayTestSupport {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    protected ChromeDriver browser;

    @BeforeEach
    void startBrowser(@TempDir Path profile) {
        assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver "
                        + "(apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--ignore-certificate-errors", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driverService, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Signs in as the fake core's user from the login page the gateway redirects to. */
    protected void signIn() throws InterruptedException {
        browser.get(url("/"));
        waitUntil("login page", () -> browser.getCurrentUrl().contains("/login"));
        browser.findElement(By.id("username")).sendKeys(FakeCore.USERNAME);
        browser.findElement(By.id("password")).sendKeys(FakeCore.INITIAL_PASSWORD);
        browser.findElement(By.id("login")).click();
    }

    /** Polls the condition; an element replaced or not yet there (the page is still loading) counts as not yet. */
    protected static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for the " + what);
            }
            Thread.sleep(100);
        }
    }

    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (StaleElementReferenceException | NoSuchElementException loading) {
            return false;
        }
    }

    protected String url(String path) {
        return "https://localhost:" + port + path;
    }

    /** Kept under target/ so a developer can look at how the pages rendered. */
    protected void screenshot(String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(directory.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
