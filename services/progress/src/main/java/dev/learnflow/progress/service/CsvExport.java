package dev.learnflow.progress.service;

import dev.learnflow.progress.client.InsightRows;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A class's activity as CSV (RFC 4180: comma separated, CRLF, quoted when needed), one row per xAPI statement.
 * Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe:
 * student names and responses are typed by students.
 */
public final class CsvExport {

    public static final List<String> HEADER = List.of("timestamp", "student_id", "student_name", "verb",
            "object_type", "object_id", "topic_id", "success", "score", "error_type", "duration_ms", "response",
            "statement_id");

    private CsvExport() {
    }

    public static String write(List<InsightRows.EventRow> rows, Map<UUID, String> names) {
        StringBuilder out = new StringBuilder(128 * (rows.size() + 1));
        line(out, HEADER);
        for (InsightRows.EventRow r : rows) {
            line(out, List.of(text(r.occurredAt()), text(r.userId()), text(names.get(r.userId())), text(r.verb()),
                    text(r.objectType()), text(r.objectId()), text(r.topicId()), text(r.success()), text(r.score()),
                    text(r.errorType()), text(r.durationMs()), text(r.response()), text(r.id())));
        }
        return out.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
