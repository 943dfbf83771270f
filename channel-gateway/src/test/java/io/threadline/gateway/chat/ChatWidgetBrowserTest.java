package io.threadline.gateway.chat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.threadline.contracts.Topics;
import io.threadline.contracts.inbound.ThreadReferences;
import io.threadline.contracts.outbound.OutboundMessage;
import io.threadline.gateway.testing.DeliveryTopics;
import io.threadline.gateway.testing.GreenMailResource;
import io.threadline.gateway.testing.HistoryApiResource;
import io.threadline.localstack.auth.DevTokens;
import io.threadline.testsupport.HeadlessChromium;
import io.threadline.testsupport.InfrastructureResource;
import io.threadline.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.threadline.gateway.chat.HistoryStubs.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo page with the embedded widget in a real headless Chromium ({@link HeadlessChromium}) against the
 * running gateway: the history is replayed, a typed message reaches {@code channel.inbound}, the agent's typing and
 * reply appear. A screenshot goes to {@code target/chat/chat-widget.png}.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(value = HistoryApiResource.class, restrictToAnnotatedClass = true)
class ChatWidgetBrowserTest {

    @TestHTTPResource("/chat/")
    URL page;

    WireMockServer history;

    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void startChromium() {
        chromium = HeadlessChromium.start(1000, 800);
        browser = chromium.driver();
    }

    @AfterEach
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theWidgetReplaysHistorySendsAMessageAndShowsTheAgentsTypingAndReply() throws IOException {
        String visitor = UUID.randomUUID().toString().replace("-", "");
        String address = "visitor-" + visitor;
        HistoryStubs.conversation(history, address, "c-" + visitor,
                entry("INBOUND", "chat", "Visitor", "Hello, is the blue mug back in stock?", "2026-03-01T10:00:00Z") + ","
                        + entry("OUTBOUND", "chat", "Acme Support", "Not yet, we expect it next week.",
                        "2026-03-01T10:03:00Z"), null);

        browser.get(page + "?visitor=" + visitor);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(b -> Boolean.TRUE.equals(script("return window.threadlineChat && window.threadlineChat.connected "
                + "&& window.threadlineChat.historyLoaded")));
        assertThat(script("return window.threadlineChat.address")).isEqualTo(address);
        assertThat(messageTexts()).containsExactly("Hello, is the blue mug back in stock?",
                "Not yet, we expect it next week.");

        try (TopicReader inbound = TopicReader.of(Topics.CHANNEL_INBOUND)) {
            WebElement input = browser.findElement(By.cssSelector(".tl-chat__input"));
            input.sendKeys("Great, please tell me when it arrives.");
            input.sendKeys(Keys.ENTER);
            wait.until(b -> Boolean.TRUE.equals(script("return window.threadlineChat.messages.some("
                    + "m => m.direction === 'inbound' && m.state === 'sent')")));
            assertThat(inbound.readUntil(r -> ("chat:" + address).equals(r.key()), Duration.ofSeconds(20)))
                    .filteredOn(r -> ("chat:" + address).equals(r.key()))
                    .singleElement().satisfies(r -> assertThat(r.value())
                            .contains("\"text\":\"Great, please tell me when it arrives.\""));
        }

        RestAssured.given().contentType("application/json")
                .header("Authorization", "Bearer " + DevTokens.forRoleInRepository("agent", "widget-test-agent"))
                .body("{\"recipient\":\"" + address + "\",\"typing\":true}")
                .post("/api/v1/chat/typing").then().statusCode(202);
        wait.until(b -> browser.findElement(By.cssSelector(".tl-chat__typing")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector(".tl-chat__typing")).getText()).isEqualTo("Acme Support is typing…");

        DeliveryTopics.publish(new OutboundMessage("o-" + visitor, "t-" + visitor, "c-" + visitor, "chat", address,
                ThreadReferences.none(), null, "It arrived this morning, I put one aside for you.", null, Instant.now()));
        wait.until(b -> messageTexts().contains("It arrived this morning, I put one aside for you."));
        assertThat(messageTexts()).containsExactly("Hello, is the blue mug back in stock?",
                "Not yet, we expect it next week.", "Great, please tell me when it arrives.",
                "It arrived this morning, I put one aside for you.");
        assertThat(browser.findElement(By.cssSelector(".tl-chat__typing")).isDisplayed()).isFalse();

        Path screenshot = Path.of("target", "chat", "chat-widget.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    /** The texts shown, read in one script: the widget redraws its list, so element handles go stale. */
    @SuppressWarnings("unchecked")
    private List<String> messageTexts() {
        return (List<String>) script("return Array.from(document.querySelectorAll('.tl-chat__message .tl-chat__text'))"
                + ".map(e => e.textContent)");
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }
}
