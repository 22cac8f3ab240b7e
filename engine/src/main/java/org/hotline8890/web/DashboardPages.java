package org.hotline8890.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.hotline8890.HotlineProperties;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.statistics.AssistFigures;
import org.hotline8890.statistics.ComplianceFigures;
import org.hotline8890.statistics.ComplianceStatistics;
import org.hotline8890.statistics.ComplianceStatistics.UnitAssistFigures;
import org.hotline8890.statistics.ComplianceStatistics.UnitFigures;
import org.hotline8890.statistics.RankingPolicy;
import org.hotline8890.web.FigureTable.Column;
import org.hotline8890.web.FigureTable.Kind;
import org.hotline8890.web.FigureTable.Row;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * For anyone, no login: the compliance dashboard (figures per department, per district and per month)
 * and the monthly ranking of departments, each table also as CSV and XLSX. The figures are
 * {@link ComplianceStatistics}' and the score {@link RankingPolicy}'s; this class only lays them out.
 */
@Controller
class DashboardPages {

    private static final List<String> DASHBOARD_TABLES = List.of("months", "departments", "districts", "assists");

    private final ComplianceStatistics statistics;
    private final RankingPolicy rankingPolicy;
    private final Choices choices;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;

    DashboardPages(ComplianceStatistics statistics, RankingPolicy rankingPolicy, Choices choices, MessageSource messages,
                   ObjectMapper json, Clock clock, HotlineProperties properties) {
        this.statistics = statistics;
        this.rankingPolicy = rankingPolicy;
        this.choices = choices;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** One table with its chart: {@code chart} is the JSON that static/js/dashboard.js hands to Chart.js. */
    record Section(String id, String title, FigureTable table, String chart) {
    }

    @GetMapping("/public/dashboard")
    String dashboard(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                     Model model, Locale locale) {
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        Months.Period period;
        try {
            period = Months.period(from, to, currentMonth());
        } catch (Months.BadParameter bad) {
            problem(model, bad);
            return "public/dashboard";
        }
        model.addAttribute("from", period.from().toString());
        model.addAttribute("to", period.to().toString());
        List<Section> sections = new ArrayList<>();
        for (String id : DASHBOARD_TABLES) {
            FigureTable table = dashboardTable(id, period, locale);
            sections.add(new Section(id, text("page.dashboard.section." + id, locale), table,
                    chart(id.equals("months") ? "line" : "bar", table, switch (id) {
                        case "months" -> List.of("onTimeSignRate", "onTimeCompletionRate", "satisfactionRate", "returnRate",
                                "rehandlingRate");
                        case "assists" -> List.of("assistOnTimeSignRate", "assistOnTimeContributionRate");
                        default -> List.of("onTimeSignRate", "onTimeCompletionRate", "satisfactionRate");
                    })));
        }
        model.addAttribute("sections", sections);
        model.addAttribute("computedAt", clock.instant().atZone(zone));
        return "public/dashboard";
    }

    @GetMapping("/public/dashboard/{table:months|departments|districts|assists}.{format:csv|xlsx}")
    ResponseEntity<byte[]> dashboardDownload(@PathVariable String table, @PathVariable String format,
                                             @RequestParam(defaultValue = "") String from,
                                             @RequestParam(defaultValue = "") String to, Locale locale) {
        Months.Period period = Months.period(from, to, currentMonth());
        return download(dashboardTable(table, period, locale), format, period.from() + "_" + period.to(), locale);
    }

    @GetMapping("/public/ranking")
    String ranking(@RequestParam(defaultValue = "") String month, Model model, Locale locale) {
        model.addAttribute("month", month);
        YearMonth chosen;
        try {
            chosen = Months.rankingMonth(month, currentMonth());
        } catch (Months.BadParameter bad) {
            problem(model, bad);
            return "public/ranking";
        }
        RankingPolicy.Ranking ranking = rank(chosen);
        model.addAttribute("month", chosen.toString());
        model.addAttribute("ranking", ranking);
        model.addAttribute("ranked", rankedTable(ranking, locale));
        model.addAttribute("notRanked", notRankedTable(ranking, locale));
        model.addAttribute("settings", rankingPolicy.settings());
        model.addAttribute("english", english(locale));
        model.addAttribute("computedAt", clock.instant().atZone(zone));
        return "public/ranking";
    }

    @GetMapping("/public/ranking/{table:ranked|not-ranked}.{format:csv|xlsx}")
    ResponseEntity<byte[]> rankingDownload(@PathVariable String table, @PathVariable String format,
                                           @RequestParam(defaultValue = "") String month, Locale locale) {
        YearMonth chosen = Months.rankingMonth(month, currentMonth());
        RankingPolicy.Ranking ranking = rank(chosen);
        FigureTable shown = table.equals("ranked") ? rankedTable(ranking, locale) : notRankedTable(ranking, locale);
        return download(shown, format, chosen.toString(), locale);
    }

    /** Only the downloads get here; the pages catch a bad parameter themselves and say so next to the chooser. */
    @ExceptionHandler(Months.BadParameter.class)
    ResponseEntity<String> badParameter(Months.BadParameter bad, Locale locale) {
        return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(bad.parameter() + ": " + text(bad.reason(), locale));
    }

    // --- the tables ---

    private FigureTable dashboardTable(String id, Months.Period period, Locale locale) {
        Instant start = period.from().atDay(1).atStartOfDay(zone).toInstant();
        Instant end = period.to().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        if (id.equals("assists")) {
            return assistTable(statistics.assisting(start, end, List.of(OrgUnitKind.DEPARTMENT, OrgUnitKind.STREET)), locale);
        }
        Map<String, Named> rows = new LinkedHashMap<>();
        switch (id) {
            case "months" -> statistics.monthly(period.from(), period.to(), zone)
                    .forEach(m -> rows.put(m.month().toString(), new Named(m.month().toString(), m.figures())));
            case "departments" -> statistics.report(start, end, List.of(OrgUnitKind.DEPARTMENT)).units()
                    .forEach(u -> rows.put(u.code(), new Named(unitName(u, locale), u.figures())));
            default -> {
                Map<String, ComplianceFigures> byDistrict = new LinkedHashMap<>(statistics.byDistrict(start, end));
                ComplianceFigures none = ComplianceFigures.of(List.of(), clock.instant());
                for (Choices.Choice d : choices.districts(locale)) {
                    ComplianceFigures f = byDistrict.remove(d.code());
                    rows.put(d.code(), new Named(d.name(), f == null ? none : f));
                }
                // Codes no longer (or never) among the districts still count: listed under their code.
                byDistrict.forEach((code, f) -> rows.put(code,
                        new Named(code.isEmpty() ? text("page.dashboard.noDistrict", locale) : code, f)));
            }
        }
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("name", text("page.dashboard.col.name." + id, locale), Kind.TEXT));
        FIGURES.forEach((name, kind) -> columns.add(new Column(name, text("page.dashboard.col." + name, locale), kind)));
        List<Row> body = rows.entrySet().stream().map(e -> {
            List<Object> values = new ArrayList<>();
            values.add(e.getValue().name());
            FIGURES.keySet().forEach(name -> values.add(FIGURE_VALUES.get(name).apply(e.getValue().figures())));
            return new Row(e.getKey(), values);
        }).toList();
        return new FigureTable(id, columns, body);
    }

    /** 协办: one row per unit that can be asked to assist, each counted for its own part (docs/metrics.md). */
    private FigureTable assistTable(List<UnitAssistFigures> units, Locale locale) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("name", text("page.dashboard.col.name.assists", locale), Kind.TEXT));
        ASSIST_FIGURES.forEach((name, kind) -> columns.add(new Column(name, text("page.dashboard.col." + name, locale), kind)));
        List<Row> body = units.stream().map(u -> {
            List<Object> values = new ArrayList<>();
            values.add(english(locale) && u.nameEn() != null ? u.nameEn() : u.name());
            ASSIST_FIGURES.keySet().forEach(name -> values.add(ASSIST_VALUES.get(name).apply(u.figures())));
            return new Row(u.code(), values);
        }).toList();
        return new FigureTable("assists", columns, body);
    }

    private RankingPolicy.Ranking rank(YearMonth month) {
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return rankingPolicy.rank(statistics.report(start, end, List.of(OrgUnitKind.DEPARTMENT)).units());
    }

    private FigureTable rankedTable(RankingPolicy.Ranking ranking, Locale locale) {
        List<String> shown = List.of("dispatched", "onTimeSignRate", "onTimeCompletionRate", "satisfactionRate",
                "returnRate", "rehandlingRate");
        List<Column> columns = new ArrayList<>(List.of(
                new Column("position", text("page.dashboard.col.position", locale), Kind.COUNT),
                new Column("name", text("page.dashboard.col.name.departments", locale), Kind.TEXT),
                new Column("score", text("page.dashboard.col.score", locale), Kind.SCORE)));
        shown.forEach(name -> columns.add(new Column(name, text("page.dashboard.col." + name, locale), FIGURES.get(name))));
        List<Row> rows = ranking.ranked().stream().map(r -> {
            List<Object> values = new ArrayList<>(List.of(r.position(), unitName(r.unit(), locale), r.score()));
            shown.forEach(name -> values.add(FIGURE_VALUES.get(name).apply(r.unit().figures())));
            return new Row(r.unit().code(), values);
        }).toList();
        return new FigureTable("ranked", columns, rows);
    }

    private FigureTable notRankedTable(RankingPolicy.Ranking ranking, Locale locale) {
        List<Column> columns = List.of(
                new Column("name", text("page.dashboard.col.name.departments", locale), Kind.TEXT),
                new Column("dispatched", text("page.dashboard.col.dispatched", locale), Kind.COUNT),
                new Column("reason", text("page.dashboard.col.reason", locale), Kind.TEXT));
        List<Row> rows = ranking.notRanked().stream().map(n -> new Row(n.unit().code(), List.<Object>of(
                unitName(n.unit(), locale), n.unit().figures().dispatched(),
                messages.getMessage("page.ranking.reason." + n.reason(), new Object[] {rankingPolicy.settings().minimumCases()}, locale))))
                .toList();
        return new FigureTable("not-ranked", columns, rows);
    }

    /** The figures every dashboard table shows, each rate right after the counts behind it (docs/metrics.md). */
    private static final Map<String, Kind> FIGURES = new LinkedHashMap<>();
    private static final Map<String, Function<ComplianceFigures, Object>> FIGURE_VALUES = new LinkedHashMap<>();

    private static void figure(String name, Kind kind, Function<ComplianceFigures, Object> value) {
        FIGURES.put(name, kind);
        FIGURE_VALUES.put(name, value);
    }

    static {
        figure("received", Kind.COUNT, ComplianceFigures::received);
        figure("dispatched", Kind.COUNT, ComplianceFigures::dispatched);
        figure("signedOnTime", Kind.COUNT, ComplianceFigures::signedOnTime);
        figure("signDecided", Kind.COUNT, ComplianceFigures::signDecided);
        figure("onTimeSignRate", Kind.RATE, ComplianceFigures::onTimeSignRate);
        figure("completedOnTime", Kind.COUNT, ComplianceFigures::completedOnTime);
        figure("handlingDecided", Kind.COUNT, ComplianceFigures::handlingDecided);
        figure("onTimeCompletionRate", Kind.RATE, ComplianceFigures::onTimeCompletionRate);
        figure("satisfied", Kind.COUNT, ComplianceFigures::satisfied);
        figure("rated", Kind.COUNT, ComplianceFigures::rated);
        figure("satisfactionRate", Kind.RATE, ComplianceFigures::satisfactionRate);
        figure("returned", Kind.COUNT, ComplianceFigures::returned);
        figure("returnRate", Kind.RATE, ComplianceFigures::returnRate);
        figure("rehandled", Kind.COUNT, ComplianceFigures::rehandled);
        figure("feedbackRequested", Kind.COUNT, ComplianceFigures::feedbackRequested);
        figure("rehandlingRate", Kind.RATE, ComplianceFigures::rehandlingRate);
    }

    /** The 协办 table's figures, each rate after the counts behind it. */
    private static final Map<String, Kind> ASSIST_FIGURES = new LinkedHashMap<>();
    private static final Map<String, Function<AssistFigures, Object>> ASSIST_VALUES = new LinkedHashMap<>();

    private static void assistFigure(String name, Kind kind, Function<AssistFigures, Object> value) {
        ASSIST_FIGURES.put(name, kind);
        ASSIST_VALUES.put(name, value);
    }

    static {
        assistFigure("assistReceived", Kind.COUNT, AssistFigures::received);
        assistFigure("assistSignedOnTime", Kind.COUNT, AssistFigures::signedOnTime);
        assistFigure("assistSignDecided", Kind.COUNT, AssistFigures::signDecided);
        assistFigure("assistOnTimeSignRate", Kind.RATE, AssistFigures::onTimeSignRate);
        assistFigure("assistContributedOnTime", Kind.COUNT, AssistFigures::contributedOnTime);
        assistFigure("assistContributionDecided", Kind.COUNT, AssistFigures::contributionDecided);
        assistFigure("assistOnTimeContributionRate", Kind.RATE, AssistFigures::onTimeContributionRate);
        assistFigure("assistLate", Kind.COUNT, AssistFigures::late);
        assistFigure("assistDeclined", Kind.COUNT, AssistFigures::declined);
    }

    private record Named(String name, ComplianceFigures figures) {
    }

    // --- charts and downloads ---

    /** Rates in percent, one series per figure, one label per row of the table the chart stands beside. */
    private String chart(String type, FigureTable table, List<String> series) {
        List<String> names = table.headers().stream().map(Column::name).toList();
        List<Map<String, Object>> datasets = series.stream().map(name -> {
            int column = names.indexOf(name);
            List<Double> data = table.rows().stream().map(r -> (Double) r.values().get(column))
                    .map(v -> v == null ? null : Math.round(v * 10_000) / 100.0).toList();
            return Map.<String, Object>of("label", table.headers().get(column).heading(), "data", data);
        }).toList();
        Map<String, Object> chart = Map.of("type", type,
                "labels", table.rows().stream().map(r -> r.values().get(names.indexOf("name"))).toList(),
                "datasets", datasets);
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<byte[]> download(FigureTable table, String format, String period, Locale locale) {
        String title = text("page.dashboard.file." + table.id(), locale);
        String ascii = "hotline8890-" + table.id() + "_" + period + "." + format;
        String local = title + "_" + period + "." + format;
        boolean csv = format.equals("csv");
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(local))
                .body(csv ? table.csv() : table.xlsx(title));
    }

    /** RFC 5987 ext-value: every byte outside attr-char percent-encoded, so a Chinese file name survives. */
    static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    // --- helpers ---

    private static void problem(Model model, Months.BadParameter bad) {
        model.addAttribute("problemParameter", bad.parameter());
        model.addAttribute("problemReason", bad.reason());
    }

    private YearMonth currentMonth() {
        return YearMonth.from(clock.instant().atZone(zone));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String unitName(UnitFigures unit, Locale locale) {
        return english(locale) && unit.nameEn() != null ? unit.nameEn() : unit.name();
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
