package dev.learnflow.progress.rest;

import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.progress.client.EventLog;
import dev.learnflow.progress.service.ProgressViews;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Paging of the xAPI export: newest first, keyset cursor over (occurred_at, id) so pages never skip or repeat a
 * statement. {@code more} is a relative reference (query only), so it works through the gateway as well.
 */
final class StatementPaging {

    static final int DEFAULT_LIMIT = 100;

    private StatementPaging() {
    }

    /** The export's query parameters, the same for a student's and a class's statements. */
    public static class Query {
        @QueryParam("since")
        @Size(max = 40)
        String since;
        @QueryParam("until")
        @Size(max = 40)
        String until;
        @QueryParam("cursor")
        @Size(max = 200)
        String cursor;
        @QueryParam("limit")
        @Min(1)
        @Max(500)
        Integer limit;
    }

    /** One page of statements: {@code rows} reads the page the query asks for. */
    static ProgressViews.StatementsPage export(Query query,
                                               Function<EventLog.Page, List<EventLog.StoredStatement>> rows) {
        EventLog.Page page = page(query.since, query.until, query.cursor, query.limit);
        return answer(rows.apply(page), page, query.since, query.until);
    }

    static EventLog.Page page(String since, String until, String cursor, Integer limit) {
        Instant from = instant("since", since);
        Instant to = instant("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badRequest("'since' must be before 'until'");
        }
        Instant beforeTime = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                beforeTime = Instant.parse(parts[0]);
                beforeId = UUID.fromString(parts[1]);
            } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw ApiException.badRequest("'cursor' is not a cursor this service handed out");
            }
        }
        return new EventLog.Page(from, to, beforeTime, beforeId, limit == null ? DEFAULT_LIMIT : limit);
    }

    static ProgressViews.StatementsPage answer(List<EventLog.StoredStatement> rows, EventLog.Page page,
                                               String since, String until) {
        String more = "";
        if (rows.size() == page.limit()) {
            EventLog.StoredStatement last = rows.get(rows.size() - 1);
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (last.occurredAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
            StringBuilder q = new StringBuilder("?limit=").append(page.limit()).append("&cursor=").append(cursor);
            if (since != null && !since.isBlank()) {
                q.append("&since=").append(URLEncoder.encode(since, StandardCharsets.UTF_8));
            }
            if (until != null && !until.isBlank()) {
                q.append("&until=").append(URLEncoder.encode(until, StandardCharsets.UTF_8));
            }
            more = q.toString();
        }
        return new ProgressViews.StatementsPage(rows.stream().map(EventLog.StoredStatement::statement).toList(), more);
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be an ISO-8601 instant such as 2025-03-14T15:09:26Z");
        }
    }
}
