package dev.learnflow.progress.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.contracts.events.ActivityResult;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.progress.config.ProgressConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Progress events as xAPI 1.0.3 statements (actor, verb, object, result, context, timestamp), the shape
 * {@code event_log.statement} stores and the export serves. Verbs use the ADL vocabulary where it has one.
 */
@ApplicationScoped
public class XapiStatements {

    static final String VERSION = "1.0.3";
    private static final String ADL_VERBS = "http://adlnet.gov/expapi/verbs/";
    private static final String ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/";

    private final ObjectMapper mapper;
    private final String home;

    @Inject
    public XapiStatements(ObjectMapper mapper, ProgressConfig config) {
        this(mapper, config.xapi().homePage());
    }

    public XapiStatements(ObjectMapper mapper, String homePage) {
        this.mapper = mapper;
        this.home = homePage.endsWith("/") ? homePage.substring(0, homePage.length() - 1) : homePage;
    }

    public ObjectNode statement(UUID statementId, String source, ProgressRecorded p, Instant storedAt) {
        ObjectNode s = mapper.createObjectNode();
        s.put("id", statementId.toString());
        ObjectNode actor = s.putObject("actor");
        actor.put("objectType", "Agent");
        actor.putObject("account").put("homePage", home).put("name", p.userId().toString());
        ObjectNode verb = s.putObject("verb");
        verb.put("id", verbIri(p.verb()));
        verb.putObject("display").put("en-US", p.verb().value());
        ObjectNode object = s.putObject("object");
        object.put("objectType", "Activity");
        object.put("id", activityIri(p.object().type().value(), p.object().id()));
        ObjectNode definition = object.putObject("definition");
        definition.put("type", activityTypeIri(p.object().type()));
        definition.putObject("name").put("en-US", p.object().type().value() + " " + p.object().id());
        if (p.result() != null) {
            s.set("result", result(p.result()));
        }
        s.set("context", context(source, p));
        s.put("timestamp", p.occurredAt().toString());
        s.put("stored", storedAt.toString());
        s.put("version", VERSION);
        return s;
    }

    /** The flat result stored in {@code event_log.result} (what {@code struggling_students} reads). */
    public ObjectNode resultColumn(ActivityResult r) {
        return r == null ? null : mapper.valueToTree(r);
    }

    /** {@code event_log.context}: the publisher's facts plus where the event came from. */
    public ObjectNode contextColumn(String source, ProgressRecorded p) {
        ObjectNode c = mapper.valueToTree(p.context());
        c.put("source", source);
        if (p.requestId() != null) {
            c.put("requestId", p.requestId().toString());
        }
        return c;
    }

    private ObjectNode result(ActivityResult r) {
        ObjectNode out = mapper.createObjectNode();
        if (r.success() != null) {
            out.put("success", r.success());
        }
        if (r.score() != null) {
            out.putObject("score").put("scaled", r.score());
        }
        if (r.response() != null) {
            out.put("response", r.response());
        }
        if (r.durationMs() != null) {
            out.put("duration", Duration.ofMillis(r.durationMs()).toString());
        }
        if (r.errorType() != null) {
            out.putObject("extensions").put(home + "/xapi/extensions/error-type", r.errorType());
        }
        return out;
    }

    private ObjectNode context(String source, ProgressRecorded p) {
        ObjectNode c = mapper.createObjectNode();
        c.put("platform", "LearnFlow");
        if (p.object().topicId() != null) {
            ObjectNode parent = c.putObject("contextActivities").putArray("parent").addObject();
            parent.put("objectType", "Activity");
            parent.put("id", activityIri("topic", p.object().topicId()));
        }
        ObjectNode ext = c.putObject("extensions");
        ext.put(home + "/xapi/extensions/source", source);
        if (p.requestId() != null) {
            ext.put(home + "/xapi/extensions/request-id", p.requestId().toString());
        }
        if (!p.context().isEmpty()) {
            ext.set(home + "/xapi/extensions/context", mapper.valueToTree(p.context()));
        }
        return c;
    }

    String verbIri(Verb verb) {
        return switch (verb) {
            case ASKED, ATTEMPTED, PASSED, FAILED, ANSWERED, COMPLETED -> ADL_VERBS + verb.value();
            case VIEWED -> "http://id.tincanapi.com/verb/viewed";
            default -> home + "/xapi/verbs/" + verb.value();
        };
    }

    private String activityTypeIri(ActivityType type) {
        return switch (type) {
            case QUIZ -> ADL_ACTIVITIES + "question";
            case EXERCISE -> ADL_ACTIVITIES + "assessment";
            default -> home + "/xapi/activity-types/" + type.value();
        };
    }

    private String activityIri(String type, String id) {
        return home + "/xapi/activities/" + type + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** The statement id of a CloudEvent: its id when that is a UUID (ours always are), else one derived from it. */
    public static UUID statementId(String eventId) {
        try {
            return UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(("progress.events/" + eventId).getBytes(StandardCharsets.UTF_8));
        }
    }
}
