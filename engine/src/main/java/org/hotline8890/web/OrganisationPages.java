package org.hotline8890.web;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.OrganisationChangeRefused;
import org.hotline8890.organisation.Role;
import org.hotline8890.organisation.StaffAccounts;
import org.hotline8890.organisation.StaffUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation tree and the staff logins. Every change is a plain form post; the rules (unique
 * codes, no unit left with open cases, always one enabled admin) are {@link Organisation}'s and
 * {@link StaffAccounts}'. A refusal shows the page again with the message next to the field and what
 * was typed kept; a success redirects with a notice.
 */
@Controller
@RequestMapping("/admin")
class OrganisationPages {

    private final Organisation organisation;
    private final StaffAccounts accounts;

    OrganisationPages(Organisation organisation, StaffAccounts accounts) {
        this.organisation = organisation;
        this.accounts = accounts;
    }

    @GetMapping("/organisation")
    String organisation(Model model) {
        model.addAttribute("tree", organisation.tree());
        model.addAttribute("units", activeUnits());
        model.addAttribute("kinds", List.of(OrgUnitKind.values()));
        return "admin/organisation";
    }

    @PostMapping("/organisation/units")
    String addUnit(@RequestParam(required = false) Long parent, @RequestParam(defaultValue = "") String code,
                   @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String nameEn,
                   @RequestParam(required = false) OrgUnitKind kind, Model model, RedirectAttributes redirect) {
        try {
            OrgUnit added = organisation.addUnitUnder(parent, code, name, nameEn, kind);
            return done(redirect, "admin.notice.unitAdded", added.getCode(), "/admin/organisation");
        } catch (OrganisationChangeRefused refused) {
            model.addAttribute("refusal", AdminRefusal.of("addUnit", null, refused));
            model.addAttribute("typed", new TypedUnit(parent, code, name, nameEn, kind));
            return organisation(model);
        }
    }

    @PostMapping("/organisation/units/{id}/rename")
    String renameUnit(@PathVariable Long id, @RequestParam(defaultValue = "") String name,
                      @RequestParam(defaultValue = "") String nameEn, Model model, RedirectAttributes redirect) {
        return unitChange(id, "admin.notice.unitRenamed", () -> organisation.renameUnit(id, name, nameEn), model, redirect);
    }

    @PostMapping("/organisation/units/{id}/deactivate")
    String deactivateUnit(@PathVariable Long id, Model model, RedirectAttributes redirect) {
        return unitChange(id, "admin.notice.unitDeactivated", () -> organisation.deactivateUnit(id), model, redirect);
    }

    /** 分中心 on or off ({@code on}): see docs/organisation.md, "Sub-centers". */
    @PostMapping("/organisation/units/{id}/sub-center")
    String runSubCenter(@PathVariable Long id, @RequestParam(defaultValue = "false") boolean on, Model model,
                        RedirectAttributes redirect) {
        return unitChange(id, on ? "admin.notice.subCenterOn" : "admin.notice.subCenterOff",
                () -> organisation.runSubCenter(id, on), model, redirect);
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("units", activeUnits());
        model.addAttribute("allUnits", organisation.all());
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("minPassword", StaffAccounts.MIN_PASSWORD_LENGTH);
        return "admin/users";
    }

    @PostMapping("/users")
    String createUser(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                      @RequestParam(required = false) Role role, @RequestParam(required = false) Long unit,
                      @RequestParam(defaultValue = "") String password, Model model, RedirectAttributes redirect) {
        try {
            accounts.create(username, displayName, role, unit, password);
            return done(redirect, "admin.notice.userCreated", username.strip(), "/admin/users");
        } catch (OrganisationChangeRefused refused) {
            model.addAttribute("refusal", AdminRefusal.of("addUser", null, refused));
            // The password is not sent back: it would sit in the page's source.
            model.addAttribute("typed", new TypedUser(username, displayName, role, unit));
            return users(model);
        }
    }

    @PostMapping("/users/{id}/role")
    String changeRole(@PathVariable Long id, @RequestParam(required = false) Role role,
                      @RequestParam(required = false) Long unit, Model model, RedirectAttributes redirect) {
        return userChange(id, "admin.notice.userChanged", () -> accounts.changeRoleAndUnit(id, role, unit), model, redirect);
    }

    @PostMapping("/users/{id}/disable")
    String disable(@PathVariable Long id, Model model, RedirectAttributes redirect) {
        return userChange(id, "admin.notice.userDisabled", () -> accounts.disable(id), model, redirect);
    }

    @PostMapping("/users/{id}/enable")
    String enable(@PathVariable Long id, Model model, RedirectAttributes redirect) {
        return userChange(id, "admin.notice.userEnabled", () -> accounts.enable(id), model, redirect);
    }

    @PostMapping("/users/{id}/password")
    String resetPassword(@PathVariable Long id, @RequestParam(defaultValue = "") String password, Model model,
                         RedirectAttributes redirect) {
        return userChange(id, "admin.notice.passwordReset", () -> accounts.resetPassword(id, password), model, redirect);
    }

    /** What was typed into a refused form, to fill it again. */
    record TypedUnit(Long parent, String code, String name, String nameEn, OrgUnitKind kind) {
    }

    record TypedUser(String username, String displayName, Role role, Long unit) {
    }

    /** A change to one unit: back to the tree with a notice, or the tree again with the refusal at that unit. */
    private String unitChange(Long id, String notice, Supplier<OrgUnit> change, Model model, RedirectAttributes redirect) {
        try {
            return done(redirect, notice, change.get().getCode(), "/admin/organisation");
        } catch (OrganisationChangeRefused refused) {
            model.addAttribute("refusal", AdminRefusal.of("unit", id, refused));
            return organisation(model);
        }
    }

    /** A change to one login, likewise on the users page. */
    private String userChange(Long id, String notice, Supplier<StaffUser> change, Model model, RedirectAttributes redirect) {
        try {
            return done(redirect, notice, change.get().getUsername(), "/admin/users");
        } catch (OrganisationChangeRefused refused) {
            model.addAttribute("refusal", AdminRefusal.of("user", id, refused));
            return users(model);
        }
    }

    private List<OrgUnit> activeUnits() {
        return organisation.all().stream().filter(OrgUnit::isActive)
                .sorted(Comparator.comparing(OrgUnit::getPath)).toList();
    }

    static String done(RedirectAttributes redirect, String notice, String subject, String page) {
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeSubject", subject);
        return "redirect:" + page;
    }
}
