package org.hotline8890.web;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The public dashboard and ranking as a test reads them: figures out of the tables (the accessible
 * version of each chart), by table, row code and column name. Works on what a browser shows ({@link
 * #open}) or on a page fetched any other way ({@link #of}), so a whole-life walk can check that a
 * case it drove shows up, e.g. {@code completedCount("HBJ")}.
 */
public final class DashboardPage {

    private final Document page;

    private DashboardPage(Document page) {
        this.page = page;
    }

    /** Opens {@code /public/dashboard} for the months {@code from} to {@code to} (yyyy-MM; blank for the default year). */
    public static DashboardPage open(Chromium browser, String from, String to) {
        browser.open("/public/dashboard?from=" + from + "&to=" + to);
        return of(browser.driver().getPageSource());
    }

    /** Opens {@code /public/ranking} for {@code month} (yyyy-MM; blank for the last full month). */
    public static DashboardPage openRanking(Chromium browser, String month) {
        browser.open("/public/ranking?month=" + month);
        return of(browser.driver().getPageSource());
    }

    public static DashboardPage of(String html) {
        return new DashboardPage(Jsoup.parse(html));
    }

    /** Cases of a department completed on time in the period (the numerator of its on-time completion rate). */
    public int completedCount(String departmentCode) {
        return count("departments", departmentCode, "completedOnTime");
    }

    public int receivedCount(String departmentCode) {
        return count("departments", departmentCode, "received");
    }

    /** {@code table}: months, departments, districts, ranked or not-ranked; {@code column}: a figure's field name, e.g. {@code onTimeSignRate}. */
    public String cell(String table, String code, String column) {
        Element cell = page.selectFirst("#table-" + table + " tbody tr[data-code='" + code + "'] [data-column='" + column + "']");
        if (cell == null) {
            throw new AssertionError("no cell " + column + " for " + code + " in table " + table);
        }
        return cell.text();
    }

    public int count(String table, String code, String column) {
        return Integer.parseInt(cell(table, code, column));
    }

    public boolean hasTable(String table) {
        return page.getElementById("table-" + table) != null;
    }

    /** Row codes in the order shown. */
    public List<String> codes(String table) {
        return page.select("#table-" + table + " tbody tr").eachAttr("data-code");
    }

    public List<String> headers(String table) {
        return page.select("#table-" + table + " thead th").eachText();
    }

    /** Each row's cells as shown, without the header. */
    public List<List<String>> rows(String table) {
        return page.select("#table-" + table + " tbody tr").stream().map(tr -> tr.children().eachText()).toList();
    }

    /** Department codes in a ranking call-out: {@code best} or {@code worst}. */
    public List<String> callOut(String which) {
        return page.select("#" + which + " li").eachAttr("data-code");
    }

    /** The chart canvases' ids. */
    public List<String> charts() {
        return page.select("canvas[data-chart]").eachAttr("id");
    }

    public String chartData(String id) {
        return page.getElementById(id).attr("data-chart");
    }

    /** The message shown for a bad parameter, or {@code null}. */
    public String problem() {
        Element problem = page.selectFirst(".notice.error");
        return problem == null ? null : problem.text();
    }

    public String downloadLink(String table, String format) {
        Element link = page.selectFirst("a[href*='/" + table + "." + format + "']");
        return link == null ? null : link.attr("href");
    }
}
