package org.hotline8890.channels.microblog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.channels.IntakeQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one platform's feeds from where it left off and publishes each post that says something as
 * a contact. The read position moves past a post only once the queue holds it (or once it is
 * known to need no case), so a crash re-reads at most a few posts, which idempotency absorbs.
 * Failures back off exponentially up to a cap, or until the platform's own reset time.
 */
class PlatformReader {

    private static final Logger log = LoggerFactory.getLogger(PlatformReader.class);
    /** Pages read back per feed and poll when many posts came in since the last read. */
    static final int MAX_PAGES = 20;

    private final PlatformApi api;
    private final MicroblogSettings.PlatformSettings settings;
    private final ReadPositions positions;
    private final IntakeQueue queue;
    private final Pattern caseNumber;
    private final Clock clock;

    private Instant nextReadAt;
    private int failures;

    PlatformReader(PlatformApi api, MicroblogSettings.PlatformSettings settings, ReadPositions positions,
                   IntakeQueue queue, String caseNumberPrefix, Clock clock) {
        this.api = api;
        this.settings = settings;
        this.positions = positions;
        this.queue = queue;
        this.caseNumber = Pattern.compile("(?<![\\p{N}])" + Pattern.quote(caseNumberPrefix) + "-\\d{8}-\\d{6}(?!\\d)");
        this.clock = clock;
        this.nextReadAt = clock.instant();
    }

    Platform platform() {
        return api.platform();
    }

    /** When this platform is read next: after the poll interval, or later while backing off. */
    Instant nextReadAt() {
        return nextReadAt;
    }

    synchronized void readIfDue() {
        if (!clock.instant().isBefore(nextReadAt)) {
            read();
        }
    }

    private void read() {
        try {
            for (String feed : api.feeds()) {
                readFeed(feed);
            }
            failures = 0;
            nextReadAt = clock.instant().plus(settings.pollInterval());
        } catch (ApiFailure failure) {
            backOff(failure.getMessage(), failure.retryAt());
        } catch (RuntimeException failure) {
            // The queue or the read-position table failed: nothing was lost, the posts are read again.
            backOff(failure.toString(), null);
        }
    }

    private void backOff(String reason, Instant platformSaysRetryAt) {
        failures++;
        Instant now = clock.instant();
        Duration wait = settings.firstBackoff().multipliedBy(1L << Math.min(failures - 1, 20));
        if (wait.compareTo(settings.maxBackoff()) > 0) {
            wait = settings.maxBackoff();
        }
        Instant retryAt = now.plus(wait);
        if (platformSaysRetryAt != null && platformSaysRetryAt.isAfter(retryAt)) {
            retryAt = platformSaysRetryAt;
        }
        nextReadAt = retryAt;
        log.warn("{}: reading failed ({} in a row), next read at {}: {}", api.platform().prefix(), failures, retryAt,
                reason);
    }

    private void readFeed(String feed) throws ApiFailure {
        String since = positions.of(api.platform(), feed).orElse(null);
        List<MicroblogPost> posts = new ArrayList<>();
        String newest = null;
        String olderThan = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            PlatformApi.Page read = api.read(feed, since, olderThan, settings.pageSize());
            posts.addAll(read.posts());
            newest = newest == null ? read.newest() : newest;
            // The first read of a feed starts from its newest page, not from the account's whole past.
            if (since == null || read.returned() < settings.pageSize() || read.oldest() == null) {
                break;
            }
            olderThan = read.oldest();
            if (page == MAX_PAGES - 1) {
                log.warn("{} {}: more than {} pages came in since {}; older ones are skipped", api.platform().prefix(),
                        feed, MAX_PAGES, since);
            }
        }
        posts.sort(Comparator.comparing(MicroblogPost::cursorId, ReadPositions.OLDEST_FIRST));
        for (MicroblogPost post : posts) {
            take(post);
            positions.advance(api.platform(), feed, post.cursorId());
        }
        if (newest != null) {
            positions.advance(api.platform(), feed, newest);
        }
    }

    private void take(MicroblogPost post) {
        if (settings.accountId() != null && settings.accountId().equals(post.authorId())) {
            return;
        }
        if (!PostText.hasWords(post.text())) {
            log.info("{} by {} holds only mentions or emoji: no case, no reply", post.id(), post.authorHandle());
            return;
        }
        queue.publish(contact(post));
    }

    private ContactMessage contact(MicroblogPost post) {
        Map<String, String> metadata = new HashMap<>();
        if (post.parentId() != null) {
            metadata.put(ContactMessage.IN_REPLY_TO, post.parentId());
        }
        Matcher quoted = caseNumber.matcher(post.text());
        if (quoted.find()) {
            metadata.put(ContactMessage.CASE_REFERENCE, quoted.group());
        }
        return new ContactMessage(Channel.MICROBLOG, post.id(),
                post.createdAt() == null ? clock.instant() : post.createdAt(),
                new ContactMessage.Sender(post.authorName(), null, null, post.authorHandle(), false),
                null, PostText.withoutLeadingMentions(post.text()), List.of(), null, null, null, null, null,
                false, false, null, metadata);
    }
}
