package org.hotline8890.api;

import java.time.Clock;

import org.hotline8890.abuse.QueryCodeGuard;
import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CitizenCaseRow;
import org.hotline8890.cases.QueryCodes;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.intake.IntakeService;
import org.hotline8890.workflow.CaseActions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a citizen does without a login, whichever door they use: the JSON API and the citizen pages
 * both come here, so a request is checked and a query code is guarded by the same rules.
 */
@Component
public class CitizenDesk {

    private final IntakeService intake;
    private final ReferenceChecks references;
    private final CaseRepository cases;
    private final QueryCodes queryCodes;
    private final CaseViews views;
    private final Clock clock;
    private final QueryCodeGuard guard;
    private final CaseActions actions;

    CitizenDesk(IntakeService intake, ReferenceChecks references, CaseRepository cases, QueryCodes queryCodes,
                CaseViews views, Clock clock, QueryCodeGuard guard, CaseActions actions) {
        this.actions = actions;
        this.intake = intake;
        this.references = references;
        this.cases = cases;
        this.queryCodes = queryCodes;
        this.views = views;
        this.clock = clock;
        this.guard = guard;
    }

    /**
     * Takes a request that has passed bean validation through the web channel.
     *
     * @throws InvalidFieldException when the category or the district does not exist
     */
    public IntakeService.Accepted submit(CaseRequest request, String messageId) {
        references.check(request);
        var newCase = request.toNewCase(Channel.WEB, clock.instant());
        ContactMessage contact = new ContactMessage(Channel.WEB, messageId, newCase.receivedAt(),
                new ContactMessage.Sender(newCase.contact().name(), newCase.contact().phone(), newCase.contact().email(),
                        null, newCase.contact().anonymous()),
                newCase.subject(), newCase.content(),
                newCase.attachments().stream().map(a -> new ContactMessage.AttachmentRef(a.fileName(), a.contentType(),
                        a.sizeBytes(), null)).toList(),
                newCase.location(), newCase.districtCode(), newCase.type().name(), newCase.categoryCode(),
                newCase.urgency().name(), newCase.confidential(), newCase.consentToPublish(), null, null);
        return intake.accept(contact);
    }

    /**
     * The citizen's view of a case, only with its right query code. A wrong code answers exactly like an
     * unknown number, and too many of them are refused for a while.
     *
     * @throws CaseNotFoundException for an unknown number or a wrong code
     */
    @Transactional(readOnly = true)
    public CaseViews.CitizenCaseView lookup(String caseNumber, String queryCode, String address) {
        String number = caseNumber.strip();
        guard.checkAllowed(number, address);
        var found = cases.findCitizenRow(number);
        // Hash even when the number is unknown, so timing does not tell the two apart.
        String hash = found.map(CitizenCaseRow::queryCodeHash).orElse("");
        boolean matches = queryCodes.matches(number, queryCode, hash);
        if (found.isEmpty() || !matches) {
            guard.recordFailure(number, address);
            throw new CaseNotFoundException(caseNumber);
        }
        return views.citizen(found.get());
    }

    /**
     * The citizen's rating of the result, with the same guard on the query code as a look-up.
     *
     * @throws CaseNotFoundException for an unknown number or a wrong code
     * @throws org.hotline8890.cases.CaseStateException when the case is not waiting for a rating
     */
    public void feedback(String caseNumber, String queryCode, Satisfaction rating, String comment, String address) {
        guard.checkAllowed(caseNumber, address);
        try {
            actions.recordCitizenFeedback(caseNumber, queryCode, rating, comment);
        } catch (CaseNotFoundException wrongCode) {
            guard.recordFailure(caseNumber, address);
            throw wrongCode;
        }
    }
}
