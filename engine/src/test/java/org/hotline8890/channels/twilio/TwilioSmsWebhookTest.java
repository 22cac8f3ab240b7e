package org.hotline8890.channels.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.channels.twilio.TwilioPeer.messageSid;
import static org.hotline8890.channels.twilio.TwilioPeer.sms;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hotline8890.TestCases;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.IntakeReceipts;
import org.hotline8890.intake.IntakeQueueDrain;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@TwilioWebhookTest
class TwilioSmsWebhookTest {

    private static final String SMS = "/channels/twilio/sms";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired IntakeReceipts receipts;
    @Autowired CaseIntake caseIntake;

    TwilioPeer twilio;

    @BeforeEach
    void peer() {
        twilio = new TwilioPeer(port);
    }

    @Test
    void aTextOpensExactlyOneCaseEvenWhenTwilioDeliversItTwice() {
        String sid = messageSid();
        Map<String, String> sms = sms(sid, "+8613900000101", "小区门口路灯坏了一个星期，晚上很黑，请尽快修理。");

        HttpResponse<String> first = twilio.post(SMS, sms);
        HttpResponse<String> again = twilio.post(SMS, sms);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("xml"));
        assertThat(first.body()).contains("<Response><Message>您的短信已收到");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(first.headers().firstValue("Set-Cookie")).as("a webhook opens no session").isEmpty();
        IntakeQueueDrain.drainAll(context);
        assertThat(receipts.caseNumberFor(Channel.SMS, sid)).isPresent();
        assertThat(casesFiledFrom("13900000101")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT content FROM hotline_case WHERE citizen_phone = ?", String.class,
                "13900000101")).isEqualTo("小区门口路灯坏了一个星期，晚上很黑，请尽快修理。");
    }

    @Test
    void aForgedOrUnsignedTextIsRefusedAndQueuesNothing() {
        String forgedSid = messageSid();
        String unsignedSid = messageSid();
        Map<String, String> forged = sms(forgedSid, "+8613900000102", "伪造的短信");
        String signedWithAnotherToken = TwilioPeer.signature("not-the-auth-token", TwilioPeer.PUBLIC_BASE_URL + SMS, forged);

        assertThat(twilio.post(SMS, forged, signedWithAnotherToken).statusCode()).isEqualTo(403);
        assertThat(twilio.post(SMS, sms(unsignedSid, "+8613900000102", "没有签名的短信"), null).statusCode())
                .isEqualTo(403);

        assertThat(queued(forgedSid) + queued(unsignedSid)).isZero();
    }

    @Test
    void aSignatureForAnotherUrlOrOtherParametersIsRefused() {
        String sid = messageSid();
        Map<String, String> sms = sms(sid, "+8613900000103", "正常内容");
        String forTheServletUrl = TwilioPeer.signature(TwilioPeer.AUTH_TOKEN, "http://localhost:" + port + SMS, sms);
        Map<String, String> tampered = new LinkedHashMap<>(sms);
        tampered.put("Body", "被篡改的内容");
        String forTheOriginal = TwilioPeer.signature(TwilioPeer.AUTH_TOKEN, TwilioPeer.PUBLIC_BASE_URL + SMS, sms);

        assertThat(twilio.post(SMS, sms, forTheServletUrl).statusCode()).isEqualTo(403);
        assertThat(twilio.post(SMS, tampered, forTheOriginal).statusCode()).isEqualTo(403);
        assertThat(queued(sid)).isZero();
    }

    @Test
    void cxWithTheCaseNumberAnswersItsStatusToThePhoneThatFiledIt() {
        String number = caseFiledFrom13812345678();
        String sid = messageSid();

        HttpResponse<String> reply = twilio.post(SMS, sms(sid, "+8613812345678", "cx " + number));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("工单 " + number + " 当前状态：已登记，等待受理。");
        assertThat(queued(sid)).as("a status query opens no case").isZero();
    }

    @Test
    void cxToleratesFullWidthLettersAndSpacesAndAMissingSpace() {
        String number = caseFiledFrom13812345678();
        String fullWidth = "ＣＸ　" + number.replace('-', '－');

        assertThat(twilio.post(SMS, sms(messageSid(), "+8613812345678", fullWidth)).body())
                .contains("工单 " + number + " 当前状态");
        assertThat(twilio.post(SMS, sms(messageSid(), "+8613812345678", "CX" + number.replace("-", ""))).body())
                .contains("工单 " + number + " 当前状态");
    }

    @Test
    void cxFromAnotherPhoneIsAnsweredAsNotFoundLikeAnUnknownNumber() {
        String number = caseFiledFrom13812345678();

        String stranger = twilio.post(SMS, sms(messageSid(), "+8613900000104", "CX " + number)).body();
        String unknown = twilio.post(SMS, sms(messageSid(), "+8613812345678", "CX 8890-19990101-000001")).body();

        assertThat(stranger).contains("未查到工单 " + number).doesNotContain("已登记");
        assertThat(unknown).contains("未查到工单 8890-19990101-000001");
    }

    @Test
    void cxWithoutACaseNumberExplainsTheFormat() {
        String sid = messageSid();

        assertThat(twilio.post(SMS, sms(sid, "+8613900000105", "CX 我的工单")).body()).contains("CX 工单号");
        assertThat(queued(sid)).isZero();
    }

    @Test
    void emptyEmojiOnlyOrUndecodableTextsAreAskedForWordsAndNotQueued() {
        String empty = messageSid();
        String emoji = messageSid();
        String undecodable = messageSid();

        for (Map<String, String> sms : new Map[] {
                sms(empty, "+8613900000106", "   "),
                sms(emoji, "+8613900000106", "😡😡👎 ！！"),
                sms(undecodable, "+8613900000106", "\uFFFD\uFFFD\uFFFD")}) {
            HttpResponse<String> reply = twilio.post(SMS, sms);
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).contains("请用文字描述您的诉求");
        }
        assertThat(queued(empty) + queued(emoji) + queued(undecodable)).isZero();
    }

    @Test
    void aVeryLongTextIsKeptWhole() {
        String sid = messageSid();
        String longText = "反映情况：" + "楼下餐馆油烟直排，影响居民生活。".repeat(100);

        assertThat(twilio.post(SMS, sms(sid, "+8613900000107", longText)).statusCode()).isEqualTo(200);

        IntakeQueueDrain.drainAll(context);
        assertThat(jdbc.queryForObject("SELECT content FROM hotline_case WHERE citizen_phone = ?", String.class,
                "13900000107")).isEqualTo(longText);
    }

    @Test
    void picturesSentWithTheTextAreKeptAsReferencesToTwiliosMedia() {
        String sid = messageSid();
        Map<String, String> mms = sms(sid, "+8613900000109", "井盖丢了，见图");
        String picture = "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages/"
                + sid + "/Media/ME0123456789abcdef0123456789abcdef";
        mms.put("NumMedia", "1");
        mms.put("MediaUrl0", picture);
        mms.put("MediaContentType0", "image/jpeg");

        twilio.post(SMS, mms);
        IntakeQueueDrain.drainAll(context);

        assertThat(jdbc.queryForMap("""
                SELECT a.file_name, a.content_type, a.storage_ref FROM case_attachment a
                JOIN hotline_case c ON c.id = a.case_id WHERE c.citizen_phone = '13900000109'"""))
                .containsEntry("FILE_NAME", "ME0123456789abcdef0123456789abcdef")
                .containsEntry("CONTENT_TYPE", "image/jpeg")
                .containsEntry("STORAGE_REF", picture);
    }

    @Test
    void aTextNamingACaseCarriesTheCaseReferenceForTheEngine() {
        String sid = messageSid();

        twilio.post(SMS, sms(sid, "+8613900000108", "关于工单8890 20261123 000042，问题还没有解决"));

        assertThat(jdbc.queryForObject(
                "SELECT payload FROM intake_queue_message WHERE channel = 'SMS' AND channel_message_id = ?",
                String.class, sid)).contains("\"caseNumber\":\"8890-20261123-000042\"");
    }

    private String caseFiledFrom13812345678() {
        return caseIntake.open(TestCases.noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "test")
                .theCase().getCaseNumber();
    }

    private int queued(String sid) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM intake_queue_message WHERE channel = 'SMS' AND channel_message_id = ?",
                Integer.class, sid);
    }

    private int casesFiledFrom(String phone) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM hotline_case WHERE citizen_phone = ?", Integer.class, phone);
    }
}
