package org.hotline8890.api;

import java.util.List;

import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.merging.HotIssues;
import org.hotline8890.merging.RepeatRequests;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.security.Staff;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The center's 并单 and 热点诉求 views: what a case may repeat, and the groups of open cases about one thing. */
@RestController
@RequestMapping("/api/center")
class MergingApi {

    private static final int MAX_SUGGESTIONS = 50;

    private final RepeatRequests repeats;
    private final HotIssues hotIssues;
    private final CaseRepository cases;
    private final CaseAccessPolicy access;
    private final CurrentStaff staff;

    MergingApi(RepeatRequests repeats, HotIssues hotIssues, CaseRepository cases, CaseAccessPolicy access,
               CurrentStaff staff) {
        this.repeats = repeats;
        this.hotIssues = hotIssues;
        this.cases = cases;
        this.access = access;
        this.staff = staff;
    }

    @GetMapping("/cases/{caseNumber}/similar")
    @Transactional(readOnly = true)
    List<RepeatRequests.Suggestion> similar(@PathVariable String caseNumber,
                                            @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > MAX_SUGGESTIONS) {
            throw new InvalidFieldException("limit", "between 1 and " + MAX_SUGGESTIONS);
        }
        // A center merges within its own region: another region's case, and suggestions from it, are not its to see.
        Staff me = staff.get();
        cases.findByCaseNumber(caseNumber).filter(c -> access.canActOn(me, c))
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
        return repeats.suggestFor(caseNumber, limit).stream()
                .filter(s -> cases.findByCaseNumber(s.caseNumber()).filter(c -> access.canActOn(me, c)).isPresent())
                .toList();
    }

    @GetMapping("/hot-issues")
    List<HotIssues.HotIssue> hotIssues() {
        Staff me = staff.get();
        return hotIssues.current(n -> cases.findByCaseNumber(n).filter(c -> access.canActOn(me, c)).isPresent());
    }
}
