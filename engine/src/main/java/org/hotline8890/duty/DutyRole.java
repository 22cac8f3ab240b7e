package org.hotline8890.duty;

/** What a roster entry's person answers for. */
public enum DutyRole {
    /** 值班员: a department's person on duty, alerted for its emergencies. */
    OFFICER,
    /** 值班长: the center's duty supervisor, alerted when a department has nobody on duty. */
    SUPERVISOR
}
