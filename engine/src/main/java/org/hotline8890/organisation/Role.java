package org.hotline8890.organisation;

/** Staff roles. Citizens and the public need no login. */
public enum Role {
    /** 话务员: logs calls, answers from the knowledge base. */
    AGENT,
    /** 派单员: intake review, dispatch, returns, extensions, reply review, feedback calls. */
    DISPATCHER,
    /** 承办单位: acts only on cases of its own subtree. */
    DEPARTMENT,
    /** 督办: everything a dispatcher does, plus supervision. */
    SUPERVISOR,
    /** Organisation, calendar, users; Camunda Cockpit. */
    ADMIN
}
