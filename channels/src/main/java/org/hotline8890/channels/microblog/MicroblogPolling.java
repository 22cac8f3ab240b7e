package org.hotline8890.channels.microblog;

import java.util.List;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reads each enabled platform when it is due. One platform backing off does not hold up the
 * other: each keeps its own next read time.
 */
class MicroblogPolling {

    private final List<PlatformReader> readers;

    MicroblogPolling(List<PlatformReader> readers) {
        this.readers = List.copyOf(readers);
    }

    @Scheduled(fixedDelayString = "${hotline.channels.microblog.tick:1000}",
            initialDelayString = "${hotline.channels.microblog.tick:1000}")
    void readDue() {
        readers.forEach(PlatformReader::readIfDue);
    }

    List<PlatformReader> readers() {
        return readers;
    }
}
