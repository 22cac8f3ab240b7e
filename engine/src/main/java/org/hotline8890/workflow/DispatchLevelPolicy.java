package org.hotline8890.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * 派单层级: cases a city department owns must not be pushed down to a street, while urban management
 * cases may go to the street office. Asked wherever a department is chosen: by the center (intake,
 * manual dispatch, 改派) and by the dispatch catalogue.
 */
@Component
class DispatchLevelPolicy {

    private final DispatchLevelSettings settings;
    private final Function<String, Optional<OrgUnit>> unitByCode;

    @Autowired
    DispatchLevelPolicy(DispatchLevelSettings settings, Organisation organisation) {
        this(settings, organisation::byCode);
    }

    DispatchLevelPolicy(DispatchLevelSettings settings, Function<String, Optional<OrgUnit>> unitByCode) {
        this.settings = settings;
        this.unitByCode = unitByCode;
    }

    /** The lowest tier a case of this category may be dispatched to: the longest matching prefix's, else the default. */
    DispatchLevel lowestFor(String category) {
        String best = null;
        for (String prefix : settings.lowest().keySet()) {
            if (covers(prefix, category) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? settings.otherwise() : settings.lowest().get(best);
    }

    /**
     * The tier the unit works at: its own kind's, or, for a department or the center, that of the nearest
     * unit above it that defines one (a bureau under a district works at DISTRICT).
     */
    DispatchLevel levelOf(OrgUnit unit) {
        List<String> codes = new ArrayList<>(List.of(unit.getPath().substring(1).split("/")));
        Collections.reverse(codes);
        for (String code : codes) {
            OrgUnit u = code.equals(unit.getCode()) ? unit : unitByCode.apply(code).orElse(null);
            DispatchLevel level = u == null ? null : DispatchLevel.definedBy(u.getKind());
            if (level != null) {
                return level;
            }
        }
        // A unit outside any tier (a department at the root) is treated as the top.
        return DispatchLevel.CITY;
    }

    /** Why a case of this category may not go to that unit, or empty when it may. */
    Optional<String> refusal(String category, OrgUnit unit) {
        DispatchLevel lowest = lowestFor(category);
        DispatchLevel level = levelOf(unit);
        if (level.isBelow(lowest)) {
            return Optional.of(category + " cases go no lower than " + lowest + " level; " + unit.getCode()
                    + " works at " + level + " level");
        }
        return Optional.empty();
    }

    /** @throws DispatchLevelRefused when the unit lies below the category's lowest tier */
    void check(String category, OrgUnit unit) {
        refusal(category, unit).ifPresent(reason -> {
            throw new DispatchLevelRefused(reason);
        });
    }

    private static boolean covers(String prefix, String category) {
        return category != null && (category.equals(prefix) || category.startsWith(prefix + "."));
    }
}
