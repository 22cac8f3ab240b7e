package org.hotline8890.security;

import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.springframework.stereotype.Component;

/** 属地管理: a department sees and acts only on cases dispatched into its own subtree; the center sees all. */
@Component
public class CaseAccessPolicy {

    private final Organisation organisation;

    CaseAccessPolicy(Organisation organisation) {
        this.organisation = organisation;
    }

    public boolean canSee(Staff staff, HotlineCase c) {
        if (!staff.isDepartment()) {
            return true;
        }
        return organisation.byId(c.getDepartmentId())
                .map(OrgUnit::getPath)
                .map(path -> path.startsWith(staff.orgPath()))
                .orElse(false);
    }

    /**
     * Whether the staff member works at the sub-center the case went through: only its own staff sign,
     * re-dispatch, rule on returns and review replies there (not the unit below it, nor the city center).
     */
    public boolean actsForSubCenter(Staff staff, HotlineCase c) {
        return staff.isDepartment() && c.getSubCenterId() != null && c.getSubCenterId().equals(staff.orgUnitId());
    }
}
