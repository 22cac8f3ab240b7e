package org.hotline8890.channels.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.twilio.twiml.VoiceResponse;
import org.junit.jupiter.api.Test;

class AgentLineTest {

    @Test
    void aConfiguredQueueMakesTheCallerWaitInItForTheNextAgent() {
        assertThat(connect("+862112345678", "hotline-agents"))
                .contains("<Enqueue>hotline-agents</Enqueue>").doesNotContain("<Dial>");
    }

    @Test
    void otherwiseTheAgentNumberIsDialled() {
        assertThat(connect("+862112345678", null)).contains("<Dial><Number>+862112345678</Number></Dial>");
    }

    @Test
    void withNeitherThereIsNoAgentLine() {
        assertThat(new AgentLine(settings(null, " ")).isConfigured()).isFalse();
    }

    private static String connect(String number, String queue) {
        AgentLine line = new AgentLine(settings(number, queue));
        assertThat(line.isConfigured()).isTrue();
        return line.connect(new VoiceResponse.Builder()).build().toXml();
    }

    private static TwilioSettings settings(String agentNumber, String agentQueue) {
        return new TwilioSettings(true, "AC1", "token", "+15005550006", null, "https://hotline.example.test",
                URI.create("https://api.twilio.com"), agentNumber, agentQueue, 2, 180, "86");
    }
}
