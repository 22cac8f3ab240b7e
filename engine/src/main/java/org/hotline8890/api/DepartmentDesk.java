package org.hotline8890.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import org.hotline8890.HotlineProperties;
import org.hotline8890.assisting.AssistRepository;
import org.hotline8890.assisting.AssistState;
import org.hotline8890.assisting.CaseAssist;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department's rules that both its JSON API and its workbench pages follow: which cases are its own
 * (its unit's subtree, open ones, nearest deadline first) and how an extension's new last day becomes a
 * deadline.
 */
@Component
public class DepartmentDesk {

    private static final EnumSet<CaseStatus> OPEN = EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.RETURNED,
            CaseStatus.REDISPATCHING, CaseStatus.RETURNED_TO_SUB_CENTER, CaseStatus.HANDLING,
            CaseStatus.SUB_CENTER_REVIEW, CaseStatus.REPLIED, CaseStatus.AWAITING_FEEDBACK);

    private final CaseRepository cases;
    private final AssistRepository assists;
    private final Organisation organisation;
    private final CaseActions actions;
    private final HotlineProperties properties;

    DepartmentDesk(CaseRepository cases, AssistRepository assists, Organisation organisation, CaseActions actions,
                   HotlineProperties properties) {
        this.cases = cases;
        this.assists = assists;
        this.organisation = organisation;
        this.actions = actions;
        this.properties = properties;
    }

    /** Open cases of the staff member's unit and the units below it, the nearest deadline first. */
    @Transactional(readOnly = true)
    public List<HotlineCase> ownCases(Staff staff) {
        OrgUnit unit = organisation.byId(staff.orgUnitId()).orElseThrow();
        List<Long> subtree = organisation.subtree(unit).stream().map(OrgUnit::getId).toList();
        return cases.findOpenForDepartments(subtree, OPEN);
    }

    /** The assists (协办) the staff member's unit and the units below it still owe, the nearest deadline first. */
    @Transactional(readOnly = true)
    public List<CaseAssist> ownAssists(Staff staff) {
        OrgUnit unit = organisation.byId(staff.orgUnitId()).orElseThrow();
        List<Long> subtree = organisation.subtree(unit).stream().map(OrgUnit::getId).toList();
        return assists.findOwedBy(subtree, AssistState.active());
    }

    /** The assists of the case that belong to the staff member's unit or a unit below it, oldest first. */
    @Transactional(readOnly = true)
    public List<CaseAssist> ownAssistsOn(Staff staff, HotlineCase c) {
        return assists.findByCaseIdOrderByIdAsc(c.getId()).stream()
                .filter(a -> organisation.byId(a.getUnitId()).map(u -> u.getPath().startsWith(staff.orgPath())).orElse(false))
                .toList();
    }

    /** {@code until} is the new last day: the deadline becomes the end of that day in the hotline's zone. */
    public void requestExtension(Staff staff, String caseNumber, LocalDate until, String reason) {
        actions.requestExtension(staff, caseNumber, endOf(until), reason);
    }

    public Instant endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(properties.zone()).toInstant();
    }
}
