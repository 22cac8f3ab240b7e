package org.hotline8890.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One table of the dashboard or the ranking, exactly as the page shows it and the downloads hold it:
 * the page, the CSV and the XLSX are written from the same rows, so they cannot disagree.
 *
 * @param id      the table's name in its download's address, e.g. {@code departments}
 * @param headers column headings in the reader's language
 * @param rows    one row per department, district or month
 */
record FigureTable(String id, List<Column> headers, List<Row> rows) {

    /** How a value is shown: rates as percentages, counts and scores as numbers, text as it is. */
    enum Kind { TEXT, COUNT, RATE, SCORE }

    /** {@code name}: the figure's field name, which the page puts on each cell for tests and scripts. */
    record Column(String name, String heading, Kind kind) {
    }

    /** {@code code}: the department's, district's or month's code; {@code values} in the columns' order. */
    record Row(String code, List<Object> values) {
    }

    /** What a cell shows; a rate with no decided case shows a dash, as docs/metrics.md's {@code null}. */
    static String text(Object value, Kind kind) {
        if (value == null) {
            return "—";
        }
        return switch (kind) {
            case RATE -> String.format(Locale.ROOT, "%.2f%%", ((Number) value).doubleValue() * 100);
            case SCORE -> String.format(Locale.ROOT, "%.2f", ((Number) value).doubleValue());
            default -> value.toString();
        };
    }

    /** The cells of one row as the page shows them. */
    public List<String> texts(Row row) {
        return java.util.stream.IntStream.range(0, headers.size())
                .mapToObj(i -> text(row.values().get(i), headers.get(i).kind())).toList();
    }

    /** UTF-8 with a byte-order mark, which is how Excel knows to read Chinese; RFC 4180 quoting and line ends. */
    byte[] csv() {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, headers.stream().map(Column::heading).toList());
        rows.forEach(row -> line(out, texts(row)));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }

    /**
     * Counts and rates as numbers (rates formatted as percentages) so a spreadsheet can compute with
     * them; a missing rate is an empty cell rather than the page's dash.
     */
    byte[] xlsx(String sheetName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "Hotline 8890", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c).heading());
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> values = rows.get(r).values();
                for (int c = 0; c < headers.size(); c++) {
                    Object value = values.get(c);
                    if (value instanceof Number number) {
                        sheet.value(r + 1, c, number);
                        if (headers.get(c).kind() == Kind.RATE) {
                            sheet.style(r + 1, c).format("0.00%").set();
                        } else if (headers.get(c).kind() == Kind.SCORE) {
                            sheet.style(r + 1, c).format("0.00").set();
                        }
                    } else if (value != null) {
                        sheet.value(r + 1, c, value.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
