package org.hotline8890.workflow;

/** A sub-center's ruling on its unit's return (docs/organisation.md, "Sub-centers"). */
public enum SubCenterRuling {
    /** Another unit of its subtree gets the case. */
    REDISPATCH,
    /** The return is refused: the same unit signs, on a sign-for clock restarted at the ruling. */
    SEND_BACK,
    /** The case is not the subtree's: the sub-center returns it to the city center in its own name. */
    PASS_UP
}
