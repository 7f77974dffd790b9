package dev.learnflow.triage.domain;

/** A topic of the seeded curriculum, as triage needs it to infer what a question is about. */
public record TopicInfo(String id, String moduleId, String title, String summary) {
}
