package org.hotline8890.channels.text;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Plain text from HTML (an HTML-only mail, a Mastodon post): tags go, entities are decoded, and the
 * line structure a reader sees (paragraphs, line breaks, list items, table rows) is kept.
 */
public final class HtmlText {

    /** Set apart by an empty line. */
    private static final Set<String> PARAGRAPHS = Set.of("p", "table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "address", "hr", "form", "fieldset");
    /** On a line of their own. */
    private static final Set<String> LINES = Set.of("div", "li", "tr", "dt", "dd", "section", "article", "header",
            "footer", "center");
    private static final Set<String> INVISIBLE = Set.of("head", "script", "style", "title", "template");

    private HtmlText() {
    }

    public static String toPlainText(String html) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new LineKeeper(out), Jsoup.parse(html).body());
        return tidy(out.toString());
    }

    private static final class LineKeeper implements NodeVisitor {
        private final StringBuilder out;
        private int hidden;
        private int preformatted;

        LineKeeper(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (INVISIBLE.contains(tag)) {
                    hidden++;
                } else if (tag.equals("br")) {
                    out.append('\n');
                } else if (PARAGRAPHS.contains(tag)) {
                    startParagraph();
                } else if (LINES.contains(tag)) {
                    startLine();
                    if (tag.equals("li")) {
                        out.append("- ");
                    }
                }
                if (tag.equals("pre")) {
                    preformatted++;
                }
            } else if (node instanceof TextNode text && hidden == 0) {
                out.append(preformatted > 0 ? text.getWholeText() : collapseSpaces(text.getWholeText()));
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (INVISIBLE.contains(tag)) {
                    hidden--;
                } else if (PARAGRAPHS.contains(tag)) {
                    startParagraph();
                } else if (LINES.contains(tag)) {
                    startLine();
                } else if (tag.equals("td") || tag.equals("th")) {
                    out.append(' ');
                }
                if (tag.equals("pre")) {
                    preformatted--;
                }
            }
        }

        private void startLine() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void startParagraph() {
            startLine();
            if (!out.isEmpty() && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
                out.append('\n');
            }
        }
    }

    private static String collapseSpaces(String text) {
        return text.replaceAll("[\\s\\u00a0]+", " ");
    }

    /** Spaces at line ends and runs of empty lines are layout, not content. */
    private static String tidy(String text) {
        return text.replaceAll("[ \\t\\u00a0]+\\n", "\n")
                .replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
