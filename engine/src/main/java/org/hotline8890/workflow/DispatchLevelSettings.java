package org.hotline8890.workflow;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dispatch level rule (hotline.dispatch-levels): per category prefix, the lowest tier a case of it may
 * be dispatched to. Typed settings rather than a table because the rule is a policy decision of the
 * city made once per deployment, it changes with the organisation's remit (reviewed and deployed), and
 * it must hold from the first start, before anyone could fill a table.
 *
 * @param lowest    category code or prefix ("ENV" covers "ENV.NOISE") → the lowest tier allowed; the longest prefix wins
 * @param otherwise the lowest tier for categories no entry covers
 */
@ConfigurationProperties("hotline.dispatch-levels")
record DispatchLevelSettings(Map<String, DispatchLevel> lowest, @DefaultValue("COMMUNITY") DispatchLevel otherwise) {

    DispatchLevelSettings {
        lowest = lowest == null ? Map.of() : Map.copyOf(lowest);
    }
}
