package org.hotline8890.api;

import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.CurrentStaff;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One case with its timeline, for any staff member allowed to see it (a department: only its own). */
@RestController
@RequestMapping("/api/cases")
class StaffCaseApi {

    private final CaseRepository cases;
    private final CaseAccessPolicy access;
    private final CurrentStaff staff;
    private final CaseViews views;

    StaffCaseApi(CaseRepository cases, CaseAccessPolicy access, CurrentStaff staff, CaseViews views) {
        this.cases = cases;
        this.access = access;
        this.staff = staff;
        this.views = views;
    }

    @GetMapping("/{caseNumber}")
    @Transactional(readOnly = true)
    CaseViews.StaffCaseView get(@PathVariable String caseNumber) {
        return cases.findByCaseNumber(caseNumber)
                .filter(c -> access.canRead(staff.get(), c))
                .map(views::staff)
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }
}
