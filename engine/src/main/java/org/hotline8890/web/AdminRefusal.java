package org.hotline8890.web;

import org.hotline8890.organisation.OrganisationChangeRefused;

/**
 * Why an admin form was refused, for the page to show next to the field: {@code form} names the form
 * (several are on one page), {@code target} the row it belongs to (a unit's id, a category's code),
 * {@code reason} the message key.
 */
record AdminRefusal(String form, Object target, String field, String reason) {

    static AdminRefusal of(String form, Object target, OrganisationChangeRefused refused) {
        return new AdminRefusal(form, target, refused.field(), refused.reason());
    }

    /** Whether the message belongs next to {@code field} of the form {@code form} (any row). */
    public boolean at(String form, String field) {
        return this.form.equals(form) && this.field.equals(field);
    }

    /** Whether the message belongs to the form {@code form} of the row {@code target}. */
    public boolean forRow(String form, Object target) {
        return this.form.equals(form) && this.target != null && String.valueOf(this.target).equals(String.valueOf(target));
    }
}
