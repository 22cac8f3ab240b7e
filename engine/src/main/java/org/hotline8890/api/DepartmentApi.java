package org.hotline8890.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The department workbench (承办单位): its own subtree's cases only. */
@RestController
@RequestMapping("/api/department")
class DepartmentApi {

    private static final EnumSet<CaseStatus> OPEN = EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.RETURNED,
            CaseStatus.HANDLING, CaseStatus.REPLIED, CaseStatus.AWAITING_FEEDBACK);

    private final CaseActions actions;
    private final CaseRepository cases;
    private final Organisation organisation;
    private final CaseViews views;
    private final CurrentStaff staff;
    private final HotlineProperties properties;
    private final Clock clock;

    DepartmentApi(CaseActions actions, CaseRepository cases, Organisation organisation, CaseViews views,
                  CurrentStaff staff, HotlineProperties properties, Clock clock) {
        this.actions = actions;
        this.cases = cases;
        this.organisation = organisation;
        this.views = views;
        this.staff = staff;
        this.properties = properties;
        this.clock = clock;
    }

    record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    /** {@code until}: the new last day; the deadline becomes the end of that day. */
    record ExtensionRequest(@NotNull LocalDate until, @NotBlank @Size(max = 1000) String reason) {
    }

    record Reply(@NotBlank @Size(max = 5000) String text) {
    }

    /** Open cases, the nearest deadline first (sign-by while unsigned, handle-by after). */
    @GetMapping("/cases")
    @Transactional(readOnly = true)
    List<CaseViews.CaseSummary> ownCases() {
        Staff me = staff.get();
        OrgUnit unit = organisation.byId(me.orgUnitId()).orElseThrow();
        List<Long> subtree = organisation.subtree(unit).stream().map(OrgUnit::getId).toList();
        Instant now = clock.instant();
        return cases.findOpenForDepartments(subtree, OPEN).stream().map(c -> views.summary(c, now)).toList();
    }

    @PostMapping("/cases/{caseNumber}/sign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void sign(@PathVariable String caseNumber) {
        actions.sign(staff.get(), caseNumber);
    }

    @PostMapping("/cases/{caseNumber}/return")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void returnCase(@PathVariable String caseNumber, @Valid @RequestBody Reason reason) {
        actions.returnToCenter(staff.get(), caseNumber, reason.reason());
    }

    @PostMapping("/cases/{caseNumber}/extension")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void requestExtension(@PathVariable String caseNumber, @Valid @RequestBody ExtensionRequest request) {
        Instant until = request.until().atTime(LocalTime.of(23, 59, 59)).atZone(properties.zone()).toInstant();
        actions.requestExtension(staff.get(), caseNumber, until, request.reason());
    }

    @PostMapping("/cases/{caseNumber}/reply")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reply(@PathVariable String caseNumber, @Valid @RequestBody Reply reply) {
        actions.reply(staff.get(), caseNumber, reply.text());
    }
}
