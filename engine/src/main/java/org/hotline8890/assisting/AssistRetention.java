package org.hotline8890.assisting;

import java.util.List;
import java.util.function.UnaryOperator;

import org.hotline8890.records.PersonalDataStore;
import org.springframework.stereotype.Component;

/**
 * The retention rule for assisting units' parts: what they wrote about the case (协办意见, a decline's
 * reason) is de-identified like the case's own texts; dates and outcomes stay for the figures.
 */
@Component
class AssistRetention implements PersonalDataStore {

    private final AssistRepository assists;

    AssistRetention(AssistRepository assists) {
        this.assists = assists;
    }

    @Override
    public List<Erased> eraseCase(Long caseId, UnaryOperator<String> deidentify) {
        List<CaseAssist> parts = assists.findByCaseIdOrderByIdAsc(caseId);
        for (CaseAssist part : parts) {
            part.deidentifyTexts(deidentify);
            assists.save(part);
        }
        return List.of(new Erased("assisting units' texts de-identified", parts.size()));
    }
}
