package org.hotline8890.knowledge;

/** No article with that id, or one the caller may not see (a department's proposal for another unit). */
public class ArticleNotFoundException extends RuntimeException {

    ArticleNotFoundException(long id) {
        super("no knowledge article " + id);
    }
}
