package org.hotline8890.channels.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.hotline8890.TestCases;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Asterisk's queue events over AMI, played by {@link FakeAmi}: screen pops and the call-center figures. */
class CallCenterEventsTest extends AsteriskWireTest {

    @LocalServerPort int port;
    @Autowired CaseIntake intake;
    @Autowired ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void amiLoggedIn() throws Exception {
        assertThat(AMI.awaitLogins(1)).as("the AMI client logged in").isTrue();
    }

    @Test
    void theRingingAgentsConsoleGetsTheCallerAndTheirEarlierCasesWithinASecond() throws Exception {
        String earlier = intake.open(TestCases.noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "test")
                .theCase().getCaseNumber();
        BlockingQueue<String> agentConsole = new LinkedBlockingQueue<>();
        BlockingQueue<String> dispatcherConsole = new LinkedBlockingQueue<>();
        try (Console agent = listen("agent", agentConsole); Console dispatcher = listen("dispatcher", dispatcherConsole)) {
            assertThat(agentConsole.poll(10, TimeUnit.SECONDS)).isEqualTo(":connected");
            assertThat(dispatcherConsole.poll(10, TimeUnit.SECONDS)).isEqualTo(":connected");

            long sent = System.nanoTime();
            AMI.event("Event: AgentCalled", "Privilege: agent,all", "Channel: SIP/trunk-00000007",
                    "CallerIDNum: +86 138-1234-5678", "CallerIDName: <unknown>", "Uniqueid: 1763870000.201",
                    "DestChannel: SIP/1001-00000008", "Queue: hotline", "Interface: SIP/1001", "MemberName: Agent 1001");
            AMI.event("Event: DialBegin", "Privilege: call,all", "Channel: SIP/trunk-00000007",
                    "CallerIDNum: +86 138-1234-5678", "Uniqueid: 1763870000.201", "DestChannel: SIP/1001-00000008",
                    "DestUniqueid: 1763870000.202", "DialString: 1001");

            String data = null;
            String line;
            while ((line = agentConsole.poll(1, TimeUnit.SECONDS)) != null) {
                if (line.startsWith("data:")) {
                    data = line.substring(5);
                    break;
                }
            }
            long elapsedMillis = (System.nanoTime() - sent) / 1_000_000;
            assertThat(data).as("a screen pop arrived").isNotNull();
            assertThat(elapsedMillis).isLessThan(1000);
            JsonNode pop = json.readTree(data);
            assertThat(pop.get("callerNumber").asText()).isEqualTo("+86 138-1234-5678");
            assertThat(pop.get("agentInterface").asText()).isEqualTo("SIP/1001");
            assertThat(pop.get("earlierCases").findValuesAsText("caseNumber")).contains(earlier);

            // AgentCalled and DialBegin announce the same ring: one pop, and none for another console.
            assertThat(Stream.generate(() -> poll(agentConsole)).takeWhile(l -> l != null))
                    .noneMatch(l -> l.startsWith("data:"));
            assertThat(Stream.generate(() -> poll(dispatcherConsole)).takeWhile(l -> l != null))
                    .noneMatch(l -> l.startsWith("data:"));
        }
    }

    @Test
    void queueEventsGiveTheAnswerRateAndThe15SecondAnswerRate() throws Exception {
        // answered after 5 s
        joined("1763870100.1", "13700000001");
        AMI.event("Event: AgentConnect", "Channel: SIP/trunk-00000101", "Uniqueid: 1763870100.1", "Queue: hotline",
                "Interface: SIP/1001", "MemberName: Agent 1001", "HoldTime: 5", "RingTime: 2",
                "DestChannel: SIP/1001-00000102", "DestUniqueid: 1763870100.2");
        // answered after 40 s
        joined("1763870100.3", "13700000002");
        AMI.event("Event: AgentConnect", "Channel: SIP/trunk-00000103", "Uniqueid: 1763870100.3", "Queue: hotline",
                "Interface: SIP/1002", "MemberName: Agent 1002", "HoldTime: 40", "RingTime: 3");
        // gave up after 20 s
        joined("1763870100.5", "13700000003");
        AMI.event("Event: QueueCallerAbandon", "Channel: SIP/trunk-00000105", "Uniqueid: 1763870100.5",
                "Queue: hotline", "Position: 1", "OriginalPosition: 1", "HoldTime: 20");
        // hung up while waiting, no abandon event
        joined("1763870100.7", "13700000004");
        AMI.event("Event: Hangup", "Channel: SIP/trunk-00000107", "Uniqueid: 1763870100.7", "Cause: 16",
                "Cause-txt: Normal Clearing");
        // hung up after an agent answered: still answered
        AMI.event("Event: Hangup", "Channel: SIP/trunk-00000101", "Uniqueid: 1763870100.1", "Cause: 16",
                "Cause-txt: Normal Clearing");
        // still waiting
        joined("1763870100.9", "13700000005");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode figures = null;
        for (int i = 0; i < 50; i++) {
            figures = json.readTree(get("/api/public/call-center?from=" + today + "&to=" + today));
            if (figures.get("waiting").asLong() == 1 && figures.get("offered").asLong() == 4) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(figures.get("offered").asLong()).isEqualTo(4);
        assertThat(figures.get("answered").asLong()).isEqualTo(2);
        assertThat(figures.get("answeredWithin15s").asLong()).isEqualTo(1);
        assertThat(figures.get("abandoned").asLong()).isEqualTo(2);
        assertThat(figures.get("waiting").asLong()).isEqualTo(1);
        assertThat(figures.get("answerRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(figures.get("answerRate15s").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(figures.get("averageAnswerWaitSeconds").decimalValue()).isEqualByComparingTo("22.5");

        JsonNode yesterday = json.readTree(get("/api/public/call-center?from=" + today.minusDays(1) + "&to="
                + today.minusDays(1)));
        assertThat(yesterday.get("offered").asLong()).isZero();
        assertThat(yesterday.get("answerRate").isNull()).isTrue();
    }

    @Test
    void afterAsteriskDropsTheConnectionTheEngineLogsInAgainAndHearsItsEvents() throws Exception {
        int before = AMI.logins();
        AMI.dropConnection();
        assertThat(AMI.awaitLogins(before + 1)).as("logged in again").isTrue();

        BlockingQueue<String> agentConsole = new LinkedBlockingQueue<>();
        try (Console agent = listen("agent", agentConsole)) {
            assertThat(agentConsole.poll(10, TimeUnit.SECONDS)).isEqualTo(":connected");
            AMI.event("Event: AgentCalled", "Channel: SIP/trunk-00000301", "CallerIDNum: 13600000001",
                    "Uniqueid: 1763870300.1", "Queue: hotline", "Interface: SIP/1001", "MemberName: Agent 1001");
            assertThat(Stream.generate(() -> poll(agentConsole)).takeWhile(l -> l != null))
                    .anyMatch(l -> l.startsWith("data:") && l.contains("13600000001"));
        }
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/public/call-center?from=2026-11-02&to=2026-11-01")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"to\"").contains("must not be before from");
    }

    private static void joined(String uniqueId, String caller) throws Exception {
        AMI.event("Event: QueueCallerJoin", "Channel: SIP/trunk-" + uniqueId.replace('.', '-'), "Uniqueid: " + uniqueId,
                "CallerIDNum: " + caller, "Queue: hotline", "Position: 1", "Count: 1");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** An agent console: the stream's lines go to {@code lines} until the returned console is closed. */
    private Console listen(String username, BlockingQueue<String> lines) throws Exception {
        String login = Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/agent/screen-pops"))
                .header("Authorization", "Basic " + login).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        InputStream stream = response.body();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException closed) {
                // the test closed the console
            }
        }, "console-" + username);
        reader.setDaemon(true);
        reader.start();
        return stream::close;
    }

    interface Console extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    private static String poll(BlockingQueue<String> lines) {
        try {
            return lines.poll(300, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
