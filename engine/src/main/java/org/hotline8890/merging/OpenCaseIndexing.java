package org.hotline8890.merging;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hotline8890.BackgroundBuild;
import org.hotline8890.cases.CaseChanged;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.OpenCaseText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import jakarta.annotation.PreDestroy;

/**
 * Keeps this node's index of open cases current. A change made here is applied when its transaction
 * commits (a rolled-back change never shows); changes made on other nodes arrive with the periodic
 * rebuild from the table. Cases have no change stamp to read only the changed ones by, so the rebuild
 * re-reads every open case's text, a page at a time, and analyses only the texts that changed.
 */
@Component
class OpenCaseIndexing {

    private static final Logger log = LoggerFactory.getLogger(OpenCaseIndexing.class);

    private final OpenCaseIndex index = new OpenCaseIndex();
    private final CaseRepository cases;
    /** Open cases read per query: the texts of one page are in memory at a time, not every open case's. */
    private final int pageSize;
    private final BackgroundBuild firstBuild = new BackgroundBuild("open-case index", () -> {
        rebuild();
        log.info("Open-case index for repeat requests built from {} cases", index.size());
    });

    @Autowired
    OpenCaseIndexing(CaseRepository cases) {
        this(cases, 2_000);
    }

    OpenCaseIndexing(CaseRepository cases, int pageSize) {
        this.cases = cases;
        this.pageSize = pageSize;
    }

    /** The index, once every open case is in it: a look-up during start-up waits for the first build. */
    OpenCaseIndex index() {
        firstBuild.await();
        return index;
    }

    /** Once the node is up, on a thread of its own. */
    @EventListener(ApplicationReadyEvent.class)
    void build() {
        firstBuild.start();
    }

    @Scheduled(fixedDelayString = "${hotline.merging.refresh-interval:5m}",
            initialDelayString = "${hotline.merging.refresh-interval:5m}")
    void rebuild() {
        // A case above this was made after the rebuild began: its commit put it in the index, keep it.
        long ceiling = cases.findHighestId();
        Set<Long> open = new HashSet<>();
        long lastId = 0;
        List<OpenCaseText> page;
        do {
            page = cases.findOpenCaseTexts(CaseStatus.finalStatuses(), lastId, PageRequest.ofSize(pageSize));
            for (OpenCaseText c : page) {
                open.add(c.id());
                index.put(openCase(c));
                lastId = c.id();
            }
        } while (page.size() == pageSize);
        index.retainUpTo(open, ceiling);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(CaseChanged change) {
        HotlineCase c = change.subject();
        if (c.getId() == null) {
            return;
        }
        if (c.getStatus().isFinal()) {
            index.remove(c.getId());
        } else {
            index.put(openCase(c));
        }
    }

    static OpenCaseIndex.OpenCase openCase(HotlineCase c) {
        return new OpenCaseIndex.OpenCase(c.getId(), c.getCaseNumber(), c.getSubject(), c.getDistrictCode(),
                c.getReceivedAt(), text(c.getSubject(), c.getContent()));
    }

    static OpenCaseIndex.OpenCase openCase(OpenCaseText c) {
        return new OpenCaseIndex.OpenCase(c.id(), c.caseNumber(), c.subject(), c.districtCode(), c.receivedAt(),
                text(c.subject(), c.content()));
    }

    static String text(String subject, String content) {
        return (subject == null ? "" : subject) + "。" + (content == null ? "" : content);
    }

    @PreDestroy
    void close() throws IOException {
        index.close();
    }
}
