package org.hotline8890.channels.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.hotline8890.TestCases;
import org.hotline8890.channels.CaseStatusLookup.CaseStatusReport;
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
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@TwilioWebhookTest
class TwilioVoiceWebhookTest {

    private static final String VOICE = "/channels/twilio/voice";
    private static final String PUBLIC_VOICE = TwilioPeer.PUBLIC_BASE_URL + VOICE;
    private static final String CALLER = "+8613812345678";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired IntakeReceipts receipts;
    @Autowired CaseIntake caseIntake;
    @Autowired TwilioTexts texts;

    TwilioPeer twilio;

    @BeforeEach
    void peer() {
        twilio = new TwilioPeer(port);
    }

    @Test
    void aCallIsGreetedAndOfferedTheMenuInChinese() {
        TwiML call = voice(VOICE, call(CALLER));

        assertThat(call.text("/Response/Say[1]")).contains("您好");
        assertThat(call.attr("/Response/Say[1]", "language")).isEqualTo("zh-CN");
        assertThat(call.attr("/Response/Gather", "numDigits")).isEqualTo("1");
        assertThat(call.attr("/Response/Gather", "action")).isEqualTo(PUBLIC_VOICE + "/choice/0");
        assertThat(call.text("/Response/Gather/Say")).contains("请按1").contains("请按2").contains("请按0");
        assertThat(call.text("/Response/Redirect")).as("no key pressed counts as invalid input")
                .isEqualTo(PUBLIC_VOICE + "/choice/0");
    }

    @Test
    void oneRecordsTheRequestAndAsksTwilioToReportTheRecordingWithTheCallersNumber() {
        TwiML record = voice(VOICE + "/choice/0", digits(CALLER, "1"));

        assertThat(record.text("/Response/Say[1]")).contains("提示音后");
        assertThat(record.attr("/Response/Record", "action")).isEqualTo(PUBLIC_VOICE + "/recorded");
        assertThat(record.attr("/Response/Record", "recordingStatusCallback"))
                .isEqualTo(PUBLIC_VOICE + "/recording?caller=%2B8613812345678");
        assertThat(record.attr("/Response/Record", "recordingStatusCallbackEvent")).isEqualTo("completed");
        assertThat(record.attr("/Response/Record", "finishOnKey")).isEqualTo("#");
        assertThat(record.attr("/Response/Record", "maxLength")).isEqualTo("180");
        assertThat(record.text("/Response/Say[2]")).as("what follows when nothing was recorded").contains("没有录到");
        assertThat(record.text("/Response/Redirect")).isEqualTo(PUBLIC_VOICE + "/menu/0");
    }

    @Test
    void theCallerHearsThatCaseNumberAndQueryCodeArriveBySms() {
        TwiML done = voice(VOICE + "/recorded", recordedAction(CALLER));

        assertThat(done.text("/Response/Say")).contains("工单号和查询码将通过短信发送");
        assertThat(done.count("/Response/Hangup")).isEqualTo(1);
    }

    @Test
    void aCallerWhoWithheldTheNumberIsToldNoSmsCanCome() {
        assertThat(voice(VOICE + "/recorded", recordedAction("+266696687")).text("/Response/Say")).contains("未显示号码");
    }

    @Test
    void theRecordingBecomesOneCaseWithTheCallersNumberEvenIfTwilioReportsItTwice() {
        String recordingSid = "RE" + UUID.randomUUID().toString().replace("-", "");
        String callback = VOICE + "/recording?caller=" + URLEncoder.encode("+8613700000201", StandardCharsets.UTF_8);
        Map<String, String> ready = recordingStatus(recordingSid, "completed");

        assertThat(twilio.post(callback, ready).statusCode()).isEqualTo(204);
        assertThat(twilio.post(callback, ready).statusCode()).isEqualTo(204);
        IntakeQueueDrain.drainAll(context);

        assertThat(receipts.caseNumberFor(Channel.PHONE, recordingSid)).isPresent();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hotline_case WHERE citizen_phone = '13700000201'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT content FROM hotline_case WHERE citizen_phone = '13700000201'",
                String.class)).contains("电话留言").contains(ready.get("RecordingUrl"));
        assertThat(payload(recordingSid)).contains("\"menuPath\":\"1\"")
                .contains("\"recordingRef\":\"" + ready.get("RecordingUrl") + "\"");
    }

    @Test
    void aRecordingThatFailedOrACallbackWithTheCallerChangedIsNotQueued() {
        String failed = "RE" + UUID.randomUUID().toString().replace("-", "");
        String tampered = "RE" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> ready = recordingStatus(tampered, "completed");
        String signedForAnotherCaller = TwilioPeer.signature(TwilioPeer.AUTH_TOKEN,
                TwilioPeer.PUBLIC_BASE_URL + VOICE + "/recording?caller=%2B8613700000202", ready);

        assertThat(twilio.post(VOICE + "/recording?caller=%2B8613700000202", recordingStatus(failed, "failed"))
                .statusCode()).isEqualTo(204);
        assertThat(twilio.post(VOICE + "/recording?caller=%2B8613700000203", ready, signedForAnotherCaller)
                .statusCode()).isEqualTo(403);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM intake_queue_message WHERE channel_message_id IN (?, ?)",
                Integer.class, failed, tampered)).isZero();
    }

    @Test
    void twoAsksForTheCaseNumberDigits() {
        TwiML ask = voice(VOICE + "/choice/0", digits(CALLER, "2"));

        assertThat(ask.attr("/Response/Gather", "finishOnKey")).isEqualTo("#");
        assertThat(ask.attr("/Response/Gather", "action")).isEqualTo(PUBLIC_VOICE + "/case-number/0");
        assertThat(ask.text("/Response/Gather/Say")).contains("工单号");
    }

    @Test
    void theCallerWhoFiledTheCaseHearsItsStatusDigitByDigit() {
        String number = caseFiledFrom13812345678();

        TwiML status = voice(VOICE + "/case-number/0", digits(CALLER, number.replace("-", "")));

        assertThat(status.text("/Response/Say")).contains("已登记，等待受理")
                .contains(CaseNumberInput.spokenDigits(number));
        assertThat(status.attr("/Response/Say", "language")).isEqualTo("zh-CN");
        assertThat(status.text("/Response/Redirect")).isEqualTo(PUBLIC_VOICE + "/menu/0");
    }

    @Test
    void aCaseWithADeadlineIsToldItInTheHotlinesTimeZone() {
        CaseStatusReport handling = new CaseStatusReport("8890-20261123-000042", "HANDLING", "承办单位正在办理",
                Instant.parse("2026-11-30T09:30:00Z"));

        assertThat(texts.status(handling, "8890-20261123-000042"))
                .isEqualTo("工单 8890-20261123-000042 当前状态：承办单位正在办理。办理期限：2026年11月30日 17:30。");
    }

    @Test
    void theCaseNumberMayBeKeyedWithoutThePrefix() {
        String number = caseFiledFrom13812345678();
        String withoutPrefix = number.substring(number.indexOf('-') + 1).replace("-", "");

        assertThat(voice(VOICE + "/case-number/0", digits(CALLER, withoutPrefix)).text("/Response/Say"))
                .contains("已登记，等待受理");
    }

    @Test
    void anotherCallerHearsNotFound() {
        String number = caseFiledFrom13812345678();

        assertThat(voice(VOICE + "/case-number/0", digits("+8613900000301", number.replace("-", "")))
                .text("/Response/Say")).contains("未查到工单").doesNotContain("已登记");
    }

    @Test
    void aWrongCaseNumberIsAskedAgainTwiceThenAnAgentAnswers() {
        TwiML again = voice(VOICE + "/case-number/0", digits(CALLER, "123"));
        assertThat(again.text("/Response/Say")).contains("工单号输入有误");
        assertThat(again.attr("/Response/Gather", "action")).isEqualTo(PUBLIC_VOICE + "/case-number/1");

        TwiML agent = voice(VOICE + "/case-number/2", digits(CALLER, ""));
        assertThat(agent.text("/Response/Dial/Number")).isEqualTo(TwilioPeer.AGENT_NUMBER);
    }

    @Test
    void zeroPutsTheCallerThroughToAnAgent() {
        TwiML agent = voice(VOICE + "/choice/0", digits(CALLER, "0"));

        assertThat(agent.text("/Response/Say")).contains("人工服务");
        assertThat(agent.text("/Response/Dial/Number")).isEqualTo(TwilioPeer.AGENT_NUMBER);
    }

    @Test
    void invalidOrNoInputRepeatsTheMenuTwiceThenAnAgentAnswers() {
        TwiML firstRepeat = voice(VOICE + "/choice/0", digits(CALLER, "9"));
        assertThat(firstRepeat.text("/Response/Say")).contains("没有收到有效的按键");
        assertThat(firstRepeat.attr("/Response/Gather", "action")).isEqualTo(PUBLIC_VOICE + "/choice/1");
        assertThat(firstRepeat.text("/Response/Gather/Say")).contains("请按1");

        TwiML secondRepeat = voice(VOICE + "/choice/1", call(CALLER));
        assertThat(secondRepeat.attr("/Response/Gather", "action")).isEqualTo(PUBLIC_VOICE + "/choice/2");

        TwiML agent = voice(VOICE + "/choice/2", digits(CALLER, "*"));
        assertThat(agent.count("/Response/Gather")).isZero();
        assertThat(agent.text("/Response/Dial/Number")).isEqualTo(TwilioPeer.AGENT_NUMBER);
    }

    @Test
    void anUnsignedCallIsRefused() {
        assertThat(twilio.post(VOICE, call(CALLER), null).statusCode()).isEqualTo(403);
        assertThat(twilio.post(VOICE + "/choice/0", digits(CALLER, "1"), "bm90IGEgc2lnbmF0dXJl").statusCode())
                .isEqualTo(403);
    }

    private String caseFiledFrom13812345678() {
        return caseIntake.open(TestCases.noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "test")
                .theCase().getCaseNumber();
    }

    private String payload(String recordingSid) {
        return jdbc.queryForObject(
                "SELECT payload FROM intake_queue_message WHERE channel = 'PHONE' AND channel_message_id = ?",
                String.class, recordingSid);
    }

    private TwiML voice(String path, Map<String, String> form) {
        HttpResponse<String> response = twilio.post(path, form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TwiML.parse(response.body());
    }

    private static Map<String, String> call(String from) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "AC00000000000000000000000000000001");
        form.put("CallSid", "CA0123456789abcdef0123456789abcdef");
        form.put("From", from);
        form.put("To", "+8610123456789");
        form.put("CallStatus", "in-progress");
        form.put("Direction", "inbound");
        return form;
    }

    private static Map<String, String> digits(String from, String digits) {
        Map<String, String> form = call(from);
        form.put("Digits", digits);
        return form;
    }

    private static Map<String, String> recordedAction(String from) {
        Map<String, String> form = call(from);
        form.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000001/Recordings/RE1");
        form.put("RecordingDuration", "12");
        form.put("Digits", "#");
        return form;
    }

    private static Map<String, String> recordingStatus(String recordingSid, String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "AC00000000000000000000000000000001");
        form.put("CallSid", "CA0123456789abcdef0123456789abcdef");
        form.put("RecordingSid", recordingSid);
        form.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000001/Recordings/"
                + recordingSid);
        form.put("RecordingStatus", status);
        form.put("RecordingDuration", "37");
        form.put("RecordingChannels", "1");
        form.put("RecordingSource", "RecordVerb");
        return form;
    }

    /** A TwiML answer, read with XPath. */
    private record TwiML(Document document) {

        static TwiML parse(String xml) {
            try {
                return new TwiML(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
            } catch (Exception e) {
                throw new AssertionError("not TwiML: " + xml, e);
            }
        }

        String text(String path) {
            return (String) evaluate(path, XPathConstants.STRING);
        }

        String attr(String path, String attribute) {
            return text(path + "/@" + attribute);
        }

        int count(String path) {
            return ((NodeList) evaluate(path, XPathConstants.NODESET)).getLength();
        }

        private Object evaluate(String path, javax.xml.namespace.QName type) {
            try {
                return XPathFactory.newInstance().newXPath().evaluate(path, document, type);
            } catch (Exception e) {
                throw new AssertionError(path, e);
            }
        }
    }
}
