package org.hotline8890.rules;

import jakarta.annotation.PostConstruct;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the administrators' tables when a release deploys the shipped ones again. At start-up the engine
 * deploys the class path's BPMN and DMN files anew whenever any of them changed (a new release), which
 * makes the shipped tables the latest versions and would silently undo every edit made on the admin
 * pages for all new cases. This runs right after that deployment, before any case is decided: for each
 * table whose latest version is a release's while an administrator's version exists, it deploys the
 * administrator's rows again as the newest version. The change is recorded like an edit, by
 * {@value #ACTOR}, with the diff from the release's table to the administrator's, so the history says
 * what the release would have changed and an administrator can adopt any of it deliberately.
 */
@Component
class ReleasedTables {

    static final String ACTOR = "release-upgrade";
    private static final Logger log = LoggerFactory.getLogger(ReleasedTables.class);

    private final DecisionTables tables;

    ReleasedTables(DecisionTables tables) {
        this.tables = tables;
    }

    @PostConstruct
    void keepAdministratorsTables() {
        for (EditableDecision decision : EditableDecision.values()) {
            if (!tables.latestIsAdministrators(decision)) {
                tables.latestByAdministrators(decision).ifPresent(edited -> reapply(decision, edited));
            }
        }
    }

    private void reapply(EditableDecision decision, RuleTable edited) {
        int release = tables.latestVersion(decision);
        try {
            DecisionTables.Saved saved = tables.save(decision, edited.rows(), release, ACTOR);
            log.warn("The release deployed its own {} table (version {}); the administrators' version {} is in force "
                    + "again as version {}. What the release's table would have changed: {}", decision.key, release,
                    edited.version(), saved.versionAfter(), saved.diff().isEmpty() ? "nothing" : saved.diff());
        } catch (StaleRuleTableException anotherNodeWasFirst) {
            log.info("Another node already put the administrators' {} table back after the release", decision.key);
        } catch (InvalidRuleTableException noLongerValid) {
            // The release changed what the rows may name (a department, a category): the administrators'
            // table cannot be deployed as it was, so the release's stays until someone edits it.
            log.error("The release deployed its own {} table (version {}) and the administrators' version {} no longer "
                    + "passes the checks ({}); the release's table stays in force: review it on the admin page",
                    decision.key, release, edited.version(), noLongerValid.problems());
        }
    }
}
