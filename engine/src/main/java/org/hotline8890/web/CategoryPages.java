package org.hotline8890.web;

import java.util.Comparator;

import org.hotline8890.organisation.Category;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.OrganisationChangeRefused;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The subject categories: a deactivated one leaves the choices of new requests, not the cases that have it. */
@Controller
@RequestMapping("/admin/categories")
class CategoryPages {

    private final Organisation organisation;

    CategoryPages(Organisation organisation) {
        this.organisation = organisation;
    }

    @GetMapping
    String categories(Model model) {
        var all = organisation.categories().stream().sorted(Comparator.comparing(Category::getCode)).toList();
        model.addAttribute("categories", all);
        model.addAttribute("parents", all.stream().filter(c -> c.isActive() && c.getParentCode() == null).toList());
        return "admin/categories";
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
               @RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String parent,
               Model model, RedirectAttributes redirect) {
        try {
            Category added = organisation.addCategory(code, name, nameEn, parent);
            return OrganisationPages.done(redirect, "admin.notice.categoryAdded", added.getCode(), "/admin/categories");
        } catch (OrganisationChangeRefused refused) {
            model.addAttribute("refusal", AdminRefusal.of("addCategory", null, refused));
            model.addAttribute("typed", new TypedCategory(code, name, nameEn, parent));
            return categories(model);
        }
    }

    @PostMapping("/{code}/rename")
    String rename(@PathVariable String code, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String nameEn, Model model, RedirectAttributes redirect) {
        try {
            organisation.renameCategory(code, name, nameEn);
            return OrganisationPages.done(redirect, "admin.notice.categoryRenamed", code, "/admin/categories");
        } catch (OrganisationChangeRefused refused) {
            model.addAttribute("refusal", AdminRefusal.of("category", code, refused));
            return categories(model);
        }
    }

    @PostMapping("/{code}/deactivate")
    String deactivate(@PathVariable String code, Model model, RedirectAttributes redirect) {
        try {
            organisation.deactivateCategory(code);
            return OrganisationPages.done(redirect, "admin.notice.categoryDeactivated", code, "/admin/categories");
        } catch (OrganisationChangeRefused refused) {
            model.addAttribute("refusal", AdminRefusal.of("category", code, refused));
            return categories(model);
        }
    }

    record TypedCategory(String code, String name, String nameEn, String parent) {
    }
}
