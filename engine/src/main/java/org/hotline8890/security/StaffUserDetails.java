package org.hotline8890.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Spring Security's view of a staff user; carries the {@link Staff} facts the API needs. */
class StaffUserDetails implements UserDetails {

    private final Staff staff;
    private final String passwordHash;
    private final boolean enabled;

    StaffUserDetails(Staff staff, String passwordHash, boolean enabled) {
        this.staff = staff;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    Staff staff() {
        return staff;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + staff.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return staff.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
