package org.hotline8890.security;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Lets Camunda's web apps (Cockpit, Tasklist, Admin) trust our own login: a staff member with the
 * ADMIN role enters them as themselves, in Camunda's admin group, so there is no second account
 * with a password of its own. Anyone else is not authenticated for Camunda. Camunda instantiates
 * this class by name, so it needs a public no-argument constructor.
 */
public class CockpitAuthenticationProvider implements AuthenticationProvider {

    static final String ADMIN_AUTHORITY = "ROLE_" + org.hotline8890.organisation.Role.ADMIN.name();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login == null || !login.isAuthenticated()
                || login.getAuthorities().stream().noneMatch(a -> ADMIN_AUTHORITY.equals(a.getAuthority()))) {
            return AuthenticationResult.unsuccessful();
        }
        ensureCamundaUser(engine.getIdentityService(), login.getName());
        AuthenticationResult result = AuthenticationResult.successful(login.getName());
        result.setGroups(List.of(Groups.CAMUNDA_ADMIN));
        return result;
    }

    /**
     * Camunda's web apps insist on a user record of their own, in Camunda's admin group (without
     * one they send every visitor to their first-admin setup page). It gets a random password
     * nobody knows: the only way in is our login.
     */
    private static void ensureCamundaUser(IdentityService identity, String username) {
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group admins = identity.newGroup(Groups.CAMUNDA_ADMIN);
            admins.setName("Hotline administrators");
            admins.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(admins);
        }
        if (identity.createUserQuery().userId(username).count() == 0) {
            User user = identity.newUser(username);
            user.setFirstName(username);
            user.setLastName("(hotline staff)");
            user.setPassword(UUID.randomUUID() + "-" + UUID.randomUUID());
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(username).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(username, Groups.CAMUNDA_ADMIN);
        }
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Our own login page asks; Camunda has nothing to add.
    }
}
