package org.hotline8890.merging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

/**
 * 热点诉求: groups of open cases about one thing. Two open cases of the same district received within
 * the window are linked when their texts are as similar as a suggested repeat (the same rule and
 * threshold as {@link RepeatRequests}); a group is every case reachable by such links, and it is a hot
 * issue from {@code hot-issue-min-cases} cases on. Computed on request from the in-memory index: one
 * index search per open case.
 */
@Service
public class HotIssues {

    private final OpenCaseIndexing indexing;
    private final MergingSettings settings;
    private final Clock clock;

    HotIssues(OpenCaseIndexing indexing, MergingSettings settings, Clock clock) {
        this.indexing = indexing;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One hot issue: {@code subject} is that of its most typical case (the one most similar to the
     * others); {@code caseNumbers} the earliest received first.
     */
    public record HotIssue(int count, String district, String subject, List<String> caseNumbers, Instant latest) {
    }

    /** The hot issues now, the biggest first (then the most recent). */
    /** The hot issues with a case {@code visible} lets through: a center sees its own region's. */
    public List<HotIssue> current(Predicate<String> visible) {
        return current().stream().filter(issue -> issue.caseNumbers().stream().anyMatch(visible)).toList();
    }

    public List<HotIssue> current() {
        OpenCaseIndex index = indexing.index();
        Instant now = clock.instant();
        Instant from = now.minus(settings.window());
        List<OpenCaseIndex.Indexed> open = index.all().stream()
                .filter(c -> !c.receivedAt().isBefore(from)).toList();
        Map<Long, Long> parent = new HashMap<>();
        Map<Long, Double> closeness = new HashMap<>();
        open.forEach(c -> parent.put(c.id(), c.id()));
        for (OpenCaseIndex.Indexed c : open) {
            for (OpenCaseIndex.Match m : index.similarTo(c, from, now.plusSeconds(1), settings.minScore(),
                    settings.candidates())) {
                if (parent.containsKey(m.openCase().id())) {
                    union(parent, c.id(), m.openCase().id());
                    closeness.merge(c.id(), m.score(), Double::sum);
                }
            }
        }
        Map<Long, List<OpenCaseIndex.Indexed>> groups = new HashMap<>();
        open.forEach(c -> groups.computeIfAbsent(find(parent, c.id()), k -> new ArrayList<>()).add(c));
        return groups.values().stream()
                .filter(g -> g.size() >= settings.hotIssueMinCases())
                .map(g -> issue(g, closeness))
                .sorted(Comparator.comparingInt(HotIssue::count).reversed()
                        .thenComparing(HotIssue::latest, Comparator.reverseOrder()))
                .toList();
    }

    private static HotIssue issue(List<OpenCaseIndex.Indexed> group, Map<Long, Double> closeness) {
        List<OpenCaseIndex.Indexed> byTime = group.stream()
                .sorted(Comparator.comparing(OpenCaseIndex.Indexed::receivedAt)).toList();
        OpenCaseIndex.Indexed typical = group.stream()
                .max(Comparator.comparingDouble((OpenCaseIndex.Indexed c) -> closeness.getOrDefault(c.id(), 0.0))
                        .thenComparing(OpenCaseIndex.Indexed::receivedAt, Comparator.reverseOrder()))
                .orElseThrow();
        return new HotIssue(group.size(), typical.districtCode(), typical.subject(),
                byTime.stream().map(OpenCaseIndex.Indexed::caseNumber).toList(),
                byTime.get(byTime.size() - 1).receivedAt());
    }

    private static long find(Map<Long, Long> parent, long id) {
        long root = id;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        long at = id;
        while (parent.get(at) != root) {
            long next = parent.get(at);
            parent.put(at, root);
            at = next;
        }
        return root;
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        long ra = find(parent, a);
        long rb = find(parent, b);
        if (ra != rb) {
            parent.put(ra, rb);
        }
    }
}
