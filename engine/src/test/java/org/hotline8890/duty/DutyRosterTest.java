package org.hotline8890.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline8890.TestCases.staff;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The roster's rules on the real database: CSV import line by line, all or nothing, and who edits what. */
@SpringBootTest
@ActiveProfiles("test")
class DutyRosterTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String HEADER = "department code,name,phone,start,end,role\n";

    @Autowired DutyRoster roster;
    @Autowired DutyEntryRepository entries;
    @Autowired Organisation organisation;

    Staff environment;
    Staff housing;
    Staff admin;

    @BeforeEach
    void logIn() {
        environment = staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
        housing = staff(organisation, "dept-housing", Role.DEPARTMENT, "ZJJ");
        admin = staff(organisation, "admin", Role.ADMIN, "CITY");
    }

    @Test
    void aGoodFileWithAByteOrderMarkAndQuotedFieldsIsImportedWhole() {
        long before = entries.count();
        String csv = "\uFEFF" + HEADER
                + "HBJ,王值班,13900000001,2030-03-04 18:00,2030-03-05 08:30,OFFICER\r\n"
                + "HBJ,\"李, 值班\",139-0000-0002,2030-03-05T18:00,2030-03-06T08:30,officer\r\n"
                + "\r\n";

        int imported = roster.importCsv(environment, csv.getBytes(StandardCharsets.UTF_8));

        assertThat(imported).isEqualTo(2);
        assertThat(entries.count()).isEqualTo(before + 2);
        assertThat(roster.onDutyFor(organisation.byCode("HBJ").orElseThrow().getId(), at("2030-03-05T23:00")))
                .hasValueSatisfying(d -> {
                    assertThat(d.name()).isEqualTo("李, 值班");
                    assertThat(d.phone()).isEqualTo("139-0000-0002");
                    assertThat(d.role()).isEqualTo(DutyRole.OFFICER);
                });
    }

    @Test
    void anEndGivenAsATimeOfDayEndsAtItsFirstOccurrenceAfterTheStart() {
        String csv = HEADER
                + "HBJ,夜班时段,13900000013,2030-07-01 18:00,08:30,OFFICER\n"
                + "HBJ,白班时段,13900000014,2030-07-02 08:30,18:00,OFFICER\n";

        DutyRoster.ImportPreview preview = roster.preview(environment, csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.problems()).isEmpty();
        assertThat(preview.shifts()).extracting(DutyRoster.Shift::end)
                .containsExactly(at("2030-07-02T08:30"), at("2030-07-02T18:00"));
    }

    @Test
    void oneBadLineRefusesTheWholeFileAndEveryBadLineIsNamed() {
        long before = entries.count();
        String csv = HEADER
                + "HBJ,赵值班,13900000003,2030-04-01 18:00,2030-04-02 08:30,OFFICER\n"
                + "HBJ,钱值班,13900000004,2030-04-02 18:00,2030-04-02 08:30,OFFICER\n"
                + "NOSUCH,孙值班,13900000005,2030-04-03 18:00,2030-04-04 08:30,OFFICER\n"
                + "HBJ,周值班,not-a-phone,yesterday,2030-04-04 08:30,CAPTAIN\n"
                + "HBJ,吴值班,13900000006\n";

        assertThatThrownBy(() -> roster.importCsv(environment, csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RosterRefusedException.class, e -> {
                    assertThat(e.problems()).extracting(RosterProblem::describe).contains(
                            "line 3: end is before start",
                            "line 4: no department with code 'NOSUCH'",
                            "line 5: phone 'not-a-phone' is not a phone number",
                            "line 5: role must be OFFICER or SUPERVISOR",
                            "line 6: expected 6 columns, found 3");
                    assertThat(e.problems()).extracting(RosterProblem::code).contains("start");
                    assertThat(e.problems()).noneMatch(p -> p.line() == 2);
                });
        assertThat(entries.count()).as("nothing of the file was saved, not even its good line").isEqualTo(before);
    }

    @Test
    void thePreviewShowsTheGoodLinesAndTheProblemsAndSavesNothing() {
        long before = entries.count();
        String csv = HEADER
                + "HBJ,郑值班,13900000007,2030-05-01 18:00,2030-05-02 08:30,OFFICER\n"
                + "HBJ,冯值班,13900000008,2030-05-02 18:00,2030-05-01 08:30,OFFICER\n";

        DutyRoster.ImportPreview preview = roster.preview(environment, csv.getBytes(StandardCharsets.UTF_8));

        assertThat(preview.shifts()).extracting(DutyRoster.Shift::name).containsExactly("郑值班");
        assertThat(preview.problems()).extracting(RosterProblem::describe).containsExactly("line 3: end is before start");
        assertThat(preview.acceptable()).isFalse();
        assertThat(entries.count()).isEqualTo(before);
    }

    @Test
    void aFileWithOnlyAHeaderOrNotInUtf8IsRefused() {
        assertThatThrownBy(() -> roster.importCsv(environment, HEADER.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RosterRefusedException.class, e -> assertThat(e.problems())
                        .extracting(RosterProblem::code).containsExactly("empty"));
        byte[] gbk = {(byte) 0xC4, (byte) 0xE3, (byte) 0xBA, (byte) 0xC3, '\n', (byte) 0xFF};
        assertThatThrownBy(() -> roster.importCsv(environment, gbk))
                .isInstanceOfSatisfying(RosterRefusedException.class, e -> assertThat(e.problems())
                        .extracting(RosterProblem::code).containsExactly("encoding"));
    }

    @Test
    void aDepartmentCanEditOnlyItsOwnOfficersAndAnAdminAnyUnitAndTheSupervisors() {
        long before = entries.count();
        String othersAndSupervisor = HEADER
                + "ZJJ,陈值班,13900000009,2030-06-01 18:00,2030-06-02 08:30,OFFICER\n"
                + "HBJ,褚值班,13900000010,2030-06-01 18:00,2030-06-02 08:30,SUPERVISOR\n";
        assertThatThrownBy(() -> roster.importCsv(environment, othersAndSupervisor.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RosterRefusedException.class, e -> assertThat(e.problems())
                        .extracting(RosterProblem::describe).containsExactly(
                                "line 2: you may only edit your own department's officers",
                                "line 3: you may only edit your own department's officers"));
        assertThatThrownBy(() -> roster.add(environment, "ZJJ", "卫值班", "13900000011", "2030-06-03 18:00",
                "2030-06-04 08:30", "OFFICER")).isInstanceOf(RosterRefusedException.class);
        assertThat(entries.count()).isEqualTo(before);

        DutyRoster.Shift housingShift = roster.add(housing, "ZJJ", "蒋值班", "13900000012", "2030-06-03 18:00",
                "2030-06-04 08:30", "OFFICER");
        assertThat(roster.shifts(environment)).extracting(DutyRoster.Shift::id).doesNotContain(housingShift.id());
        assertThat(roster.shifts(housing)).extracting(DutyRoster.Shift::id).contains(housingShift.id());
        assertThatThrownBy(() -> roster.remove(environment, housingShift.id()))
                .isInstanceOf(RosterRefusedException.class);
        assertThat(entries.findById(housingShift.id())).isPresent();

        assertThat(roster.importCsv(admin, othersAndSupervisor.getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        roster.remove(admin, housingShift.id());
        assertThat(entries.findById(housingShift.id())).isEmpty();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
