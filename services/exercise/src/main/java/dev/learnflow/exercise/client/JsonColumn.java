package dev.learnflow.exercise.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Row;

/** A jsonb column selected as text. One that does not parse is a broken row of ours, not bad input. */
final class JsonColumn {

    private JsonColumn() {
    }

    /** The {@code column} of the row {@code table} keyed by its {@code id}, parsed as {@code type}. */
    static <T> T read(ObjectMapper mapper, Row row, String column, TypeReference<T> type, String table) {
        try {
            return mapper.readValue(row.getString(column), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(table + " " + row.getUUID("id") + " has unreadable " + column, e);
        }
    }
}
