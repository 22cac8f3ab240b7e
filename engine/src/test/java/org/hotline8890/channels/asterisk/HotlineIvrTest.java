package org.hotline8890.channels.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline8890.TestCases;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.IntakeReceipts;
import org.hotline8890.intake.IntakeQueueDrain;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Calls into the IVR over FastAGI, Asterisk's side played by {@link AgiCall}. */
class HotlineIvrTest extends AsteriskWireTest {

    private static final AtomicInteger CALLS = new AtomicInteger();

    @Autowired ApplicationContext context;
    @Autowired IntakeReceipts receipts;
    @Autowired CaseRepository cases;
    @Autowired CaseIntake intake;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void aRecordedRequestBecomesACaseWithTheCallerAndTheRecordingAndTheNumberIsReadBack() throws Exception {
        String uniqueId = nextUniqueId();
        try (AgiCall call = AgiCall.dial(AGI_PORT, "13912340001", uniqueId)) {
            greeted(call);
            call.expect("GET OPTION hotline/menu 120").reply("200 result=49 endpos=3200");
            call.expect("STREAM FILE hotline/record-after-beep").reply("200 result=0 endpos=40000");
            call.expect("RECORD FILE hotline/recordings/request-" + uniqueId.replace('.', '-') + " wav # 180000 0 BEEP s=5")
                    .reply("200 result=35 (dtmf) endpos=96000");
            call.expect("STREAM FILE hotline/request-recorded");
            assertThat(IntakeQueueDrain.drainAll(context)).isEqualTo(1);
            call.reply("200 result=0 endpos=16000");
            String caseNumber = receipts.caseNumberFor(Channel.PHONE, uniqueId).orElseThrow();
            call.expect("STREAM FILE hotline/your-case-number-is").reply("200 result=0 endpos=8000");
            call.expect("SAY DIGITS " + caseNumber.replace("-", "") + " ").reply("200 result=0");
            call.expect("STREAM FILE hotline/query-code-by-sms").reply("200 result=0 endpos=8000");
            call.expect("STREAM FILE hotline/goodbye").reply("200 result=0 endpos=8000");
            call.expect("SET VARIABLE HOTLINE_ROUTE done").reply("200 result=1");
            call.finish();

            tx.executeWithoutResult(s -> {
                HotlineCase made = cases.findByCaseNumber(caseNumber).orElseThrow();
                assertThat(made.getChannel()).isEqualTo(Channel.PHONE);
                assertThat(made.getContact().phone()).isEqualTo("13912340001");
                assertThat(made.getSubject()).isEqualTo("电话录音留言");
                String recording = "hotline/recordings/request-" + uniqueId.replace('.', '-') + ".wav";
                assertThat(made.getContent()).contains(recording).contains("12 秒");
                assertThat(made.getAttachments()).singleElement().satisfies(a -> {
                    assertThat(a.storageRef()).isEqualTo("asterisk:" + recording);
                    assertThat(a.contentType()).isEqualTo("audio/wav");
                });
            });
        }
    }

    @Test
    void whenTheEngineIsSlowTheCallerHearsThatTheNumberFollowsBySms() throws Exception {
        String uniqueId = nextUniqueId();
        try (AgiCall call = AgiCall.dial(AGI_PORT, "13912340002", uniqueId)) {
            greeted(call);
            call.expect("GET OPTION hotline/menu").reply("200 result=49 endpos=3200");
            call.expect("STREAM FILE hotline/record-after-beep").reply("200 result=0 endpos=40000");
            call.expect("RECORD FILE").reply("200 result=0 (timeout) endpos=48000");
            call.expect("STREAM FILE hotline/request-recorded").reply("200 result=0 endpos=16000");
            call.expect("STREAM FILE hotline/number-by-sms").reply("200 result=0 endpos=16000");
            call.expect("STREAM FILE hotline/goodbye").reply("200 result=0 endpos=8000");
            call.expect("SET VARIABLE HOTLINE_ROUTE done").reply("200 result=1");
            call.finish();
        }
        assertThat(queuedContacts(uniqueId)).isEqualTo(1);
        IntakeQueueDrain.drainAll(context);
        assertThat(receipts.caseNumberFor(Channel.PHONE, uniqueId)).isPresent();
    }

    @Test
    void aCallerHearsTheStatusAndDeadlineOfTheirOwnCase() throws Exception {
        HotlineCase own = intake.open(TestCases.noiseComplaint(Instant.now()), IntakeDecision.DISPATCH, null, "test").theCase();
        String digits = own.getCaseNumber().substring(own.getCaseNumber().indexOf('-') + 1).replace("-", "");
        try (AgiCall call = AgiCall.dial(AGI_PORT, "13812345678", nextUniqueId())) {
            greeted(call);
            call.expect("GET OPTION hotline/menu").reply("200 result=50 endpos=3200");
            call.expect("GET DATA hotline/enter-case-number 5000 20").reply("200 result=" + digits);
            call.expect("STREAM FILE hotline/case-status-is").reply("200 result=0 endpos=8000");
            call.expect("STREAM FILE hotline/status-" + own.getStatus().name().toLowerCase().replace('_', '-'))
                    .reply("200 result=0 endpos=8000");
            call.expect("STREAM FILE hotline/deadline-is").reply("200 result=0 endpos=8000");
            call.expect("SAY DATETIME " + own.getHandleBy().getEpochSecond() + "  YBd Asia/Shanghai").reply("200 result=0");
            call.expect("STREAM FILE hotline/goodbye").reply("200 result=0 endpos=8000");
            call.expect("SET VARIABLE HOTLINE_ROUTE done").reply("200 result=1");
            call.finish();
        }
    }

    @Test
    void someoneElsesCaseAndAnUnknownNumberGetTheSamePoliteNotFoundThenAnAgent() throws Exception {
        String number = intake.open(TestCases.noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "test")
                .theCase().getCaseNumber();
        try (AgiCall call = AgiCall.dial(AGI_PORT, "13900000000", nextUniqueId())) {
            greeted(call);
            call.expect("GET OPTION hotline/menu").reply("200 result=50 endpos=3200");
            call.expect("GET DATA hotline/enter-case-number").reply("200 result=" + number.replace("-", ""));
            call.expect("STREAM FILE hotline/case-not-found").reply("200 result=0 endpos=8000");
            call.expect("GET DATA hotline/enter-case-number").reply("200 result=19990101000001");
            call.expect("STREAM FILE hotline/case-not-found").reply("200 result=0 endpos=8000");
            call.expect("GET DATA hotline/enter-case-number").reply("200 result=123");
            call.expect("STREAM FILE hotline/case-not-found").reply("200 result=0 endpos=8000");
            call.expect("STREAM FILE hotline/transfer-to-agent").reply("200 result=0 endpos=8000");
            call.expect("SET VARIABLE HOTLINE_ROUTE agent").reply("200 result=1");
            call.finish();
        }
    }

    @Test
    void wrongOrNoInputRepeatsTheMenuTwiceThenGoesToAnAgent() throws Exception {
        try (AgiCall call = AgiCall.dial(AGI_PORT, "13912340003", nextUniqueId())) {
            greeted(call);
            call.expect("GET OPTION hotline/menu").reply("200 result=55 endpos=3200");
            call.expect("STREAM FILE hotline/invalid-choice").reply("200 result=0 endpos=8000");
            call.expect("GET OPTION hotline/menu").reply("200 result=0 endpos=64000");
            call.expect("STREAM FILE hotline/invalid-choice").reply("200 result=0 endpos=8000");
            call.expect("GET OPTION hotline/menu").reply("200 result=57 endpos=3200");
            call.expect("STREAM FILE hotline/invalid-choice").reply("200 result=0 endpos=8000");
            call.expect("STREAM FILE hotline/transfer-to-agent").reply("200 result=0 endpos=8000");
            call.expect("SET VARIABLE HOTLINE_ROUTE agent").reply("200 result=1");
            call.finish();
        }
    }

    @Test
    void zeroGoesStraightToAnAgent() throws Exception {
        try (AgiCall call = AgiCall.dial(AGI_PORT, "13912340004", nextUniqueId())) {
            greeted(call);
            call.expect("GET OPTION hotline/menu").reply("200 result=48 endpos=3200");
            call.expect("SET VARIABLE HOTLINE_ROUTE agent").reply("200 result=1");
            call.finish();
        }
    }

    @Test
    void hangingUpAtTheMenuOrBeforeTheRecordingLeavesNothing() throws Exception {
        String atMenu = nextUniqueId();
        try (AgiCall call = AgiCall.dial(AGI_PORT, "13912340005", atMenu)) {
            greeted(call);
            call.expect("GET OPTION hotline/menu").reply("200 result=-1 endpos=1200");
            call.hangUp();
            call.finish();
        }
        String beforeRecording = nextUniqueId();
        try (AgiCall call = AgiCall.dial(AGI_PORT, "13912340006", beforeRecording)) {
            greeted(call);
            call.expect("GET OPTION hotline/menu").reply("200 result=49 endpos=3200");
            call.expect("STREAM FILE hotline/record-after-beep").reply("200 result=-1 endpos=4000");
            call.hangUp();
            call.expect("RECORD FILE").reply("511 Command Not Permitted on a dead channel or intercept routine");
            call.finish();
        }
        assertThat(queuedContacts(atMenu)).isZero();
        assertThat(queuedContacts(beforeRecording)).isZero();
    }

    @Test
    void hangingUpDuringTheRecordingIsARequestOnlyIfTheCallerSaidSomething() throws Exception {
        String silent = nextUniqueId();
        try (AgiCall call = AgiCall.dial(AGI_PORT, "13912340007", silent)) {
            greeted(call);
            call.expect("GET OPTION hotline/menu").reply("200 result=49 endpos=3200");
            call.expect("STREAM FILE hotline/record-after-beep").reply("200 result=0 endpos=40000");
            call.expect("RECORD FILE").reply("200 result=-1 (hangup) endpos=2400");
            call.hangUp();
            call.finish();
        }
        String spoke = nextUniqueId();
        try (AgiCall call = AgiCall.dial(AGI_PORT, "13912340008", spoke)) {
            greeted(call);
            call.expect("GET OPTION hotline/menu").reply("200 result=49 endpos=3200");
            call.expect("STREAM FILE hotline/record-after-beep").reply("200 result=0 endpos=40000");
            call.expect("RECORD FILE").reply("200 result=-1 (hangup) endpos=80000");
            call.hangUp();
            call.finish();
        }
        assertThat(queuedContacts(silent)).isZero();
        assertThat(queuedContacts(spoke)).isEqualTo(1);
        IntakeQueueDrain.drainAll(context);
        String caseNumber = receipts.caseNumberFor(Channel.PHONE, spoke).orElseThrow();
        tx.executeWithoutResult(s -> assertThat(cases.findByCaseNumber(caseNumber).orElseThrow().getContent())
                .contains("10 秒"));
    }

    @Test
    void anEmptyRecordingIsNotARequestAndTheMenuIsOfferedAgain() throws Exception {
        String uniqueId = nextUniqueId();
        try (AgiCall call = AgiCall.dial(AGI_PORT, "13912340009", uniqueId)) {
            greeted(call);
            call.expect("GET OPTION hotline/menu").reply("200 result=49 endpos=3200");
            call.expect("STREAM FILE hotline/record-after-beep").reply("200 result=0 endpos=40000");
            call.expect("RECORD FILE").reply("200 result=0 (timeout) endpos=0");
            call.expect("STREAM FILE hotline/recording-empty").reply("200 result=0 endpos=8000");
            call.expect("GET OPTION hotline/menu").reply("200 result=48 endpos=3200");
            call.expect("SET VARIABLE HOTLINE_ROUTE agent").reply("200 result=1");
            call.finish();
        }
        assertThat(queuedContacts(uniqueId)).isZero();
    }

    /** What a broken or mismatched Asterisk may answer instead of {@code 200 result=...}. */
    private static final List<String> UNREADABLE_REPLIES = List.of(
            "xyz",
            "510 Invalid or unknown command",
            """
                    520-Invalid command syntax.  Proper usage follows:
                     Usage: GET OPTION <filename> <escape_digits> [timeout]
                    520 End of proper usage.""");

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anUnreadableAnswerAtTheMenuSendsTheCallerToAnAgentWithoutAStackTraceAndTheNextCallIsServed(
            CapturedOutput output) throws Exception {
        for (String unreadable : UNREADABLE_REPLIES) {
            String uniqueId = nextUniqueId();
            try (AgiCall call = AgiCall.dial(AGI_PORT, "13912340010", uniqueId)) {
                greeted(call);
                call.expect("GET OPTION hotline/menu").reply(unreadable);
                call.expect("STREAM FILE hotline/transfer-to-agent").reply("200 result=0 endpos=8000");
                call.expect("SET VARIABLE HOTLINE_ROUTE agent").reply("200 result=1");
                assertThat(call.finish()).as("the IVR ended the call itself after '%s'", unreadable).isEqualTo("SUCCESS");
            }
            assertThat(queuedContacts(uniqueId)).isZero();
        }

        assertThat(recordedRequest("13912340011")).isPresent();
        assertThat(output).doesNotContain("at org.asteriskjava").doesNotContain("AgiException running AgiScript");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anUnreadableAnswerToTheRecordingLeavesNoCaseSendsTheCallerToAnAgentAndTheNextCallIsServed(
            CapturedOutput output) throws Exception {
        for (String unreadable : UNREADABLE_REPLIES) {
            String uniqueId = nextUniqueId();
            try (AgiCall call = AgiCall.dial(AGI_PORT, "13912340012", uniqueId)) {
                greeted(call);
                call.expect("GET OPTION hotline/menu").reply("200 result=49 endpos=3200");
                call.expect("STREAM FILE hotline/record-after-beep").reply("200 result=0 endpos=40000");
                call.expect("RECORD FILE").reply(unreadable);
                call.expect("STREAM FILE hotline/transfer-to-agent").reply("200 result=0 endpos=8000");
                call.expect("SET VARIABLE HOTLINE_ROUTE agent").reply("200 result=1");
                assertThat(call.finish()).as("the IVR ended the call itself after '%s'", unreadable).isEqualTo("SUCCESS");
            }
            assertThat(queuedContacts(uniqueId)).as("no half case after '%s'", unreadable).isZero();
        }
        IntakeQueueDrain.drainAll(context);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hotline_case WHERE citizen_phone = '13912340012'",
                Integer.class)).isZero();

        assertThat(recordedRequest("13912340013")).isPresent();
        assertThat(output).doesNotContain("at org.asteriskjava").doesNotContain("AgiException running AgiScript");
    }

    /** A caller leaves a request the ordinary way; returns the case it became. */
    private Optional<String> recordedRequest(String callerId) throws Exception {
        String uniqueId = nextUniqueId();
        try (AgiCall call = AgiCall.dial(AGI_PORT, callerId, uniqueId)) {
            greeted(call);
            call.expect("GET OPTION hotline/menu").reply("200 result=49 endpos=3200");
            call.expect("STREAM FILE hotline/record-after-beep").reply("200 result=0 endpos=40000");
            call.expect("RECORD FILE").reply("200 result=35 (dtmf) endpos=96000");
            call.expect("STREAM FILE hotline/request-recorded");
            IntakeQueueDrain.drainAll(context);
            call.reply("200 result=0 endpos=16000");
            call.expect("STREAM FILE hotline/your-case-number-is").reply("200 result=0 endpos=8000");
            call.expect("SAY DIGITS").reply("200 result=0");
            call.expect("STREAM FILE hotline/query-code-by-sms").reply("200 result=0 endpos=8000");
            call.expect("STREAM FILE hotline/goodbye").reply("200 result=0 endpos=8000");
            call.expect("SET VARIABLE HOTLINE_ROUTE done").reply("200 result=1");
            assertThat(call.finish()).isEqualTo("SUCCESS");
        }
        return receipts.caseNumberFor(Channel.PHONE, uniqueId);
    }

    private static void greeted(AgiCall call) throws Exception {
        call.expect("ANSWER").reply("200 result=0");
        call.expect("STREAM FILE hotline/welcome ").reply("200 result=0 endpos=24000");
    }

    private int queuedContacts(String uniqueId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM intake_queue_message WHERE channel = 'PHONE' AND channel_message_id = ?",
                Integer.class, uniqueId);
    }

    private static String nextUniqueId() {
        return "1763870000." + (100 + CALLS.incrementAndGet());
    }
}
