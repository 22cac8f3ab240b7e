package org.hotline8890.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The staff member behind the current request. */
@Component
public class CurrentStaff {

    public Staff get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffUserDetails details) {
            return details.staff();
        }
        throw new IllegalStateException("no staff member is logged in");
    }
}
