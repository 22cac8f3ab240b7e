package org.hotline8890.security;

import org.hotline8890.organisation.OrgUnitRepository;
import org.hotline8890.organisation.StaffUser;
import org.hotline8890.organisation.StaffUserRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class StaffDirectory implements UserDetailsService {

    private final StaffUserRepository users;
    private final OrgUnitRepository units;

    StaffDirectory(StaffUserRepository users, OrgUnitRepository units) {
        this.users = users;
        this.units = units;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        StaffUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        String path = units.findById(user.getOrgUnitId()).orElseThrow().getPath();
        return new StaffUserDetails(new Staff(user.getUsername(), user.getRole(), user.getOrgUnitId(), path),
                user.getPasswordHash(), user.isEnabled());
    }
}
