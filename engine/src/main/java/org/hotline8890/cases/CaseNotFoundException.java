package org.hotline8890.cases;

/** No such case, or not one the caller may see: both answer the same, so existence does not leak. */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String caseNumber) {
        super("no case " + caseNumber + " was found");
    }
}
