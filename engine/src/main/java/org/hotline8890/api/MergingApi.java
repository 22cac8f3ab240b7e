package org.hotline8890.api;

import java.util.List;

import org.hotline8890.merging.HotIssues;
import org.hotline8890.merging.RepeatRequests;
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

    MergingApi(RepeatRequests repeats, HotIssues hotIssues) {
        this.repeats = repeats;
        this.hotIssues = hotIssues;
    }

    @GetMapping("/cases/{caseNumber}/similar")
    List<RepeatRequests.Suggestion> similar(@PathVariable String caseNumber,
                                            @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > MAX_SUGGESTIONS) {
            throw new InvalidFieldException("limit", "between 1 and " + MAX_SUGGESTIONS);
        }
        return repeats.suggestFor(caseNumber, limit);
    }

    @GetMapping("/hot-issues")
    List<HotIssues.HotIssue> hotIssues() {
        return hotIssues.current();
    }
}
