package org.hotline8890.knowledge;

/** An action the article's current state does not allow; the API answers 409 with the code. */
public class ArticleStateException extends RuntimeException {

    private final String code;

    ArticleStateException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String getCode() {
        return code;
    }
}
