package org.hotline8890.workflow;

import org.hotline8890.cases.CaseStateException;

/**
 * The chosen department may not get the case: it lies below the lowest tier the case's category may go
 * to, or (a sub-center's choice, {@link #OUTSIDE_SUBTREE}) outside the sub-center's subtree. A refusal
 * about the value the person chose, so the API and the pages put it next to {@link #FIELD}.
 */
public class DispatchLevelRefused extends CaseStateException {

    public static final String CODE = "department.levelRefused";
    public static final String OUTSIDE_SUBTREE = "department.notBelowSubCenter";
    public static final String FIELD = "departmentCode";

    DispatchLevelRefused(String message) {
        this(CODE, message);
    }

    DispatchLevelRefused(String code, String message) {
        super(code, message);
    }

    public String field() {
        return FIELD;
    }
}
