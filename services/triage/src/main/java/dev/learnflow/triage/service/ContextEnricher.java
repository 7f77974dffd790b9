package dev.learnflow.triage.service;

import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.platform.clients.ProgressContextClient;
import dev.learnflow.triage.config.TriageConfig;
import dev.learnflow.triage.domain.Conversation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/**
 * What the answering agent should know about the student: progress's view (current module and topic, mastery,
 * recent error types) plus the last turns of this conversation, which triage keeps itself.
 */
@ApplicationScoped
public class ContextEnricher {

    @Inject
    ProgressContextClient progress;
    @Inject
    TriageConfig config;

    /** @param conversation the request's conversation as the caller read it (empty for none) */
    public StudentContext enrich(UUID userId, Optional<Conversation> conversation, UUID requestId) {
        StudentContext fromProgress = progress.context(userId, config.contextTimeout()).orElse(StudentContext.empty());
        var turns = conversation
                .map(c -> c.lastTurns(config.turnsInContext(), ConversationLog.questionTurnId(requestId)))
                .orElse(java.util.List.of());
        return new StudentContext(fromProgress.currentModuleId(), fromProgress.currentTopicId(), fromProgress.mastery(),
                fromProgress.recentErrorTypes(), turns);
    }
}
