package org.hotline8890.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.hotline8890.assisting.AssistRepository;
import org.hotline8890.assisting.AssistState;
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
 * An assisting unit (协办) also reads a case it was asked to assist on, and acts only on its own part
 * (docs/assisting.md).
 */
@Component
public class CaseAccessPolicy {

    /** A unit that declined its part, or whose request the center withdrew, no longer reads the case. */
    private static final Set<AssistState> READING = EnumSet.of(AssistState.REQUESTED, AssistState.SIGNED,
            AssistState.CONTRIBUTED, AssistState.LAPSED);

    private final Organisation organisation;
    private final CaseTransferRepository transfers;
    private final AssistRepository assists;

    CaseAccessPolicy(Organisation organisation, CaseTransferRepository transfers, AssistRepository assists) {
        this.organisation = organisation;
        this.transfers = transfers;
        this.assists = assists;
    }

    /** The center, or the case's lead department (its subtree): who may act on the case as its lead. */
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
     * Whether the staff member works at the sub-center acting on the case now (the innermost one, or one above it
     * reviewing the reply on its way up): only its own staff sign,
     * re-dispatch, rule on returns and review replies there (not the unit below it, nor the city center).
     */
    public boolean actsForSubCenter(Staff staff, HotlineCase c) {
        return staff.isDepartment() && c.getActingSubCenterId() != null
                && c.getActingSubCenterId().equals(staff.orgUnitId());
    }

    /** Who may read the case: as {@link #canSee}, and a unit of the staff member's subtree assisting on it. */
    public boolean canRead(Staff staff, HotlineCase c) {
        return canSee(staff, c) || isAssisting(staff, c);
    }

    /** Whether a unit of the staff member's subtree assists (or assisted) on the case. */
    public boolean isAssisting(Staff staff, HotlineCase c) {
        if (!staff.isDepartment() || c.getId() == null) {
            return false;
        }
        List<Long> subtree = organisation.byId(staff.orgUnitId()).map(organisation::subtree).orElse(List.of())
                .stream().map(OrgUnit::getId).toList();
        return !subtree.isEmpty() && assists.existsByCaseIdAndUnitIdInAndStateIn(c.getId(), subtree, READING);
    }
}
