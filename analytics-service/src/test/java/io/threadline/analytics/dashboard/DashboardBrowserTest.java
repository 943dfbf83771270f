package io.threadline.analytics.dashboard;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.threadline.analytics.EventPublisher;
import io.threadline.analytics.KpiApi;
import io.threadline.analytics.SampleHistory;
import io.threadline.contracts.events.IntegrationEvent;
import io.threadline.testsupport.HeadlessChromium;
import io.threadline.testsupport.InfrastructureResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; override the paths
 * with {@code CHROMIUM_BIN} and {@code CHROMEDRIVER_BIN}): the page loads with data from the API, its charts hold the
 * API's numbers and really paint their canvases. A screenshot goes to {@code target/dashboard/dashboard.png}.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class DashboardBrowserTest {

    private static final int TICKETS = 240;
    /** Three weeks up to yesterday, so the backlog's ages and waits are real ones. */
    private static final LocalDate FIRST_DAY = LocalDate.now(ZoneOffset.UTC).minusDays(21);
    private static final LocalDate END = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    private static final List<String> CHARTS =
            List.of("chart-volumes", "chart-channels", "chart-times", "chart-satisfaction", "chart-backlog");

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void startChromium() {
        chromium = HeadlessChromium.start(1440, 1200);
        browser = chromium.driver();
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void thePageLoadsWithDataAndItsChartsRender() throws IOException {
        List<IntegrationEvent> history = SampleHistory.events("dash-", FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant(),
                21, TICKETS);
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.publish(history);
        }
        Map<String, String> window = Map.of("from", FIRST_DAY + "T00:00:00Z", "to", END + "T00:00:00Z", "by", "none");
        KpiApi.awaitValue("volumes", window, "/totals/ticketsCreated", TICKETS);
        long solved = KpiApi.get("volumes", window).at("/totals/ticketsSolved").asLong();

        browser.get(dashboard + "?from=" + FIRST_DAY + "&to=" + END + "&zone=UTC&refresh=off");
        JavascriptExecutor page = browser;
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b ->
                Boolean.TRUE.equals(page.executeScript("return window.threadlineDashboard && window.threadlineDashboard.loaded")));

        assertThat(page.executeScript("return window.threadlineDashboard.error")).isNull();
        // The tiles and the volume chart show the API's numbers: every ticket created, every solve.
        assertThat(browser.findElement(org.openqa.selenium.By.id("tile-created")).getText()).isEqualTo(String.valueOf(TICKETS));
        assertThat(sum("chart-volumes", 0)).isEqualTo(TICKETS);
        assertThat(sum("chart-volumes", 1)).isEqualTo(solved);
        assertThat(sumOfAllDatasets("chart-channels")).isEqualTo(TICKETS);
        for (String chart : CHARTS) {
            assertThat(pointCount(chart)).as("data points of " + chart).isPositive();
            assertThat(paintedPixels(chart)).as("painted pixels of " + chart).isGreaterThan(2000);
        }

        Path screenshot = Path.of("target", "dashboard", "dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    private long sum(String chart, int dataset) {
        return ((Number) browser.executeScript("return window.threadlineDashboard.charts[arguments[0]]"
                + ".data.datasets[arguments[1]].data.reduce((a, b) => a + (b || 0), 0)", chart, dataset)).longValue();
    }

    private long sumOfAllDatasets(String chart) {
        return ((Number) browser.executeScript("return window.threadlineDashboard.charts[arguments[0]].data.datasets"
                + ".flatMap(d => d.data).reduce((a, b) => a + (b || 0), 0)", chart)).longValue();
    }

    private long pointCount(String chart) {
        return ((Number) browser.executeScript("return window.threadlineDashboard.charts[arguments[0]].data.datasets"
                + ".flatMap(d => d.data).filter(v => v !== null && v !== 0).length", chart)).longValue();
    }

    /** Pixels of the chart's canvas that are not transparent: an empty canvas has none. */
    private long paintedPixels(String chart) {
        return ((Number) browser.executeScript("const c = document.getElementById(arguments[0]);"
                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + "for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;", chart)).longValue();
    }
}
