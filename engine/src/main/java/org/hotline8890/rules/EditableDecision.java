package org.hotline8890.rules;

import java.util.Arrays;
import java.util.Optional;

/** The decisions administrators may edit, and the page each one lives on. */
enum EditableDecision {
    DISPATCH_CATALOGUE("dispatch_catalogue", "dispatch-catalogue"),
    TIME_LIMITS("time_limits", "time-limits"),
    ESCALATION_LADDER("escalation_ladder", "escalation-ladder");

    final String key;
    final String slug;

    EditableDecision(String key, String slug) {
        this.key = key;
        this.slug = slug;
    }

    static Optional<EditableDecision> byKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }

    static Optional<EditableDecision> bySlug(String slug) {
        return Arrays.stream(values()).filter(d -> d.slug.equals(slug)).findFirst();
    }
}
