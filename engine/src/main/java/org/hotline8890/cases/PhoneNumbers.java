package org.hotline8890.cases;

import java.util.LinkedHashSet;
import java.util.Set;

/** Phone numbers as people and carriers write them: with or without +86/0086, an outside-line 0, spaces and dashes. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** Same number once formatting and the country code are set aside. */
    public static boolean same(String a, String b) {
        String n = national(a);
        return !n.isEmpty() && n.equals(national(b));
    }

    /** The forms a number may be stored in, for looking cases up by it. */
    public static Set<String> storedForms(String phone) {
        Set<String> forms = new LinkedHashSet<>();
        if (phone != null && !phone.isBlank()) {
            String n = national(phone);
            forms.add(phone.strip());
            forms.add(n);
            forms.add("+86" + n);
        }
        return forms;
    }

    public static String national(String phone) {
        String d = phone == null ? "" : phone.replaceAll("\\D", "");
        if (d.startsWith("0086")) {
            return d.substring(4);
        }
        if (d.length() == 13 && d.startsWith("86")) {
            return d.substring(2);
        }
        // A trunk may put an outside-line 0 before a mobile number: 013812345678.
        return d.length() == 12 && d.startsWith("01") ? d.substring(1) : d;
    }
}
