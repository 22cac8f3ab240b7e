package org.hotline8890.channels.microblog;

import java.util.Optional;

/** The microblog platforms; a post's or account's id is qualified with the platform's prefix. */
enum Platform {
    WEIBO("weibo"), MASTODON("mastodon");

    private final String prefix;

    Platform(String prefix) {
        this.prefix = prefix;
    }

    String qualify(String platformId) {
        return prefix + ":" + platformId;
    }

    /** The platform a qualified id belongs to, e.g. {@code weibo:4983...} is WEIBO. */
    static Optional<Platform> of(String qualifiedId) {
        if (qualifiedId == null) {
            return Optional.empty();
        }
        for (Platform p : values()) {
            if (qualifiedId.startsWith(p.prefix + ":")) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The platform's own id inside a qualified one. */
    String unqualify(String qualifiedId) {
        return qualifiedId.substring(prefix.length() + 1);
    }

    String prefix() {
        return prefix;
    }
}
