-- Indexes for the teacher's class insights and the student's history (issue 21). progress reads these tables
-- (it writes them); every lookup is by student, or by the students of one class (user_id = any($1)).

-- One student's activity on one topic, in time order: the heatmap cell's attempts and errors, the replay of a
-- module's mastery over time (topic_id = any(...)) and the timeline filtered by topic.
create index event_log_user_topic_occurred_idx on event_log (user_id, topic_id, occurred_at desc);

-- Error events only (a minority of all events): a class's most frequent error types per week, with the week
-- before for the trend. The predicate must appear as written here in the queries that want this index.
create index event_log_user_errors_occurred_idx on event_log (user_id, occurred_at desc)
    where (result ->> 'errorType') is not null;

comment on index event_log_user_topic_occurred_idx is 'A student''s events on a topic by time (heatmap cell, mastery history).';
comment on index event_log_user_errors_occurred_idx is 'A class''s error events by time (frequent error types this week and last).';
