package org.hotline8890.organisation;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Without demo data nobody could log in to a new installation, so when the staff table is empty an
 * ADMIN is created at the organisation's top unit (the unit too, on an empty organisation). Without
 * a password for it the application refuses to start rather than run with no way in.
 */
@Component
// After the demo data, which brings its own logins when it is on.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final FirstAdministratorSettings settings;
    private final Organisation organisation;
    private final OrgUnitRepository units;
    private final StaffUserRepository users;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;

    FirstAdministrator(FirstAdministratorSettings settings, Organisation organisation, OrgUnitRepository units,
                       StaffUserRepository users, PasswordEncoder passwords, TransactionTemplate transaction) {
        this.settings = settings;
        this.organisation = organisation;
        this.units = units;
        this.users = users;
        this.passwords = passwords;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        if (!settings.hasPassword()) {
            throw new IllegalStateException("No staff user exists and HOTLINE_ADMIN_PASSWORD (hotline.first-admin.password)"
                    + " is not set: set it to create the first administrator '" + settings.username()
                    + "', or start with demo data (HOTLINE_DEMO_DATA=true) on an empty database.");
        }
        try {
            transaction.executeWithoutResult(status -> create());
        } catch (DataIntegrityViolationException e) {
            // Several nodes starting on one new database: the first one's administrator is the one.
            if (users.count() == 0) {
                throw e;
            }
            log.info("Another node created the first administrator");
        }
    }

    private void create() {
        boolean emptyOrganisation = units.count() == 0;
        OrgUnit root = emptyOrganisation
                ? organisation.addUnit(settings.rootUnitCode(), settings.rootUnitName(), null, OrgUnitKind.CITY, null)
                : topUnit();
        users.save(new StaffUser(settings.username(), passwords.encode(settings.password()), "系统管理员", Role.ADMIN, root));
        log.info("No staff user existed: created the administrator '{}' (ADMIN) at {} {}{}", settings.username(),
                root.getCode(), root.getName(), emptyOrganisation ? ", a new top unit of the empty organisation" : "");
    }

    private OrgUnit topUnit() {
        Optional<OrgUnit> configured = units.findByCode(settings.rootUnitCode()).filter(u -> u.getParentId() == null);
        if (configured.isPresent()) {
            return configured.get();
        }
        List<OrgUnit> tops = units.findByParentIdIsNull();
        if (tops.size() != 1) {
            throw new IllegalStateException("Cannot tell the organisation's top unit for the first administrator: "
                    + tops.size() + " units have no parent and none has the code '" + settings.rootUnitCode()
                    + "'. Set HOTLINE_ROOT_UNIT_CODE (hotline.first-admin.root-unit-code) to one of them.");
        }
        return tops.get(0);
    }
}
