package org.hotline8890;

import java.time.Instant;
import java.util.List;

import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.CitizenContact;
import org.hotline8890.cases.NewCase;
import org.hotline8890.cases.Urgency;
import org.hotline8890.channels.Channel;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;

/** Builders for the requests and staff members tests use, on the demo city. */
public final class TestCases {

    private TestCases() {
    }

    public static NewCase noiseComplaint(Instant at) {
        return request(CaseType.COMPLAINT, "ENV.NOISE", "DC", Urgency.NORMAL, true, false, at);
    }

    public static NewCase request(CaseType type, String category, String district, Urgency urgency,
                                  boolean consent, boolean confidential, Instant at) {
        return new NewCase(Channel.WEB, type, category, urgency, district, "东华路12号楼3单元402室",
                new CitizenContact("张三丰", "13812345678", null, null, false), confidential, consent,
                "夜间施工噪音", "张三丰反映：东华路工地每晚23点后仍在施工，电话13812345678。", List.of(), at);
    }

    public static Staff staff(Organisation organisation, String username, Role role, String unitCode) {
        OrgUnit unit = organisation.byCode(unitCode).orElseThrow();
        return new Staff(username, role, unit.getId(), unit.getPath());
    }

    public static Staff dispatcher(Organisation organisation) {
        return staff(organisation, "dispatcher", Role.DISPATCHER, "CENTER");
    }

    public static Staff supervisor(Organisation organisation) {
        return staff(organisation, "supervisor", Role.SUPERVISOR, "CENTER");
    }
}
