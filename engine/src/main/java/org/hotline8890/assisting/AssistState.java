package org.hotline8890.assisting;

import java.util.EnumSet;
import java.util.Set;

/** Where one assisting unit's part of a case stands. */
public enum AssistState {
    /** Asked; waiting for the unit to sign for it (签收) or decline it. */
    REQUESTED,
    /** Signed; the unit is working on its contribution. */
    SIGNED,
    /** The unit gave its contribution: its part is done. */
    CONTRIBUTED,
    /** The unit declined, with a reason; the center replaces or drops it. */
    DECLINED,
    /** The center took the request back (the unit is not counted for it). */
    WITHDRAWN,
    /** The lead replied for all after this unit's limit had passed without its contribution. */
    LAPSED;

    private static final Set<AssistState> ACTIVE = EnumSet.of(REQUESTED, SIGNED);

    /** Still expected to do something: sign, decline or contribute. */
    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    public static Set<AssistState> active() {
        return EnumSet.copyOf(ACTIVE);
    }
}
