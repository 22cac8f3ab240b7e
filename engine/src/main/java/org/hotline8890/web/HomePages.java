package org.hotline8890.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages for everyone: the home page with the way to each audience's pages, and the staff login. */
@Controller
class HomePages {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /**
     * Where a login lands when no page was asked for: the workbench of the person's first role, in the
     * order of a case's life (agent, center, department), so nobody starts on a page they cannot use.
     */
    @GetMapping("/staff")
    String staffHome(Authentication login) {
        var roles = login.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        if (roles.contains("ROLE_AGENT")) {
            return "redirect:/agent";
        }
        if (roles.contains("ROLE_DISPATCHER") || roles.contains("ROLE_SUPERVISOR")) {
            return "redirect:/center";
        }
        if (roles.contains("ROLE_DEPARTMENT")) {
            return "redirect:/department";
        }
        if (roles.contains("ROLE_ADMIN")) {
            return "redirect:/admin";
        }
        return "staff-none";
    }
}
