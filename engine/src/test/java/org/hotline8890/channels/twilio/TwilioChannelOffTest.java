package org.hotline8890.channels.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hotline8890.channels.OutboundChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The embedded default: the channel is off, says how to turn it on, and opens nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class TwilioChannelOffTest {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;

    @Test
    void offByDefaultTheWebhooksDoNotExistAndNoSmsIsSent() throws Exception {
        assertThat(context.getBeansOfType(TwilioSmsWebhook.class)).isEmpty();
        assertThat(context.getBeansOfType(TwilioVoiceWebhook.class)).isEmpty();
        assertThat(context.getBeansOfType(OutboundChannel.class).values())
                .noneMatch(channel -> channel instanceof TwilioSms);

        mvc.perform(post("/channels/twilio/sms").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("MessageSid", "SM1").param("From", "+8613812345678").param("Body", "路灯坏了"))
                .andExpect(status().isNotFound());
    }

    @Test
    void offItSaysInOneLineHowToTurnItOn(CapturedOutput output) {
        context.getBean(TwilioChannelOff.class).tellHowToEnable();

        assertThat(output.getOut().lines().filter(line -> line.contains("Twilio phone/SMS channel is off")))
                .singleElement().satisfies(line -> assertThat(line).contains("HOTLINE_TWILIO_ENABLED=true"));
    }

    @Test
    void theApiStillAnswersJsonWithTheSdksXmlSupportOnTheClasspath() throws Exception {
        mvc.perform(get("/api/public/results").accept(MediaType.ALL))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }
}
