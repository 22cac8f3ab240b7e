package org.hotline8890.channels.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.staff;
import static org.hotline8890.channels.twilio.TwilioPeer.messageSid;
import static org.hotline8890.channels.twilio.TwilioPeer.sms;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.IntakeReceipts;
import org.hotline8890.intake.IntakeQueueDrain;
import org.hotline8890.notification.Outbox;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A citizen's whole life with the hotline by SMS, on the real application and the real Twilio adapter:
 * signed webhooks in ({@link TwilioPeer}), the embedded intake queue, the case's process driven by
 * staff through {@link CaseActions}, and the outbox delivered by the SDK to a local Messages API.
 */
@TwilioWebhookTest
class SmsLifeEndToEndTest {

    private static final String SMS = "/channels/twilio/sms";
    private static final Pattern ACCEPTANCE = Pattern.compile("工单号 ([0-9-]+)，查询码 ([^，。\\s]+)。");

    static final TwilioMessagesApi MESSAGES_API = TwilioMessagesApi.start();

    @DynamicPropertySource
    static void twilioApi(DynamicPropertyRegistry properties) {
        properties.add("hotline.channels.twilio.api-base-url", MESSAGES_API::baseUrl);
    }

    @AfterAll
    static void stopApi() {
        MESSAGES_API.close();
    }

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired IntakeReceipts receipts;
    @Autowired CaseRepository cases;
    @Autowired CaseActions actions;
    @Autowired Organisation organisation;
    @Autowired JdbcTemplate jdbc;

    TwilioPeer twilio;

    @BeforeEach
    void peer() {
        twilio = new TwilioPeer(port);
    }

    @Test
    void aTextedRequestIsAcceptedHandledRatedByReplyAndClosedWithTheCitizenToldAtEachStepBySms() throws Exception {
        String citizen = "+8613900000201";
        String requestSid = messageSid();
        Map<String, String> request = sms(requestSid, citizen, "幸福路菜市场门口每天早上占道经营，车辆无法通行。");

        // Twilio retries a webhook it thinks failed: the same MessageSid twice must be one case.
        assertThat(twilio.post(SMS, request).statusCode()).isEqualTo(200);
        assertThat(twilio.post(SMS, request).statusCode()).isEqualTo(200);
        IntakeQueueDrain.drainAll(context);
        assertThat(casesFiledFrom("13900000201")).isEqualTo(1);
        String caseNumber = receipts.caseNumberFor(Channel.SMS, requestSid).orElseThrow();

        Outbox.deliverAllDue(context);
        TwilioMessagesApi.Sent acceptance = single(MESSAGES_API.textsTo(citizen));
        assertThat(acceptance.method()).isEqualTo("POST");
        assertThat(acceptance.path()).isEqualTo("/2010-04-01/Accounts/" + TwilioMessagesApi.ACCOUNT_SID + "/Messages.json");
        assertThat(acceptance.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (TwilioMessagesApi.ACCOUNT_SID + ":" + TwilioPeer.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(acceptance.form()).containsEntry("From", TwilioMessagesApi.FROM_NUMBER);
        Matcher accepted = ACCEPTANCE.matcher(acceptance.body());
        assertThat(accepted.find()).as("case number and query code in: %s", acceptance.body()).isTrue();
        assertThat(accepted.group(1)).isEqualTo(caseNumber);
        assertThat(citizenLookup(caseNumber, accepted.group(2)).statusCode())
                .as("the query code in the SMS is the case's own").isEqualTo(200);

        int sentSoFar = MESSAGES_API.received().size();
        Outbox.deliverAllDue(context);
        assertThat(MESSAGES_API.received()).as("a sent message is not sent again").hasSize(sentSoFar);

        Staff environment = staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
        actions.reviewIntake(dispatcher(organisation), caseNumber, IntakeDecision.DISPATCH, null, null, "HBJ");
        actions.sign(environment, caseNumber);
        actions.reply(environment, caseNumber, "已联合市场监管所清理占道摊位，并安排专人早间巡查。");
        actions.reviewReply(dispatcher(organisation), caseNumber, true, null);
        Outbox.deliverAllDue(context);

        assertThat(bodies(MESSAGES_API.textsTo(citizen))).satisfiesExactly(
                body -> assertThat(body).contains("工单号 " + caseNumber + "，查询码"),
                body -> assertThat(body).startsWith("工单 " + caseNumber + " 已转交").contains("办理"),
                body -> assertThat(body).startsWith("工单 " + caseNumber + " 办理结果：").contains("清理占道摊位"),
                body -> assertThat(body).startsWith("请对工单 " + caseNumber + " 的办理结果进行评价"));
        assertThat(cases.findByCaseNumber(caseNumber).orElseThrow().getStatus()).isEqualTo(CaseStatus.AWAITING_FEEDBACK);

        assertThat(twilio.post(SMS, sms(messageSid(), citizen, "1 谢谢")).statusCode()).isEqualTo(200);
        IntakeQueueDrain.drainAll(context);
        HotlineCase rated = cases.findByCaseNumber(caseNumber).orElseThrow();
        assertThat(rated.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(rated.getSatisfaction()).isEqualTo(Satisfaction.VERY_SATISFIED);
        assertThat(casesFiledFrom("13900000201")).as("a rating opens no case").isEqualTo(1);

        Outbox.deliverAllDue(context);
        List<String> texts = bodies(MESSAGES_API.textsTo(citizen));
        assertThat(texts).hasSize(5);
        assertThat(texts.get(4)).isEqualTo("工单 " + caseNumber + " 已办结，感谢您的参与。");
    }

    private HttpResponse<String> citizenLookup(String caseNumber, String queryCode) throws IOException, InterruptedException {
        HttpRequest lookup = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/citizen/cases/lookup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"caseNumber":"%s","queryCode":"%s"}""".formatted(caseNumber, queryCode)))
                .build();
        return HttpClient.newHttpClient().send(lookup, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private int casesFiledFrom(String phone) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM hotline_case WHERE citizen_phone = ?", Integer.class, phone);
    }

    private static TwilioMessagesApi.Sent single(List<TwilioMessagesApi.Sent> texts) {
        assertThat(texts).as("texts to the citizen").hasSize(1);
        return texts.get(0);
    }

    private static List<String> bodies(List<TwilioMessagesApi.Sent> texts) {
        return texts.stream().map(TwilioMessagesApi.Sent::body).toList();
    }
}
