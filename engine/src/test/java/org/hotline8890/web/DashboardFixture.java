package org.hotline8890.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.hotline8890.TestCases;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Deadlines;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.cases.Urgency;
import org.hotline8890.organisation.Organisation;

/**
 * Cases with known timings for the dashboard and ranking tests, received in 2019 so no other suite's
 * period counts them, and all closed so no board of open or overdue cases lists them. Stored once per
 * database, whichever test class comes first.
 *
 * <pre>
 * dashboard, 2019-05 to 2019-06
 *  #  received   dept  district  sign            completion      rating
 *  1  05-06      HBJ   DC        on time         on time         SATISFIED
 *  2  05-07      HBJ   DC        late            late            none (closed without)
 *  3  06-03      ZJJ   XC        on time         on time         BASICALLY_SATISFIED
 *  4  06-10      —     XC        answered directly at intake
 *
 * ranking, 2019-07 (default minimum 5 dispatched cases): five cases each, all completed on time and
 * rated satisfied; department number i (0-5) of HBJ, ZJJ, SCJG, JTJ, RSJ, DC-CGJ signed i of them late,
 * so its score is 100 − 5i. XC-CGJ has two cases (not ranked), NH-CGJ none (not ranked).
 * </pre>
 */
final class DashboardFixture {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] RANKED = {"HBJ", "ZJJ", "SCJG", "JTJ", "RSJ", "DC-CGJ"};
    private static final String FIRST_NUMBER = "8890-20190506-900001";

    private final CaseRepository cases;
    private final Organisation organisation;
    private int serial;

    private DashboardFixture(CaseRepository cases, Organisation organisation) {
        this.cases = cases;
        this.organisation = organisation;
    }

    static synchronized void ensureStored(CaseRepository cases, Organisation organisation) {
        if (cases.findByCaseNumber(FIRST_NUMBER).isPresent()) {
            return;
        }
        new DashboardFixture(cases, organisation).store();
    }

    private void store() {
        HotlineCase one = received("2019-05-06 09:00", "DC");
        handled(one, "HBJ", "2019-05-06 10:00", true, true);
        rated(one, Satisfaction.SATISFIED);

        HotlineCase two = received("2019-05-07 09:00", "DC");
        handled(two, "HBJ", "2019-05-07 10:00", false, false);
        two.acceptReply("center", two.getRepliedAt().plusSeconds(3600));
        two.requestFeedback(Duration.ofDays(3), two.getRepliedAt().plusSeconds(3600));
        two.closeWithoutFeedback(two.getRepliedAt().plus(Duration.ofDays(4)));
        cases.save(two);

        HotlineCase three = received("2019-06-03 09:00", "XC");
        handled(three, "ZJJ", "2019-06-03 10:00", true, true);
        rated(three, Satisfaction.BASICALLY_SATISFIED);

        HotlineCase four = received("2019-06-10 09:00", "XC");
        four.answerDirectly("携带身份证到社保经办机构办理即可。", "agent", at("2019-06-10 09:05"));
        cases.save(four);

        for (int i = 0; i < RANKED.length; i++) {
            for (int n = 0; n < 5; n++) {
                HotlineCase c = received("2019-07-%02d 09:00".formatted(n + 1), "DC");
                handled(c, RANKED[i], "2019-07-%02d 10:00".formatted(n + 1), n >= i, true);
                rated(c, Satisfaction.SATISFIED);
            }
        }
        for (int n = 0; n < 2; n++) {
            HotlineCase c = received("2019-07-%02d 09:00".formatted(n + 10), "XC");
            handled(c, "XC-CGJ", "2019-07-%02d 10:00".formatted(n + 10), true, true);
            rated(c, Satisfaction.SATISFIED);
        }
    }

    /** Dispatched an hour after receipt with two hours to sign and a week to handle. */
    private void handled(HotlineCase c, String department, String dispatchedAt, boolean signOnTime, boolean replyOnTime) {
        Instant dispatched = at(dispatchedAt);
        Instant signBy = dispatched.plus(Duration.ofHours(2));
        Instant handleBy = dispatched.plus(Duration.ofDays(7));
        c.dispatchTo(organisation.byCode(department).orElseThrow().getId(),
                new Deadlines(signBy, signBy, handleBy, true), "center", dispatched);
        c.signFor("dept", signOnTime ? dispatched.plus(Duration.ofHours(1)) : dispatched.plus(Duration.ofHours(4)));
        c.reply("已处理", "dept", replyOnTime ? dispatched.plus(Duration.ofDays(2)) : dispatched.plus(Duration.ofDays(9)));
    }

    private void rated(HotlineCase c, Satisfaction rating) {
        Instant accepted = c.getRepliedAt().plusSeconds(3600);
        c.acceptReply("center", accepted);
        c.requestFeedback(Duration.ofDays(3), accepted);
        c.recordFeedback(rating, null, "citizen", accepted.plusSeconds(3600));
        c.closeWithFeedback(accepted.plusSeconds(3600));
        cases.save(c);
    }

    private HotlineCase received(String when, String district) {
        serial++;
        String number = serial == 1 ? FIRST_NUMBER : "8890-20190506-9%05d".formatted(serial);
        return HotlineCase.receive(TestCases.request(CaseType.COMPLAINT, "ENV.NOISE", district, Urgency.NORMAL, true, false,
                at(when)), number, "hash", "test");
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime.replace(' ', 'T') + ":00").atZone(ZONE).toInstant();
    }
}
