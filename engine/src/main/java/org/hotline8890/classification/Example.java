package org.hotline8890.classification;

/** A labelled request: a closed case or a line of the demo corpus. Any label may be null (not learnt). */
record Example(String text, String type, String category, String department) {

    static Example of(String subject, String content, String type, String category, String department) {
        return new Example(join(subject, content), type, category, department);
    }

    /** How a request becomes one text, here and when suggesting: the subject, then the content. */
    static String join(String subject, String content) {
        return (subject == null ? "" : subject) + "\n" + (content == null ? "" : content);
    }
}
