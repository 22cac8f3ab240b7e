package org.hotline8890.workflow;

import java.util.Optional;

import org.hotline8890.cases.HotlineCase;
import org.springframework.stereotype.Component;

/**
 * "Which department would the 派单目录 choose for this case?" asked without dispatching it, so the
 * center sees the catalogue's suggestion before it confirms or overrides it. The answer is the
 * process's own {@link RoutingPolicy}, never a copy of its rules.
 */
@Component
public class DispatchCatalogue {

    private final RoutingPolicy routing;

    DispatchCatalogue(RoutingPolicy routing) {
        this.routing = routing;
    }

    /** The department code the catalogue names for the case as it stands, or empty when it names nobody. */
    public Optional<String> suggestedDepartment(HotlineCase c) {
        return routing.departmentFor(c);
    }
}
