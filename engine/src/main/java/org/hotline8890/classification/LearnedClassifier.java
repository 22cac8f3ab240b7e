package org.hotline8890.classification;

import java.util.ArrayList;
import java.util.List;

import org.hotline8890.BackgroundBuild;
import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseChanged;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The {@link CaseClassifier}: naive Bayes models learnt from this hotline's closed cases (plus the demo
 * corpus when demo data is on). Built once the node is up, without holding back its start-up (a
 * suggestion asked for before then waits for it); rebuilt every {@code retrain-interval} so cases
 * closed on other nodes and reopened-and-refiled cases count, and taught each case closed on this
 * node the moment its transaction commits. Until it has learnt enough it suggests nothing.
 */
@Component
class LearnedClassifier implements CaseClassifier {

    private static final Logger log = LoggerFactory.getLogger(LearnedClassifier.class);

    private final ClassificationSettings settings;
    private final HotlineProperties properties;
    private final ClosedCases closedCases;
    private final Organisation organisation;
    private final ClassificationFeedback feedback;
    private final Features features = new Features();
    private volatile CaseModel model;
    private final BackgroundBuild firstTraining = new BackgroundBuild("classification model", this::retrain);

    LearnedClassifier(ClassificationSettings settings, HotlineProperties properties, ClosedCases closedCases,
                      Organisation organisation, ClassificationFeedback feedback) {
        this.settings = settings;
        this.properties = properties;
        this.closedCases = closedCases;
        this.organisation = organisation;
        this.feedback = feedback;
        this.model = new CaseModel(features, settings.minExamplesPerLabel());
    }

    @Override
    public Suggestions suggest(String text, int limit) {
        if (!settings.enabled() || text == null || text.isBlank() || limit <= 0) {
            return CaseModel.nothing();
        }
        // A suggestion asked for during start-up waits for the first model rather than get none.
        firstTraining.await();
        return model.suggest(text, limit);
    }

    @Override
    public void recordChoice(long caseId, Suggestions shown, Choice chosen) {
        if (shown == null || chosen == null) {
            return;
        }
        feedback.record(caseId, ClassificationFeedback.Field.TYPE, shown.types(), chosen.type());
        feedback.record(caseId, ClassificationFeedback.Field.CATEGORY, shown.categories(), chosen.category());
        feedback.record(caseId, ClassificationFeedback.Field.DEPARTMENT, shown.departments(), chosen.department());
    }

    /** Once the node is up, on a thread of its own. */
    @EventListener(ApplicationReadyEvent.class)
    void trainAtStartUp() {
        firstTraining.start();
    }

    @Scheduled(fixedDelayString = "${hotline.classification.retrain-interval:1h}",
            initialDelayString = "${hotline.classification.retrain-interval:1h}")
    void retrainScheduled() {
        retrain();
    }

    /** Rebuilds the model from everything there is to learn from; returns how many examples. */
    int retrain() {
        if (!settings.enabled()) {
            return 0;
        }
        List<Example> examples = new ArrayList<>();
        if (properties.demoData()) {
            examples.addAll(DemoCorpus.load());
        }
        examples.addAll(closedCases.newest(settings.maxCases()));
        // Built aside and swapped in whole, so suggestions never come from a half-trained model.
        model = CaseModel.trainedOn(features, settings.minExamplesPerLabel(), examples);
        log.info("Classification model trained on {} examples", examples.size());
        return examples.size();
    }

    /** A case closed here is learnt at once, with the labels it closed with. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void caseChanged(CaseChanged change) {
        if (!settings.enabled() || change.to() != CaseStatus.CLOSED || change.from() == CaseStatus.CLOSED) {
            return;
        }
        try {
            HotlineCase closed = change.subject();
            String department = closed.getDepartmentId() == null ? null
                    : organisation.byId(closed.getDepartmentId()).map(OrgUnit::getCode).orElse(null);
            model.learn(Example.of(closed.getSubject(), closed.getContent(), closed.getType().name(),
                    closed.getCategoryCode(), department));
        } catch (RuntimeException e) {
            // Learning is a side line: closing the case has committed and must not look failed.
            log.warn("Could not learn closed case {}: {}", change.caseId(), e.toString());
        }
    }
}
