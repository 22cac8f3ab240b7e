package org.hotline8890.security;

import java.util.Objects;

import org.hotline8890.cases.CaseTransferRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.springframework.stereotype.Component;

/**
 * 属地管理: a department sees and acts only on cases dispatched into its own subtree. A center (agent,
 * dispatcher, supervisor) sees and acts on its own region's cases, and keeps reading, without acting on,
 * the cases transferred out of or into its region since. The administrator sees and acts on every case.
 */
@Component
public class CaseAccessPolicy {

    private final Organisation organisation;
    private final CaseTransferRepository transfers;

    CaseAccessPolicy(Organisation organisation, CaseTransferRepository transfers) {
        this.organisation = organisation;
        this.transfers = transfers;
    }

    public boolean canSee(Staff staff, HotlineCase c) {
        if (staff.isDepartment()) {
            return inDepartmentSubtree(staff, c);
        }
        return canActOn(staff, c) || (c.getId() != null && transfers.involves(c.getId(), staff.region()));
    }

    /** Whether the staff member may change the case: their own department's, or their own region's at the center. */
    public boolean canActOn(Staff staff, HotlineCase c) {
        if (staff.isDepartment()) {
            return inDepartmentSubtree(staff, c);
        }
        return staff.role() == Role.ADMIN || Objects.equals(staff.region(), c.getRegionCode());
    }

    private boolean inDepartmentSubtree(Staff staff, HotlineCase c) {
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
