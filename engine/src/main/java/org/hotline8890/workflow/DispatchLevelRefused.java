package org.hotline8890.workflow;

import org.hotline8890.cases.CaseStateException;

/**
 * The chosen department lies below the lowest tier the case's category may go to. A refusal about the
 * value the person chose, so the API and the pages put it next to {@link #FIELD}.
 */
public class DispatchLevelRefused extends CaseStateException {

    public static final String CODE = "department.levelRefused";
    public static final String FIELD = "departmentCode";

    DispatchLevelRefused(String message) {
        super(CODE, message);
    }

    public String field() {
        return FIELD;
    }
}
