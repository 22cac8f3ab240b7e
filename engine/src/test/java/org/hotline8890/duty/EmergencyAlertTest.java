package org.hotline8890.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.request;
import static org.hotline8890.TestCases.staff;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.hotline8890.TestClock;
import org.hotline8890.cases.CaseEvent;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Urgency;
import org.hotline8890.notification.CitizenNotification;
import org.hotline8890.notification.CitizenNotificationRepository;
import org.hotline8890.notification.NotificationKind;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Urgent cases dispatched out of hours, through the real process, roster, outbox and event log. Each
 * test uses its own night, so shifts of other tests in the shared database are not on duty then.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class EmergencyAlertTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;
    @Autowired CitizenNotificationRepository outbox;
    @Autowired DutyRoster roster;
    @Autowired Organisation organisation;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anUrgentCaseDispatchedAtNightAlertsTheDepartmentsOfficerBySmsAndShortensTheSignForDeadline() {
        roster.add(staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ"), "HBJ", "夜班王", "13911110001",
                "2031-03-04 18:00", "2031-03-05 08:30", "OFFICER");
        Instant night = at("2031-03-04T22:10");

        HotlineCase c = dispatchedAt(night, Urgency.URGENT);

        List<CitizenNotification> alerts = alertsOf(c);
        assertThat(alerts).singleElement().satisfies(n -> {
            assertThat(n.getRecipientPhone()).isEqualTo("13911110001");
            assertThat(n.getRecipientName()).isEqualTo("夜班王");
            assertThat(n.getChannel().name()).isEqualTo("SMS");
            assertThat(n.getMessage()).contains(c.getCaseNumber(), "紧急", "03-04 22:25");
        });
        Instant signBy = night.plus(Duration.ofMinutes(15));
        assertThat(c.getSignBy()).isEqualTo(signBy);
        assertThat(signTimer(c).getDuedate().toInstant()).isEqualTo(signBy);
        assertThat(runtime.getVariable(signTimer(c).getProcessInstanceId(), "signDue"))
                .isEqualTo(java.util.Date.from(signBy));
        assertThat(eventsOf(c, CaseEventType.DUTY_ALERTED)).singleElement()
                .satisfies(e -> assertThat(e.getComment()).contains("值班员", "夜班王", "HBJ"));
    }

    @Test
    void withNoOfficerOnDutyTheCentersDutySupervisorIsAlerted() {
        roster.add(staff(organisation, "admin", Role.ADMIN, "CITY"), "CENTER", "值班长李", "13911110002",
                "2031-03-11 18:00", "2031-03-12 08:30", "SUPERVISOR");

        HotlineCase c = dispatchedAt(at("2031-03-12T02:00"), Urgency.VERY_URGENT);

        assertThat(alertsOf(c)).singleElement().satisfies(n -> {
            assertThat(n.getRecipientPhone()).isEqualTo("13911110002");
            assertThat(n.getMessage()).contains("特急");
        });
        assertThat(eventsOf(c, CaseEventType.DUTY_ALERTED)).singleElement()
                .satisfies(e -> assertThat(e.getComment()).contains("值班长", "值班长李", "CENTER"));
    }

    @Test
    void anOfficerOfAParentUnitAnswersForADepartmentWithoutOne() {
        roster.add(staff(organisation, "admin", Role.ADMIN, "CITY"), "CITY", "市值班员", "13911110003",
                "2031-03-22 00:00", "2031-03-23 00:00", "OFFICER");

        HotlineCase c = dispatchedAt(at("2031-03-22T11:00"), Urgency.URGENT); // a Saturday

        assertThat(alertsOf(c)).extracting(CitizenNotification::getRecipientPhone).containsExactly("13911110003");
    }

    @Test
    void withNobodyOnTheRosterTheCaseSaysSoAndNothingIsSent() {
        HotlineCase c = dispatchedAt(at("2031-04-01T23:00"), Urgency.URGENT);

        assertThat(alertsOf(c)).isEmpty();
        assertThat(eventsOf(c, CaseEventType.DUTY_UNREACHED)).singleElement()
                .satisfies(e -> assertThat(e.getComment()).contains("HBJ"));
        assertThat(c.getSignBy()).as("the dispatch's own deadline stands").isEqualTo(at("2031-04-01T23:30"));
    }

    @Test
    void anUrgentCaseInOfficeHoursAndANormalCaseAtNightAlertNobody() {
        roster.add(staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ"), "HBJ", "白班张", "13911110004",
                "2031-04-08 00:00", "2031-04-09 00:00", "OFFICER");

        HotlineCase daytime = dispatchedAt(at("2031-04-08T10:00"), Urgency.URGENT);
        HotlineCase normal = dispatchedAt(at("2031-04-08T22:00"), Urgency.NORMAL);

        assertThat(alertsOf(daytime)).isEmpty();
        assertThat(alertsOf(normal)).isEmpty();
        assertThat(eventsOf(daytime, CaseEventType.DUTY_ALERTED)).isEmpty();
        assertThat(eventsOf(normal, CaseEventType.DUTY_UNREACHED)).isEmpty();
    }

    @Test
    void anUrgentCaseSentToASubCenterAtNightShortensTheSubCentersOwnSignForClock() {
        roster.add(staff(organisation, "admin", Role.ADMIN, "CITY"), "DC", "区值班赵", "13911110009",
                "2031-05-13 18:00", "2031-05-14 08:30", "OFFICER");
        Instant night = at("2031-05-13T22:10");
        clock.setTo(night);
        String n = intake.open(request(CaseType.COMPLAINT, "URBAN.ROAD", "DC", Urgency.URGENT, true, false, night),
                IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
        actions.reviewIntake(dispatcher(organisation), n, IntakeDecision.DISPATCH, null, null, "DC");
        HotlineCase c = cases.findByCaseNumber(n).orElseThrow();

        assertThat(alertsOf(c)).extracting(CitizenNotification::getRecipientPhone).containsExactly("13911110009");
        Instant signBy = night.plus(Duration.ofMinutes(15));
        assertThat(c.getSubCenterSignBy()).isEqualTo(signBy);
        assertThat(timer(c, "Timer_SubCenterSignDeadline").getDuedate().toInstant()).isEqualTo(signBy);
    }

    @Test
    void anUrgentCaseASubCenterReDispatchesAtNightAlertsTheReceivingUnitsDutyOfficer() {
        roster.add(staff(organisation, "admin", Role.ADMIN, "CITY"), "DC", "区值班钱", "13911110011",
                "2031-05-20 18:00", "2031-05-21 08:30", "OFFICER");
        roster.add(staff(organisation, "admin", Role.ADMIN, "CITY"), "DC-DH", "街道值班孙", "13911110012",
                "2031-05-20 18:00", "2031-05-21 08:30", "OFFICER");
        Instant night = at("2031-05-20T22:10");
        clock.setTo(night);
        String n = intake.open(request(CaseType.COMPLAINT, "URBAN.ROAD", "DC", Urgency.URGENT, true, false, night),
                IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
        actions.reviewIntake(dispatcher(organisation), n, IntakeDecision.DISPATCH, null, null, "DC");
        Staff districtDc = staff(organisation, "district-dc", Role.DEPARTMENT, "DC");
        actions.sign(districtDc, n);
        Instant redispatched = at("2031-05-20T22:20");
        clock.setTo(redispatched);
        actions.redispatchInSubCenter(districtDc, n, "DC-DH");
        HotlineCase c = cases.findByCaseNumber(n).orElseThrow();

        assertThat(alertsOf(c)).extracting(CitizenNotification::getRecipientPhone)
                .containsExactly("13911110011", "13911110012");
        Instant signBy = redispatched.plus(Duration.ofMinutes(15));
        assertThat(c.getSignBy()).isEqualTo(signBy);
        assertThat(timer(c, "Timer_LowerSignDeadline").getDuedate().toInstant()).isEqualTo(signBy);
        assertThat(eventsOf(c, CaseEventType.DUTY_ALERTED)).hasSize(2);
    }

    private HotlineCase dispatchedAt(Instant at, Urgency urgency) {
        clock.setTo(at);
        String n = intake.open(request(CaseType.COMPLAINT, "ENV.NOISE", "DC", urgency, true, false, at),
                IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
        actions.reviewIntake(dispatcher(organisation), n, IntakeDecision.DISPATCH, null, null, null);
        HotlineCase c = cases.findByCaseNumber(n).orElseThrow();
        assertThat(organisation.byId(c.getDepartmentId()).orElseThrow().getCode()).isEqualTo("HBJ");
        return c;
    }

    private List<CitizenNotification> alertsOf(HotlineCase c) {
        return outbox.findByCaseIdOrderByIdAsc(c.getId()).stream()
                .filter(n -> n.getKind() == NotificationKind.DUTY_ALERT).toList();
    }

    private List<CaseEvent> eventsOf(HotlineCase c, CaseEventType type) {
        return events.findByCaseIdOrderByIdAsc(c.getId()).stream().filter(e -> e.getType() == type).toList();
    }

    private Job signTimer(HotlineCase c) {
        return timer(c, "Timer_SignDeadline");
    }

    private Job timer(HotlineCase c, String activity) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.getCaseNumber())
                .singleResult().getId();
        return management.createJobQuery().processInstanceId(instance).timers().list().stream()
                .filter(j -> activity.equals(management.createJobDefinitionQuery()
                        .jobDefinitionId(j.getJobDefinitionId()).singleResult().getActivityId()))
                .findFirst().orElseThrow();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
