package org.hotline8890.workflow;

import org.hotline8890.cases.CaseStateException;

/**
 * An assisting unit tried a step of the lead's part (sign, return, extend, reply): it reads the case but
 * acts only on its own assist. The API answers 403; the pages never offer these steps to it.
 */
public class LeadOnlyRefused extends CaseStateException {

    public static final String CODE = "case.leadOnly";

    LeadOnlyRefused(String caseNumber) {
        super(CODE, "only the lead department acts on case " + caseNumber + "; an assisting unit contributes its own part");
    }
}
