package org.hotline8890.security;

import org.hotline8890.organisation.Regions;
import org.hotline8890.organisation.Role;

/** The logged-in staff member as the application sees them. */
public record Staff(String username, Role role, Long orgUnitId, String orgPath) {

    public boolean isDepartment() {
        return role == Role.DEPARTMENT;
    }

    /** The region the staff member's unit lies in; a center acts for this region only. */
    public String region() {
        return Regions.ofPath(orgPath);
    }
}
