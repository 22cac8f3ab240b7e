package org.hotline8890.publication;

import java.util.UUID;

import org.hotline8890.TestCases;
import org.hotline8890.api.CaseRequest;
import org.hotline8890.api.CitizenDesk;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;

/** Takes a citizen's web request through its whole life, to the publish step, as the staff would. */
public final class ClosedCases {

    public static final String REPLY = "已责令工地停止夜间施工。";

    private ClosedCases() {
    }

    /** A request from 张三丰 in district NH, with his name and phone in the text, closed satisfied; the case number. */
    public static String close(CitizenDesk desk, CaseActions actions, Organisation organisation, String subject,
                               String content, boolean confidential) {
        String number = desk.submit(new CaseRequest(CaseType.COMPLAINT, "ENV.NOISE", null, "NH", null, subject, content,
                "张三丰", "13812345678", null, false, confidential, true, null), UUID.randomUUID().toString()).caseNumber();
        Staff dispatcher = TestCases.dispatcher(organisation);
        actions.reviewIntake(dispatcher, number, org.hotline8890.workflow.IntakeDecision.DISPATCH, null, null, null);
        Staff handler = TestCases.staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
        actions.sign(handler, number);
        actions.reply(handler, number, REPLY);
        actions.reviewReply(dispatcher, number, true, null);
        actions.recordRatingFromChannel(number, Satisfaction.SATISFIED, null, "citizen");
        return number;
    }
}
