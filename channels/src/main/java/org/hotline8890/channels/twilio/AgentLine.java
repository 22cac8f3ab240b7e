package org.hotline8890.channels.twilio;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
// Twilio's <Number> noun, not java.lang.Number.
import com.twilio.twiml.voice.Number;

/**
 * How a caller reaches a person: waiting in a Twilio queue that agents answer from (a caller joins a
 * queue with {@code <Enqueue>}; {@code <Dial><Queue>} is the agent's side), or a number dialled.
 */
final class AgentLine {

    private final TwilioSettings settings;

    AgentLine(TwilioSettings settings) {
        this.settings = settings;
    }

    boolean isConfigured() {
        return settings.hasAgentQueue() || settings.hasAgentNumber();
    }

    VoiceResponse.Builder connect(VoiceResponse.Builder response) {
        if (settings.hasAgentQueue()) {
            return response.enqueue(new Enqueue.Builder(settings.agentQueue()).build());
        }
        return response.dial(new Dial.Builder().number(new Number.Builder(settings.agentNumber()).build()).build());
    }
}
