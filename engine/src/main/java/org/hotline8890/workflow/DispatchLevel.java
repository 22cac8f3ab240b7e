package org.hotline8890.workflow;

import org.hotline8890.organisation.OrgUnitKind;

/**
 * The tier of the organisation a unit works at, from the top down: a city department works at CITY, a
 * district bureau at DISTRICT. Declared in that order, so "lower than" is a comparison of ordinals.
 */
enum DispatchLevel {
    CITY, DISTRICT, STREET, COMMUNITY;

    /** The tier a unit of this kind defines itself, or null for kinds (CENTER, DEPARTMENT) that take their parent's. */
    static DispatchLevel definedBy(OrgUnitKind kind) {
        return switch (kind) {
            case CITY -> CITY;
            case DISTRICT -> DISTRICT;
            case STREET -> STREET;
            case COMMUNITY -> COMMUNITY;
            case CENTER, DEPARTMENT -> null;
        };
    }

    boolean isBelow(DispatchLevel other) {
        return ordinal() > other.ordinal();
    }
}
