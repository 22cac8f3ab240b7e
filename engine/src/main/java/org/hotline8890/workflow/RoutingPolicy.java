package org.hotline8890.workflow;

import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.hotline8890.cases.HotlineCase;
import org.springframework.stereotype.Component;

/** 派单目录: type × category × district → department code, from the {@code dispatch_catalogue} DMN table. */
@Component
class RoutingPolicy {

    static final String DECISION = "dispatch_catalogue";

    private final DecisionService decisions;

    RoutingPolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    Optional<String> departmentFor(HotlineCase c) {
        DmnDecisionRuleResult first = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
                        .putValue("type", c.getType().name())
                        .putValue("category", c.getCategoryCode())
                        .putValue("district", c.getDistrictCode()))
                .getFirstResult();
        return first == null ? Optional.empty() : Optional.ofNullable(first.<String>getEntry("department"));
    }
}
