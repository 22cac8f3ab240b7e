package org.hotline8890.intake;

import java.util.Locale;
import java.util.Optional;

import org.hotline8890.cases.PhoneNumbers;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.channels.CaseStatusLookup;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a caller's status question for the phone and SMS channels. The caller's number stands in
 * for the query code: it must be the number the case was filed with, so "+86 138-1234-5678" and
 * "13812345678" match but no other number does.
 */
@Service
class CallerCaseStatus implements CaseStatusLookup {

    private static final Locale CITIZEN_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final CaseRepository cases;
    private final MessageSource messages;

    CallerCaseStatus(CaseRepository cases, MessageSource messages) {
        this.cases = cases;
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CaseStatusReport> forCaller(String caseNumber, String callerPhone) {
        if (caseNumber == null || callerPhone == null) {
            return Optional.empty();
        }
        return cases.findByCaseNumber(caseNumber.strip())
                .filter(c -> PhoneNumbers.same(c.getContact().phone(), callerPhone))
                .map(this::report);
    }

    private CaseStatusReport report(HotlineCase c) {
        String words = messages.getMessage("case.status." + c.getStatus().name(), null, CITIZEN_LOCALE);
        return new CaseStatusReport(c.getCaseNumber(), c.getStatus().name(), words,
                c.getStatus().isFinal() ? null : c.getHandleBy());
    }
}
