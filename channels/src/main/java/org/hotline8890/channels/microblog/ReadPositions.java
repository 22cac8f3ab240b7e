package org.hotline8890.channels.microblog;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far each feed has been read ({@code since_id}), in {@code microblog_read_position}, so a
 * restart goes on from there. A position only moves forward.
 */
class ReadPositions {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReadPositions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<String> of(Platform platform, String feed) {
        List<String> ids = jdbc.queryForList("SELECT since_id FROM microblog_read_position WHERE feed = ?",
                String.class, key(platform, feed));
        return ids.stream().findFirst();
    }

    void advance(Platform platform, String feed, String id) {
        Optional<String> current = of(platform, feed);
        if (current.isPresent() && !newer(id, current.get())) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE microblog_read_position SET since_id = ?, updated_at = ? WHERE feed = ?", id, now,
                key(platform, feed)) == 0) {
            try {
                jdbc.update("INSERT INTO microblog_read_position (feed, since_id, updated_at) VALUES (?, ?, ?)",
                        key(platform, feed), id, now);
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                jdbc.update("UPDATE microblog_read_position SET since_id = ?, updated_at = ? WHERE feed = ?", id, now,
                        key(platform, feed));
            }
        }
    }

    /** Ids on both platforms are decimal numbers that grow with time; compared as text, of any length. */
    static final Comparator<String> OLDEST_FIRST = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    static boolean newer(String id, String than) {
        return OLDEST_FIRST.compare(id, than) > 0;
    }

    private static String key(Platform platform, String feed) {
        return platform.prefix() + ":" + feed;
    }
}
