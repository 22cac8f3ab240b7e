package org.hotline8890.api;

import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.hotline8890.assisting.CaseAssist;
import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.security.Staff;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One case with its timeline, for any staff member allowed to see it (a department: only its own, or one
 * it assists on, where it sees its own part among the assisting units).
 */
@RestController
@RequestMapping("/api/cases")
class StaffCaseApi {

    private final CaseRepository cases;
    private final CaseAccessPolicy access;
    private final CurrentStaff staff;
    private final CaseViews views;
    private final DepartmentDesk desk;

    StaffCaseApi(CaseRepository cases, CaseAccessPolicy access, CurrentStaff staff, CaseViews views, DepartmentDesk desk) {
        this.cases = cases;
        this.access = access;
        this.staff = staff;
        this.views = views;
        this.desk = desk;
    }

    @GetMapping("/{caseNumber}")
    @Transactional(readOnly = true)
    CaseViews.StaffCaseView get(@PathVariable String caseNumber) {
        Staff who = staff.get();
        return cases.findByCaseNumber(caseNumber)
                .filter(c -> access.canRead(who, c))
                .map(c -> access.canSee(who, c) ? views.staff(c) : views.staff(c, ownParts(who, c)))
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    private Predicate<CaseAssist> ownParts(Staff who, HotlineCase c) {
        Set<Long> own = desk.ownAssistsOn(who, c).stream().map(CaseAssist::getId).collect(Collectors.toSet());
        return assist -> own.contains(assist.getId());
    }
}
