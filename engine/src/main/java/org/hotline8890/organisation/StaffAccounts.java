package org.hotline8890.organisation;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff logins as administrators keep them. Passwords are only ever stored through the app's
 * {@link PasswordEncoder}. The one rule beyond the fields: there is always an enabled ADMIN left, or
 * nobody could put a mistake right without touching the database.
 */
@Service
public class StaffAccounts {

    /** Shorter initial passwords are guessed; the person changes it after the first login anyway. */
    public static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 72; // BCrypt ignores what follows
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final StaffUserRepository users;
    private final Organisation organisation;
    private final PasswordEncoder passwords;

    StaffAccounts(StaffUserRepository users, Organisation organisation, PasswordEncoder passwords) {
        this.users = users;
        this.organisation = organisation;
        this.passwords = passwords;
    }

    @Transactional(readOnly = true)
    public List<StaffUser> all() {
        return users.findAll().stream().sorted(Comparator.comparing(StaffUser::getUsername)).toList();
    }

    @Transactional
    public StaffUser create(String username, String displayName, Role role, Long unitId, String password) {
        String login = username == null ? "" : username.strip();
        if (!USERNAME.matcher(login).matches()) {
            throw new OrganisationChangeRefused("username", "admin.refused.username", "not a username: " + username);
        }
        if (users.findByUsername(login).isPresent()) {
            throw new OrganisationChangeRefused("username", "admin.refused.usernameTaken", login + " is taken");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new OrganisationChangeRefused("displayName", "admin.refused.nameRequired", "a user needs a display name");
        }
        requireRole(role);
        OrgUnit unit = activeUnit(unitId);
        checkPassword(password);
        return users.save(new StaffUser(login, passwords.encode(password), displayName.strip(), role, unit));
    }

    /** A new role and unit; taking ADMIN from the last enabled administrator is refused. */
    @Transactional
    public StaffUser changeRoleAndUnit(Long userId, Role role, Long unitId) {
        StaffUser user = existing(userId);
        requireRole(role);
        OrgUnit unit = user.getOrgUnitId().equals(unitId) ? organisation.byId(unitId).orElseThrow() : activeUnit(unitId);
        if (role != Role.ADMIN) {
            requireAnotherAdmin(user, "role");
        }
        user.changeRole(role);
        user.moveTo(unit);
        return user;
    }

    @Transactional
    public StaffUser disable(Long userId) {
        StaffUser user = existing(userId);
        requireAnotherAdmin(user, "user");
        user.disable();
        return user;
    }

    @Transactional
    public StaffUser enable(Long userId) {
        StaffUser user = existing(userId);
        user.enable();
        return user;
    }

    @Transactional
    public StaffUser resetPassword(Long userId, String password) {
        StaffUser user = existing(userId);
        checkPassword(password);
        user.replacePassword(passwords.encode(password));
        return user;
    }

    private void requireAnotherAdmin(StaffUser user, String field) {
        if (!user.isActiveAdmin()) {
            return;
        }
        boolean another = users.findByRoleAndEnabledTrue(Role.ADMIN).stream()
                .anyMatch(admin -> !admin.getId().equals(user.getId()));
        if (!another) {
            throw new OrganisationChangeRefused(field, "admin.refused.lastAdmin",
                    user.getUsername() + " is the last enabled administrator");
        }
    }

    private static void requireRole(Role role) {
        if (role == null) {
            throw new OrganisationChangeRefused("role", "admin.refused.roleRequired", "a user needs a role");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH
                || password.isBlank()) {
            throw new OrganisationChangeRefused("password", "admin.refused.password",
                    "a password needs " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
        }
    }

    private OrgUnit activeUnit(Long unitId) {
        return organisation.byId(unitId).filter(OrgUnit::isActive).orElseThrow(
                () -> new OrganisationChangeRefused("unit", "admin.refused.unitUnknown", "no active unit " + unitId));
    }

    private StaffUser existing(Long userId) {
        return (userId == null ? Optional.<StaffUser>empty() : users.findById(userId)).orElseThrow(
                () -> new OrganisationChangeRefused("user", "admin.refused.userUnknown", "no user " + userId));
    }
}
