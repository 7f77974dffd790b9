package dev.learnflow.triage.config;

import dev.learnflow.platform.state.StateStore;
import dev.learnflow.platform.state.StateStores;
import dev.learnflow.triage.domain.Conversation;
import dev.learnflow.triage.domain.QueryRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Triage's two kinds of records in the Dapr state store, as platform {@link StateStore}s: every change is
 * {@link StateStore#update} (ETag, re-read and re-applied on a lost race), because the request handler marking a
 * query routed and the response handler storing its answer may run at the same moment.
 */
@ApplicationScoped
public class TriageStateStores {

    /** {@code query-<requestId>}: a request and, once it arrived, its answer. */
    @Produces
    @Singleton
    StateStore<QueryRecord> queries(StateStores stores) {
        return stores.of(QueryRecord.class, "query-");
    }

    /** {@code conversation-<conversationId>}: the turns of one student's conversation. */
    @Produces
    @Singleton
    StateStore<Conversation> conversations(StateStores stores) {
        return stores.of(Conversation.class, "conversation-");
    }
}
