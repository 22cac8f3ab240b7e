package org.hotline8890.channels.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.QueryCodes;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.IntakeReceipts;
import org.hotline8890.channels.twilio.TwilioMessagesApi;
import org.hotline8890.intake.IntakeQueueDrain;
import org.hotline8890.notification.Outbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A caller leaves a request in the Asterisk IVR and gets the case number and query code by SMS: the
 * real FastAGI server (Asterisk's side played by {@link AgiCall}), the embedded intake queue, the
 * outbox, and the real Twilio adapter sending to a local Messages API. Its own application context,
 * not {@link AsteriskWireTest}'s: that one stays cached with its FastAGI port bound, and this one adds
 * the SMS channel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhoneRequestEndToEndTest {

    private static final Pattern ACCEPTANCE = Pattern.compile("工单号 ([0-9-]+)，查询码 ([^，。\\s]+)。");

    static final TwilioMessagesApi MESSAGES_API = TwilioMessagesApi.start();
    static final int AGI_PORT = AsteriskWireTest.freePort();

    @DynamicPropertySource
    static void phoneAndSms(DynamicPropertyRegistry properties) {
        properties.add("hotline.channels.asterisk.agi.enabled", () -> "true");
        properties.add("hotline.channels.asterisk.agi.bind-address", () -> "127.0.0.1");
        properties.add("hotline.channels.asterisk.agi.port", () -> AGI_PORT);
        properties.add("hotline.channels.twilio.enabled", () -> "true");
        properties.add("hotline.channels.twilio.account-sid", () -> TwilioMessagesApi.ACCOUNT_SID);
        properties.add("hotline.channels.twilio.auth-token", () -> "test-auth-token");
        properties.add("hotline.channels.twilio.from-number", () -> TwilioMessagesApi.FROM_NUMBER);
        properties.add("hotline.channels.twilio.api-base-url", MESSAGES_API::baseUrl);
    }

    @AfterAll
    static void stopApi() {
        MESSAGES_API.close();
    }

    @Autowired ApplicationContext context;
    @Autowired IntakeReceipts receipts;
    @Autowired CaseRepository cases;
    @Autowired QueryCodes queryCodes;

    @Test
    void aRequestLeftInTheIvrBecomesACaseWithTheCallersNumberWhoGetsItsNumberAndQueryCodeBySms() throws Exception {
        String uniqueId = "1763870100.301";
        try (AgiCall call = AgiCall.dial(AGI_PORT, "13912340201", uniqueId)) {
            call.expect("ANSWER").reply("200 result=0");
            call.expect("STREAM FILE hotline/welcome ").reply("200 result=0 endpos=24000");
            call.expect("GET OPTION hotline/menu").reply("200 result=49 endpos=3200");
            call.expect("STREAM FILE hotline/record-after-beep").reply("200 result=0 endpos=40000");
            call.expect("RECORD FILE").reply("200 result=35 (dtmf) endpos=96000");
            call.expect("STREAM FILE hotline/request-recorded");
            // The engine makes the case while the caller hears that the request was recorded.
            assertThat(IntakeQueueDrain.drainAll(context)).isEqualTo(1);
            call.reply("200 result=0 endpos=16000");
            String caseNumber = receipts.caseNumberFor(Channel.PHONE, uniqueId).orElseThrow();
            call.expect("STREAM FILE hotline/your-case-number-is").reply("200 result=0 endpos=8000");
            call.expect("SAY DIGITS " + caseNumber.replace("-", "") + " ").reply("200 result=0");
            call.expect("STREAM FILE hotline/query-code-by-sms").reply("200 result=0 endpos=8000");
            call.expect("STREAM FILE hotline/goodbye").reply("200 result=0 endpos=8000");
            call.expect("SET VARIABLE HOTLINE_ROUTE done").reply("200 result=1");
            call.finish();
        }
        String caseNumber = receipts.caseNumberFor(Channel.PHONE, uniqueId).orElseThrow();
        HotlineCase made = cases.findByCaseNumber(caseNumber).orElseThrow();
        assertThat(made.getChannel()).isEqualTo(Channel.PHONE);
        assertThat(made.getContact().phone()).isEqualTo("13912340201");

        Outbox.deliverAllDue(context);

        assertThat(MESSAGES_API.textsTo("+8613912340201")).singleElement().satisfies(sms -> {
            assertThat(sms.form()).containsEntry("From", TwilioMessagesApi.FROM_NUMBER);
            Matcher accepted = ACCEPTANCE.matcher(sms.body());
            assertThat(accepted.find()).as("case number and query code in: %s", sms.body()).isTrue();
            assertThat(accepted.group(1)).isEqualTo(caseNumber);
            assertThat(queryCodes.matches(caseNumber, accepted.group(2), made.getQueryCodeHash()))
                    .as("the query code in the SMS is the case's own").isTrue();
        });
        int sent = MESSAGES_API.received().size();
        Outbox.deliverAllDue(context);
        assertThat(MESSAGES_API.received()).as("the acceptance goes out once").hasSize(sent);
    }
}
