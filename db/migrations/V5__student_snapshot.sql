-- Issue 19: progress answers a student's reads (/progress, /streak, /context, /activity, /errors) from this table
-- instead of a StudentActor turn. progress writes it in the transaction that writes the batch's event_log rows: the
-- part of the actor's state the reads need, as the actor left it after the turn that applied those events.
create table student_snapshot
(
    user_id    uuid        not null,
    -- grows with every save of the actor's state: an older copy never replaces a newer one
    revision   bigint      not null,
    state      jsonb       not null,
    updated_at timestamptz not null,
    constraint student_snapshot_pkey primary key (user_id),
    constraint student_snapshot_revision_check check (revision >= 0)
);

comment on table student_snapshot is 'Per student: the StudentActor state the read routes need (writer: progress, with the batch''s event_log rows).';
comment on column student_snapshot.state is 'StudentActor state without what only the actor needs (applied event ids, signal cool-downs, mastery histories); ended streak days are closed when read.';
