package org.hotline8890.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.hotline8890.TestCases;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Closure;
import org.hotline8890.cases.Deadlines;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.cases.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every figure of docs/metrics.md against a set of cases whose figures were worked out by hand.
 * The cases are driven through the aggregate's own methods with fixed instants, so they hold exactly
 * the columns a real life would leave behind. Times are local (Asia/Shanghai), November 2026; the
 * figures are computed at {@link #NOW}, Friday 20 November 10:00.
 */
class ComplianceFiguresTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = at("11-20 10:00");
    private static final Duration FEEDBACK_WINDOW = Duration.ofDays(3);
    private static final Long HOUSING = 11L;
    private static final Long ENVIRONMENT = 12L;

    private int serial;

    /*
     * The hand computation. D dispatched, SB sign by, S signed, HB handle by, R current reply (hours
     * after the latest dispatch), FB feedback asked; "dec" = decided; ✓ counts in the numerator.
     *
     *  #  what                                   status      sign dec/✓   handle dec/✓  R (h)  ret ext fb rh rated/✓   open ovd
     *  1  on time, rated satisfied, closed       CLOSED      ✓ ✓          ✓ ✓           48     -   -   ✓  -  ✓ ✓       -    -
     *  2  signed late, replied late, no rating   CLOSED      ✓ -          ✓ -           96     -   -   ✓  -  - -       -    -
     *  3  never signed, both deadlines passed    DISPATCHED  ✓ -          ✓ -           -      -   -   -  -  - -       ✓    ✓
     *  4  dispatched, SB and HB still ahead      DISPATCHED  - -          - -           -      -   -   -  -  - -       ✓    -
     *  5  signed exactly at SB, HB ahead         HANDLING    ✓ ✓          - -           -      -   -   -  -  - -       ✓    -
     *  6  returned, re-dispatched, replied       REPLIED     ✓ ✓          ✓ ✓           120    ✓   -   -  -  - -       ✓    -
     *  7  returned, refused, returned again      RETURNED    ✓ -          - -           -      ✓   -   -  -  - -       ✓    -
     *  8  extension granted, reply inside it     REPLIED     ✓ ✓          ✓ ✓           264    -   ✓   -  -  - -       ✓    -
     *  9  extension refused, past HB, no reply   HANDLING    ✓ ✓          ✓ -           -      -   -   -  -  - -       ✓    ✓
     * 10  reply sent back, past HB               HANDLING    ✓ ✓          ✓ -           -      -   -   -  -  - -       ✓    ✓
     * 11  very dissatisfied, re-handled, late    REPLIED     ✓ ✓          ✓ -           240    -   -   ✓  ✓  ✓ -       ✓    -
     * 12  dissatisfied, re-handled, then basically satisfied, closed
     *                                            CLOSED      ✓ ✓          ✓ ✓           72     -   -   ✓  ✓  ✓ ✓       -    -
     * 13  urgent, replied exactly at HB, awaiting rating
     *                                            AWAITING_FB ✓ ✓          ✓ ✓           24     -   -   ✓  -  - -       ✓    -
     * 14  answered directly                      CLOSED      not dispatched: only intakeDecided ✓ and answeredDirectly ✓
     * 15  rejected as invalid                    REJECTED    counts in received only
     * 16  merged into case 3                     MERGED      counts in received only
     * 17  waiting for intake review              RECEIVED    received, open
     * 18  no route, waiting for the center       AWAITING_DISPATCH  received, open
     *
     * received 18, dispatched 13 (1–13)
     * sign:       decided 12 (all dispatched but 4), on time 9 (1,5,6,8,9,10,11,12,13) → 9/12 = 0.75
     * handling:   decided 10 (1,2,3,6,8,9,10,11,12,13), on time 5 (1,6,8,12,13) → 5/10 = 0.5
     * returned    2 (6,7) / 13 = 0.153846… → 0.1538
     * extended    1 (8) / 13 = 0.076923… → 0.0769
     * re-handled  2 (11,12) / feedback requested 5 (1,2,11,12,13) = 0.4
     * satisfied   2 (1,12) / rated 3 (1,11,12) = 0.666… → 0.6667
     * direct      1 (14) / intake decided 14 (1–13, 14) = 0.071428… → 0.0714
     * replied 7, hours 48+96+120+264+240+72+24 = 864, 864/7 = 123.428571… → 123.4286
     * open 12 (3–11, 13, 17, 18), overdue 3 (3, 9, 10)
     */
    @Test
    void everyFigureMatchesTheHandComputedSet() {
        HotlineCase three = neverSignedPastBothDeadlines();
        List<HotlineCase> cases = List.of(
                onTimeAndSatisfied(),
                signedLateRepliedLateNoRating(),
                three,
                dispatchedWithBothDeadlinesAhead(),
                signedExactlyAtTheSignDeadline(),
                returnedThenRedispatchedAndReplied(),
                returnedRefusedAndReturnedAgain(),
                extendedAndRepliedInsideTheExtension(),
                extensionRefusedAndPastTheDeadline(),
                replySentBackAfterTheDeadline(),
                veryDissatisfiedRehandledAndRepliedLate(),
                rehandledThenBasicallySatisfied(),
                urgentRepliedExactlyAtTheDeadline(),
                answeredDirectly(),
                rejected(),
                mergedInto(three),
                waitingForIntakeReview(),
                waitingForTheCenterToChoose());

        ComplianceFigures f = ComplianceFigures.of(cases, NOW);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(f.received()).as("received").isEqualTo(18);
        soft.assertThat(f.dispatched()).as("dispatched").isEqualTo(13);
        soft.assertThat(f.signDecided()).as("signDecided").isEqualTo(12);
        soft.assertThat(f.signedOnTime()).as("signedOnTime").isEqualTo(9);
        soft.assertThat(f.onTimeSignRate()).as("onTimeSignRate").isEqualTo(0.75);
        soft.assertThat(f.handlingDecided()).as("handlingDecided").isEqualTo(10);
        soft.assertThat(f.completedOnTime()).as("completedOnTime").isEqualTo(5);
        soft.assertThat(f.onTimeCompletionRate()).as("onTimeCompletionRate").isEqualTo(0.5);
        soft.assertThat(f.returned()).as("returned").isEqualTo(2);
        soft.assertThat(f.returnRate()).as("returnRate").isEqualTo(0.1538);
        soft.assertThat(f.extended()).as("extended").isEqualTo(1);
        soft.assertThat(f.extensionRate()).as("extensionRate").isEqualTo(0.0769);
        soft.assertThat(f.feedbackRequested()).as("feedbackRequested").isEqualTo(5);
        soft.assertThat(f.rehandled()).as("rehandled").isEqualTo(2);
        soft.assertThat(f.rehandlingRate()).as("rehandlingRate").isEqualTo(0.4);
        soft.assertThat(f.rated()).as("rated").isEqualTo(3);
        soft.assertThat(f.satisfied()).as("satisfied").isEqualTo(2);
        soft.assertThat(f.satisfactionRate()).as("satisfactionRate").isEqualTo(0.6667);
        soft.assertThat(f.intakeDecided()).as("intakeDecided").isEqualTo(14);
        soft.assertThat(f.answeredDirectly()).as("answeredDirectly").isEqualTo(1);
        soft.assertThat(f.directAnswerRate()).as("directAnswerRate").isEqualTo(0.0714);
        soft.assertThat(f.replied()).as("replied").isEqualTo(7);
        soft.assertThat(f.averageHandlingHours()).as("averageHandlingHours").isEqualTo(123.4286);
        soft.assertThat(f.open()).as("open").isEqualTo(12);
        soft.assertThat(f.overdue()).as("overdue").isEqualTo(3);
        soft.assertAll();
    }

    @Test
    void theSetIsWhatTheTableSaysItIs() {
        // Guards the table above: if an aggregate method changed what it stores, the hand computation
        // would silently describe other cases.
        assertThat(returnedRefusedAndReturnedAgain().getReturnCount()).isEqualTo(2);
        assertThat(returnedThenRedispatchedAndReplied().getDepartmentId()).isEqualTo(ENVIRONMENT);
        assertThat(extendedAndRepliedInsideTheExtension().getHandleBy()).isEqualTo(at("11-20 23:59:59"));
        assertThat(extensionRefusedAndPastTheDeadline().getExtensionCount()).isZero();
        assertThat(replySentBackAfterTheDeadline().getRepliedAt()).isNull();
        HotlineCase rehandledLate = veryDissatisfiedRehandledAndRepliedLate();
        assertThat(rehandledLate.getSatisfaction()).isEqualTo(Satisfaction.VERY_DISSATISFIED);
        assertThat(rehandledLate.getHandleBy()).isEqualTo(at("11-11 23:59:59"));
        HotlineCase rerated = rehandledThenBasicallySatisfied();
        assertThat(rerated.getRehandleCount()).isEqualTo(1);
        assertThat(rerated.getSatisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(signedLateRepliedLateNoRating().getClosure()).isEqualTo(Closure.NO_FEEDBACK);
        assertThat(waitingForTheCenterToChoose().getStatus()).isEqualTo(CaseStatus.AWAITING_DISPATCH);
    }

    @Test
    void aReturnCountsOnceHoweverOftenTheCaseIsReturned() {
        ComplianceFigures f = ComplianceFigures.of(List.of(returnedRefusedAndReturnedAgain()), NOW);
        assertThat(f.returned()).isEqualTo(1);
        assertThat(f.returnRate()).isEqualTo(1.0);
    }

    @Test
    void aRefusedReturnRestartsTheSignDeadlineFromTheRuling() {
        // Case 7 was dispatched at 09:00 with SB 11:00; the refusal at 12:00 gave a new SB 14:00.
        // At 13:30 the original deadline has passed but the new one has not: undecided.
        ComplianceFigures meanwhile = ComplianceFigures.of(List.of(returnedRefusedAndReturnedAgain()), at("11-19 13:30"));
        assertThat(meanwhile.signDecided()).isZero();
        assertThat(meanwhile.onTimeSignRate()).isNull();
        // Never signed: once the new deadline has passed, it is decided and late.
        ComplianceFigures f = ComplianceFigures.of(List.of(returnedRefusedAndReturnedAgain()), NOW);
        assertThat(f.signDecided()).isEqualTo(1);
        assertThat(f.signedOnTime()).isZero();
        assertThat(f.onTimeSignRate()).isEqualTo(0.0);
    }

    @Test
    void aLateRehandlingReplyMakesTheCaseLateEvenThoughTheFirstReplyWasOnTime() {
        ComplianceFigures f = ComplianceFigures.of(List.of(veryDissatisfiedRehandledAndRepliedLate()), NOW);
        assertThat(f.handlingDecided()).isEqualTo(1);
        assertThat(f.completedOnTime()).isZero();
        // Measured from the dispatch, not from the re-opening: 11-02 11:00 → 11-12 11:00.
        assertThat(f.averageHandlingHours()).isEqualTo(240.0);
    }

    @Test
    void aCaseAskedToRateAgainLeavesTheSatisfactionFigureUntilTheNewRatingArrives() {
        HotlineCase c = rehandledReplyAccepted();
        ComplianceFigures f = ComplianceFigures.of(List.of(c), NOW);
        assertThat(f.feedbackRequested()).isEqualTo(1);
        assertThat(f.rehandled()).isEqualTo(1);
        assertThat(f.rated()).isZero();
        assertThat(f.satisfactionRate()).isNull();
    }

    @Test
    void anUndecidedCaseIsInNeitherNumeratorNorDenominator() {
        ComplianceFigures f = ComplianceFigures.of(List.of(dispatchedWithBothDeadlinesAhead()), NOW);
        assertThat(f.dispatched()).isEqualTo(1);
        assertThat(f.signDecided()).isZero();
        assertThat(f.onTimeSignRate()).isNull();
        assertThat(f.handlingDecided()).isZero();
        assertThat(f.onTimeCompletionRate()).isNull();
        assertThat(f.open()).isEqualTo(1);
        assertThat(f.overdue()).isZero();
    }

    @Test
    void anEmptyGroupHasZeroCountsAndNoRates() {
        ComplianceFigures f = ComplianceFigures.of(List.of(), NOW);
        assertThat(f).isEqualTo(new ComplianceFigures(0, 0, 0, 0, null, 0, 0, null, 0, null, 0, null,
                0, 0, null, 0, 0, null, 0, 0, null, 0, null, 0, 0));
    }

    // --- the cases of the table, each driven through the aggregate's own methods ---

    /** 1: signed at 11:00 (SB 12:00), replied 48 h after the dispatch, rated SATISFIED, closed. */
    private HotlineCase onTimeAndSatisfied() {
        HotlineCase c = received("11-02 09:30");
        c.dispatchTo(ENVIRONMENT, deadlines("11-02 12:00", "11-09 23:59:59"), "center", at("11-02 10:00"));
        c.signFor("dept", at("11-02 11:00"));
        c.reply("已处理", "dept", at("11-04 10:00"));
        acceptAndAskForRating(c, "11-04 11:00");
        c.recordFeedback(Satisfaction.SATISFIED, null, "citizen", at("11-05 09:00"));
        c.closeWithFeedback(at("11-05 09:00"));
        return c;
    }

    /** 2: signed 14:00 (SB 12:00), replied 11-07 (HB 11-06), 96 h; the window passed without a rating. */
    private HotlineCase signedLateRepliedLateNoRating() {
        HotlineCase c = received("11-03 09:30");
        c.dispatchTo(ENVIRONMENT, deadlines("11-03 12:00", "11-06 23:59:59"), "center", at("11-03 10:00"));
        c.signFor("dept", at("11-03 14:00"));
        c.reply("已处理", "dept", at("11-07 10:00"));
        acceptAndAskForRating(c, "11-07 11:00");
        c.closeWithoutFeedback(at("11-10 11:00"));
        return c;
    }

    /** 3: SB 11-04 12:00 and HB 11-11 both passed, nobody signed. */
    private HotlineCase neverSignedPastBothDeadlines() {
        HotlineCase c = received("11-04 09:30");
        c.dispatchTo(HOUSING, deadlines("11-04 12:00", "11-11 23:59:59"), "center", at("11-04 10:00"));
        return c;
    }

    /** 4: dispatched an hour before NOW; SB 11:00 and HB 11-27 are both ahead. */
    private HotlineCase dispatchedWithBothDeadlinesAhead() {
        HotlineCase c = received("11-20 08:30");
        c.dispatchTo(HOUSING, deadlines("11-20 11:00", "11-27 23:59:59"), "center", at("11-20 09:00"));
        return c;
    }

    /** 5: signed at 12:00 sharp, the sign deadline itself; HB 11-25 still ahead. */
    private HotlineCase signedExactlyAtTheSignDeadline() {
        HotlineCase c = received("11-18 09:30");
        c.dispatchTo(HOUSING, deadlines("11-18 12:00", "11-25 23:59:59"), "center", at("11-18 10:00"));
        c.signFor("dept", at("11-18 12:00"));
        return c;
    }

    /** 6: housing returned it; re-dispatched to environment at 13:00, which signed and replied 120 h later. */
    private HotlineCase returnedThenRedispatchedAndReplied() {
        HotlineCase c = received("11-05 09:30");
        c.dispatchTo(HOUSING, deadlines("11-05 12:00", "11-12 23:59:59"), "center", at("11-05 10:00"));
        c.returnToCenter("不属于本单位职责", "housing", at("11-05 11:00"));
        c.dispatchTo(ENVIRONMENT, deadlines("11-05 15:00", "11-12 23:59:59"), "center", at("11-05 13:00"));
        c.signFor("dept", at("11-05 14:00"));
        c.reply("已处理", "dept", at("11-10 13:00"));
        return c;
    }

    /** 7: SB 11:00; returned at 10:00, refused at 12:00 (new SB 14:00), returned again at 13:00. */
    private HotlineCase returnedRefusedAndReturnedAgain() {
        HotlineCase c = received("11-19 08:30");
        c.dispatchTo(HOUSING, deadlines("11-19 11:00", "11-26 23:59:59"), "center", at("11-19 09:00"));
        c.returnToCenter("不属于本单位职责", "housing", at("11-19 10:00"));
        c.refuseReturn("属于住建职责", 3, at("11-19 14:00"), true, "center", at("11-19 12:00"));
        c.returnToCenter("仍不属于本单位职责", "housing", at("11-19 13:00"));
        return c;
    }

    /** 8: HB 11-13 extended to 11-20 23:59:59; replied 11-17, after the original HB but inside the new one. */
    private HotlineCase extendedAndRepliedInsideTheExtension() {
        HotlineCase c = received("11-06 09:30");
        c.dispatchTo(ENVIRONMENT, deadlines("11-06 12:00", "11-13 23:59:59"), "center", at("11-06 10:00"));
        c.signFor("dept", at("11-06 11:00"));
        c.requestExtension(at("11-20 23:59:59"), "需第三方检测", "dept", at("11-10 10:00"));
        c.grantExtension(at("11-19 10:00"), "center", at("11-10 12:00"));
        c.reply("已处理", "dept", at("11-17 10:00"));
        return c;
    }

    /** 9: the extension to 11-23 was refused; HB 11-16 passed without a reply. */
    private HotlineCase extensionRefusedAndPastTheDeadline() {
        HotlineCase c = received("11-09 09:30");
        c.dispatchTo(ENVIRONMENT, deadlines("11-09 12:00", "11-16 23:59:59"), "center", at("11-09 10:00"));
        c.signFor("dept", at("11-09 11:00"));
        c.requestExtension(at("11-23 23:59:59"), "需第三方检测", "dept", at("11-12 10:00"));
        c.refuseExtension("理由不充分", "center", at("11-12 13:00"));
        return c;
    }

    /** 10: replied 11-12 on time, but the center sent the reply back; HB 11-17 has passed since. */
    private HotlineCase replySentBackAfterTheDeadline() {
        HotlineCase c = received("11-10 09:30");
        c.dispatchTo(ENVIRONMENT, deadlines("11-10 12:00", "11-17 23:59:59"), "center", at("11-10 10:00"));
        c.signFor("dept", at("11-10 11:00"));
        c.reply("已处理", "dept", at("11-12 10:00"));
        c.sendBackReply("答复未说明处理结果", "center", at("11-12 13:00"));
        return c;
    }

    /** 11: first reply on time, rated VERY_DISSATISFIED, re-opened with HB 11-11, re-replied 11-12 (late). */
    private HotlineCase veryDissatisfiedRehandledAndRepliedLate() {
        HotlineCase c = received("11-02 10:30");
        c.dispatchTo(ENVIRONMENT, deadlines("11-02 13:00", "11-09 23:59:59"), "center", at("11-02 11:00"));
        c.signFor("dept", at("11-02 12:00"));
        c.reply("已处理", "dept", at("11-03 11:00"));
        acceptAndAskForRating(c, "11-03 12:00");
        c.recordFeedback(Satisfaction.VERY_DISSATISFIED, "没解决", "citizen", at("11-04 09:00"));
        c.reopenForRehandling(deadlines("11-04 12:00", "11-11 23:59:59"), at("11-04 09:00"));
        c.reply("已再次处理", "dept", at("11-12 11:00"));
        return c;
    }

    /** 12: re-handled after DISSATISFIED, re-replied 11-06 (72 h after the dispatch), then BASICALLY_SATISFIED. */
    private HotlineCase rehandledThenBasicallySatisfied() {
        HotlineCase c = rehandledReplyAccepted();
        c.recordFeedback(Satisfaction.BASICALLY_SATISFIED, null, "citizen", at("11-07 09:00"));
        c.closeWithFeedback(at("11-07 09:00"));
        return c;
    }

    private HotlineCase rehandledReplyAccepted() {
        HotlineCase c = received("11-03 10:30");
        c.dispatchTo(HOUSING, deadlines("11-03 13:00", "11-10 23:59:59"), "center", at("11-03 11:00"));
        c.signFor("dept", at("11-03 12:00"));
        c.reply("已处理", "dept", at("11-04 11:00"));
        acceptAndAskForRating(c, "11-04 12:00");
        c.recordFeedback(Satisfaction.DISSATISFIED, null, "citizen", at("11-05 09:00"));
        c.reopenForRehandling(deadlines("11-05 13:00", "11-12 23:59:59"), at("11-05 10:00"));
        c.reply("已再次处理", "dept", at("11-06 11:00"));
        acceptAndAskForRating(c, "11-06 12:00");
        return c;
    }

    /** 13: urgent, wall-clock limits (SB 30 min, HB 24 h); replied at HB sharp; the rating window runs to 11-20 11:00. */
    private HotlineCase urgentRepliedExactlyAtTheDeadline() {
        HotlineCase c = received("11-16 09:50", Urgency.URGENT);
        c.dispatchTo(ENVIRONMENT, deadlines("11-16 10:30", "11-17 10:00"), "center", at("11-16 10:00"));
        c.signFor("dept", at("11-16 10:20"));
        c.reply("已处理", "dept", at("11-17 10:00"));
        acceptAndAskForRating(c, "11-17 11:00");
        return c;
    }

    private HotlineCase answeredDirectly() {
        HotlineCase c = received("11-05 09:00");
        c.answerDirectly("携带身份证到社保经办机构办理即可。", "agent", at("11-05 09:05"));
        return c;
    }

    private HotlineCase rejected() {
        HotlineCase c = received("11-06 09:00");
        c.reject("无实质内容", "center", at("11-06 09:30"));
        return c;
    }

    private HotlineCase mergedInto(HotlineCase primary) {
        // mergeInto needs the primary's id, which the database would have assigned when it was saved.
        ReflectionTestUtils.setField(primary, "id", 3L);
        HotlineCase c = received("11-04 11:00");
        c.mergeInto(primary, "center", at("11-04 11:30"));
        return c;
    }

    private HotlineCase waitingForIntakeReview() {
        return received("11-19 16:00");
    }

    private HotlineCase waitingForTheCenterToChoose() {
        HotlineCase c = received("11-19 17:00");
        c.awaitManualDispatch("system", at("11-19 17:01"));
        return c;
    }

    // --- helpers ---

    private void acceptAndAskForRating(HotlineCase c, String when) {
        c.acceptReply("center", at(when));
        c.requestFeedback(FEEDBACK_WINDOW, at(when));
    }

    private HotlineCase received(String when) {
        return received(when, Urgency.NORMAL);
    }

    private HotlineCase received(String when, Urgency urgency) {
        serial++;
        return HotlineCase.receive(
                TestCases.request(CaseType.COMPLAINT, "ENV.NOISE", "DC", urgency, true, false, at(when)),
                "8890-202611%02d-%06d".formatted(serial, serial), "hash", "test");
    }

    /** The warning time does not enter any figure; it only has to lie before the handling deadline. */
    private static Deadlines deadlines(String signBy, String handleBy) {
        return new Deadlines(at(signBy), at(signBy), at(handleBy), true);
    }

    /** "MM-dd HH:mm[:ss]" in November 2026, hotline time. */
    private static Instant at(String monthDayTime) {
        String text = "2026-" + monthDayTime.replace(' ', 'T');
        return LocalDateTime.parse(text.length() == 16 ? text + ":00" : text).atZone(ZONE).toInstant();
    }
}
