-- Indexes for the teacher's class insights (issue 21). progress reads these tables (it writes them); every lookup
-- is by one student or by the students of one class (user_id = any($1)). A student's own events (the heatmap cell,
-- the mastery replay, the calendar) are few enough for event_log_user_occurred_idx; only the class-wide error
-- counts need more, and event_log is written on every event, so this index covers error events alone.

-- Error events only (a minority of all events): a class's most frequent error types per week, with the week
-- before for the trend. The predicate must appear as written here in the queries that want this index.
create index event_log_user_errors_occurred_idx on event_log (user_id, occurred_at desc)
    where (result ->> 'errorType') is not null;

comment on index event_log_user_errors_occurred_idx is 'A class''s error events by time (frequent error types this week and last).';
