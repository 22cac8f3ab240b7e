package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.organisation.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The public dashboard, the monthly ranking and their downloads, against the cases of {@link DashboardFixture}. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DashboardPagesTest {

    private static final String PERIOD = "from=2019-05&to=2019-06";

    @Autowired MockMvc mvc;
    @Autowired CaseRepository cases;
    @Autowired Organisation organisation;

    @BeforeEach
    void knownCases() {
        DashboardFixture.ensureStored(cases, organisation);
    }

    @Test
    void theDashboardShowsTheFiguresOfTheKnownCasesPerMonthDepartmentAndDistrict() throws Exception {
        DashboardPage page = DashboardPage.of(page("/public/dashboard?" + PERIOD));

        assertThat(page.codes("months")).containsExactly("2019-05", "2019-06");
        assertThat(page.count("months", "2019-05", "received")).isEqualTo(2);
        assertThat(page.count("months", "2019-05", "signedOnTime")).isEqualTo(1);
        assertThat(page.count("months", "2019-05", "signDecided")).isEqualTo(2);
        assertThat(page.cell("months", "2019-05", "onTimeSignRate")).isEqualTo("50.00%");
        assertThat(page.cell("months", "2019-05", "satisfactionRate")).isEqualTo("100.00%");
        assertThat(page.count("months", "2019-06", "received")).isEqualTo(2);
        assertThat(page.count("months", "2019-06", "dispatched")).isEqualTo(1);

        // The directly answered case has no department: HBJ counts cases 1 and 2, ZJJ case 3.
        assertThat(page.receivedCount("HBJ")).isEqualTo(2);
        assertThat(page.completedCount("HBJ")).isEqualTo(1);
        assertThat(page.count("departments", "HBJ", "handlingDecided")).isEqualTo(2);
        assertThat(page.cell("departments", "HBJ", "onTimeCompletionRate")).isEqualTo("50.00%");
        assertThat(page.completedCount("ZJJ")).isEqualTo(1);
        assertThat(page.cell("departments", "JTJ", "onTimeSignRate")).isEqualTo("—");
        assertThat(page.cell("departments", "HBJ", "name")).isEqualTo("市生态环境局");

        // Districts are where the request is about: XC has case 3 and the directly answered case 4.
        assertThat(page.count("districts", "DC", "received")).isEqualTo(2);
        assertThat(page.count("districts", "XC", "received")).isEqualTo(2);
        assertThat(page.count("districts", "XC", "dispatched")).isEqualTo(1);
        assertThat(page.cell("districts", "XC", "name")).isEqualTo("西城区");

        assertThat(page.charts()).containsExactly("chart-months", "chart-departments", "chart-districts", "chart-assists");
        assertThat(page.chartData("chart-months")).contains("\"labels\":[\"2019-05\",\"2019-06\"]", "[50.0,100.0]");
        assertThat(page.downloadLink("departments", "csv")).isEqualTo("/public/dashboard/departments.csv?from=2019-05&to=2019-06");
    }

    @Test
    void withoutAPeriodTheDashboardShowsTheLastTwelveMonths() throws Exception {
        DashboardPage page = DashboardPage.of(page("/public/dashboard"));
        assertThat(page.codes("months")).hasSize(12);
    }

    @Test
    void eachCsvHoldsExactlyTheTableOnThePageWithAByteOrderMarkAndAChineseFileName() throws Exception {
        DashboardPage page = DashboardPage.of(page("/public/dashboard?" + PERIOD));
        for (String table : List.of("months", "departments", "districts")) {
            MockHttpServletResponse csv = download("/public/dashboard/" + table + ".csv?" + PERIOD, null);
            assertThat(csv.getContentType()).isEqualTo("text/csv;charset=UTF-8");
            byte[] bytes = csv.getContentAsByteArray();
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            List<List<String>> lines = parseCsv(new String(bytes, StandardCharsets.UTF_8).substring(1));
            assertThat(lines.get(0)).as(table + " headers").isEqualTo(page.headers(table));
            assertThat(lines.subList(1, lines.size())).as(table + " rows").isEqualTo(page.rows(table));
        }
        String disposition = download("/public/dashboard/departments.csv?" + PERIOD, null).getHeader("Content-Disposition");
        assertThat(disposition).isEqualTo("attachment; filename=\"hotline8890-departments_2019-05_2019-06.csv\"; "
                + "filename*=UTF-8''%E8%80%83%E6%A0%B8%E6%8C%87%E6%A0%87-%E5%90%84%E9%83%A8%E9%97%A8_2019-05_2019-06.csv");
    }

    @Test
    void anEnglishReaderGetsEnglishHeadersAndNames() throws Exception {
        String csv = download("/public/dashboard/departments.csv?" + PERIOD, "en").getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Department,Received,Dispatched,Signed on time", "Ecology and Environment Bureau,2,2,1,2,50.00%");
    }

    @Test
    void eachXlsxOpensAndHoldsTheSameRowsAsThePage() throws Exception {
        DashboardPage page = DashboardPage.of(page("/public/dashboard?" + PERIOD));
        for (String table : List.of("months", "departments", "districts")) {
            MockHttpServletResponse xlsx = download("/public/dashboard/" + table + ".xlsx?" + PERIOD, null);
            assertThat(xlsx.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(xlsx.getHeader("Content-Disposition")).contains("_2019-05_2019-06.xlsx");
            List<List<String>> rows = readXlsx(xlsx.getContentAsByteArray());
            assertThat(rows.get(0)).as(table + " headers").isEqualTo(page.headers(table));
            assertThat(rows.subList(1, rows.size())).as(table + " rows").isEqualTo(page.rows(table));
        }
    }

    @Test
    void aBadMonthIsExplainedOnThePageAndRefusedWith400ByTheDownload() throws Exception {
        assertThat(DashboardPage.of(page("/public/dashboard?from=2026-13&to=2026-12")).problem()).contains("月份格式不对");
        assertThat(DashboardPage.of(page("/public/dashboard?from=2026-06&to=2026-01")).problem()).contains("截止月份不能早于起始月份");
        assertThat(DashboardPage.of(page("/public/dashboard?from=2020-01&to=2026-01")).problem()).contains("最长 36 个月");
        assertThat(DashboardPage.of(page("/public/ranking?month=2026-13")).problem()).contains("月份格式不对");
        assertThat(page("/public/dashboard?from=2026-13")).contains("aria-invalid=\"true\"").doesNotContain("Exception");

        MockHttpServletResponse refused = mvc.perform(get("/public/dashboard/months.csv?from=2026-13"))
                .andExpect(status().isBadRequest()).andReturn().getResponse();
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).startsWith("from: 月份格式不对");
        assertThat(mvc.perform(get("/public/dashboard/months.xlsx?from=2026-06&to=2026-01")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).startsWith("to: ");
        assertThat(mvc.perform(get("/public/ranking/ranked.csv?month=July").cookie(new Cookie("hotline-lang", "en")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .startsWith("month: That is not a month");
    }

    @Test
    void theRankingCallsOutTheBestAndWorstThreeAndListsTheDepartmentsNotRanked() throws Exception {
        DashboardPage page = DashboardPage.of(page("/public/ranking?month=2019-07"));

        assertThat(page.codes("ranked")).containsExactly(DashboardFixture.RANKED);
        assertThat(page.cell("ranked", "HBJ", "score")).isEqualTo("100.00");
        assertThat(page.cell("ranked", "DC-CGJ", "score")).isEqualTo("75.00");
        assertThat(page.cell("ranked", "JTJ", "position")).isEqualTo("4");
        assertThat(page.callOut("best")).containsExactly("HBJ", "ZJJ", "SCJG");
        assertThat(page.callOut("worst")).containsExactly("JTJ", "RSJ", "DC-CGJ");
        assertThat(page.codes("not-ranked")).contains("XC-CGJ", "NH-CGJ").doesNotContain(DashboardFixture.RANKED);
        assertThat(page.count("not-ranked", "XC-CGJ", "dispatched")).isEqualTo(2);
        assertThat(page.cell("not-ranked", "XC-CGJ", "reason")).isEqualTo("当月派单少于 5 件");

        List<List<String>> csv = parseCsv(download("/public/ranking/ranked.csv?month=2019-07", null)
                .getContentAsString(StandardCharsets.UTF_8).substring(1));
        assertThat(csv.subList(1, csv.size())).isEqualTo(page.rows("ranked"));
        assertThat(readXlsx(download("/public/ranking/not-ranked.xlsx?month=2019-07", null).getContentAsByteArray())
                .subList(1, page.rows("not-ranked").size() + 1)).isEqualTo(page.rows("not-ranked"));
    }

    @Test
    void theHomePageLeadsToTheDashboardAndTheRanking() throws Exception {
        assertThat(page("/")).contains("href=\"/public/dashboard\"", "href=\"/public/ranking\"")
                .doesNotContain("/api/public/statistics");
    }

    // --- helpers ---

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse download(String path, String language) throws Exception {
        var request = get(path);
        if (language != null) {
            request.cookie(new Cookie("hotline-lang", language));
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
    }

    /** RFC 4180: fields separated by commas, quoted when they hold a comma, quote or line break; CRLF line ends. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                line.add(field.toString());
                field.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return lines;
    }

    /**
     * The sheet read back as the page would show it: numbers in percent-formatted cells as percentages
     * with two decimals, other numbers as they are, an empty rate cell as the page's dash.
     */
    static List<List<String>> readXlsx(byte[] bytes) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false))) {
            List<Row> rows = workbook.getFirstSheet().read();
            int width = rows.get(0).getCellCount();
            List<List<String>> read = new ArrayList<>();
            for (Row row : rows) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    Cell cell = c < row.getCellCount() ? row.getCell(c) : null;
                    if (cell == null || cell.getRawValue() == null) {
                        cells.add("—");
                    } else if (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER) {
                        BigDecimal n = cell.asNumber();
                        String format = cell.getDataFormatString();
                        cells.add(format != null && format.contains("%")
                                ? n.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP) + "%"
                                : n.stripTrailingZeros().scale() <= 0 ? n.toBigInteger().toString() : n.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
                    } else {
                        cells.add(cell.asString());
                    }
                }
                read.add(cells);
            }
            return read;
        }
    }
}
