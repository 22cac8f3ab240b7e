package org.hotline8890.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator created at start-up when no staff user exists at all (demo data off), and the top
 * unit that holds it when the organisation is empty too.
 *
 * @param username     the administrator's login
 * @param password     its first password, stored only as a BCrypt hash; required while no staff user exists
 * @param rootUnitCode code of the top unit, created on an empty organisation
 * @param rootUnitName name of that unit
 */
@ConfigurationProperties("hotline.first-admin")
public record FirstAdministratorSettings(
        @DefaultValue("admin") String username,
        String password,
        @DefaultValue("CITY") String rootUnitCode,
        @DefaultValue("本市") String rootUnitName) {

    boolean hasPassword() {
        return password != null && !password.isBlank();
    }

    // Settings end up in logs and failure reports; the password must not.
    @Override
    public String toString() {
        return "FirstAdministratorSettings[username=" + username + ", password=" + (hasPassword() ? "(set)" : "(not set)")
                + ", rootUnitCode=" + rootUnitCode + ", rootUnitName=" + rootUnitName + "]";
    }
}
