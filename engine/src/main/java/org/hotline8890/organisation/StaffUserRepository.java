package org.hotline8890.organisation;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

public interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

    Optional<StaffUser> findByUsername(String username);

    boolean existsByOrgUnitIdAndEnabledTrue(Long orgUnitId);

    /** Locked, so that two admins demoting each other at once cannot both pass the last-admin check. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<StaffUser> findByRoleAndEnabledTrue(Role role);
}
