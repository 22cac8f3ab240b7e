package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.channels.asterisk.QueueCallEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;

/** The agent console in Debian's headless Chromium ({@link Chromium}) on a wide screen, through {@link AgentConsolePage}. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AgentConsoleBrowserTest {

    @RegisterExtension
    static final OneBrowser session = new OneBrowser(Chromium.DESKTOP);

    private Chromium chromium;

    @Autowired ApplicationEventPublisher events;
    @Autowired CaseRepository cases;

    @BeforeEach
    void browserWithoutCookies() throws IOException {
        chromium = session.chromium();
    }

    @Test
    void anAgentSeesTheCallerPopUpLogsTheCallWithAKnowledgeAnswerAndReadsOutTheNumber() throws IOException {
        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        AgentConsolePage console = AgentConsolePage.logInAndOpen(chromium, "agent");
        String earlier = console.logCall(AgentConsolePage.Call.noiseComplaint(phone), null, null);
        assertThat(earlier).startsWith("8890-");

        console.awaitLiveFeed();
        // What the Asterisk adapter publishes when the agent's phone rings; ScreenPops sends it to the console.
        events.publishEvent(new QueueCallEvent.AgentRinging("call-" + phone, Instant.now(), "8890", phone,
                "PJSIP/1001", "agent"));
        AgentConsolePage.ScreenPop pop = console.awaitScreenPop(phone);
        assertThat(pop.earlierCases()).anySatisfy(row -> assertThat(row).contains(earlier, "夜间施工噪音"));
        assertThat(pop.earlierCases().get(0).get(2)).isEqualTo("已转交承办单位，等待签收");
        assertThat(console.phoneField()).isEqualTo(phone);

        console.fill(new AgentConsolePage.Call(phone, "王先生", "今天上午", "DC", "东华路", "社保转移咨询",
                "来电人咨询职工养老保险跨省转移手续", "告知办理方式", "CONSULTATION", "LABOUR.SOCIAL"));
        // Alt+K, the documented shortcut, takes the agent from the form to the knowledge search.
        chromium.find("#wish").sendKeys(Keys.chord(Keys.ALT, "k"));
        assertThat(chromium.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("kb");
        assertThat(console.searchKnowledge("养老保险跨省转移")).anyMatch(q -> q.contains("跨省转移"));
        String answer = console.useAnswerOf("职工养老保险关系跨省转移");
        assertThat(answer).contains("国家社会保险公共服务平台");
        assertThat(chromium.find("input[name='decision'][value='ANSWER']").isSelected()).isTrue();
        top();
        chromium.screenshot("agent-console");

        String number = console.save();
        assertThat(number).startsWith("8890-").isNotEqualTo(earlier);
        assertThat(console.queryCode()).isNotBlank();
        top();
        chromium.screenshot("agent-console-saved");
        HotlineCase saved = cases.findByCaseNumber(number).orElseThrow();
        assertThat(saved.getAnswerArticleId()).isNotNull();
        assertThat(saved.getAnswerText()).contains("国家社会保险公共服务平台");
        assertThat(chromium.find("#subject").getAttribute("value")).as("a fresh form for the next call").isEmpty();
    }

    /** Screenshots show the top of the console, where the caller and the saved case number are. */
    private void top() {
        ((JavascriptExecutor) chromium.driver()).executeScript("window.scrollTo(0, 0);");
    }
}
