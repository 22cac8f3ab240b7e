package org.hotline8890.intake;

import java.util.Optional;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.IntakeReceipts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ContactReceipts implements IntakeReceipts {

    private final IntakeContactRepository contacts;
    private final CaseRepository cases;

    ContactReceipts(IntakeContactRepository contacts, CaseRepository cases) {
        this.contacts = contacts;
        this.cases = cases;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> caseNumberFor(Channel channel, String channelMessageId) {
        return contacts.findByChannelAndChannelMessageId(channel, channelMessageId)
                .flatMap(contact -> cases.findById(contact.caseId()))
                .map(HotlineCase::getCaseNumber);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> latestContactId(String caseNumber, Channel channel) {
        return cases.findByCaseNumber(caseNumber)
                .flatMap(c -> contacts.findFirstByCaseIdAndChannelOrderByIdDesc(c.getId(), channel))
                .map(IntakeContact::channelMessageId);
    }
}
