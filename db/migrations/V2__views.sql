-- Read-only reporting views (any service may read these directly).

-- One row per student and module, also for modules the student has not touched yet.
--   topics_total      topics in the module
--   topics_started    topics with a progress row that has attempts or activity
--   topics_mastered   topics whose mastery_level is 'mastered'
--   avg_p_known       mean BKT P(L) over the topics that have a progress row (null if none)
--   last_activity_at  latest activity in the module
create view user_progress_summary as
select u.id                                                                      as student_id,
       u.teacher_id                                                              as teacher_id,
       m.id                                                                      as module_id,
       m.position                                                                as module_position,
       m.title                                                                   as module_title,
       count(t.id)                                                               as topics_total,
       count(p.topic_id) filter (where p.attempts > 0 or p.last_activity_at is not null) as topics_started,
       count(p.topic_id) filter (where p.mastery_level = 'mastered')            as topics_mastered,
       avg(p.p_known)                                                            as avg_p_known,
       max(p.last_activity_at)                                                   as last_activity_at
from users u
         cross join modules m
         left join topics t on t.module_id = m.id
         left join progress p on p.user_id = u.id and p.topic_id = t.id
where u.role = 'student'
group by u.id, u.teacher_id, m.id, m.position, m.title;

comment on view user_progress_summary is
    'Per student and module: topics_total, topics_started, topics_mastered, avg_p_known, last_activity_at.';

-- Students who need attention, per topic: at least 3 failed events on the topic in the last 7 days
-- (verb 'failed' or result.success = false), or an open/acknowledged alert (topic may be null for an
-- alert without a topic).
create view struggling_students as
with failures as (select e.user_id,
                         e.topic_id,
                         count(*)           as failures_7d,
                         max(e.occurred_at) as last_failure_at
                  from event_log e
                  where e.occurred_at >= now() - interval '7 days'
                    and e.topic_id is not null
                    and (e.verb = 'failed' or e.result ->> 'success' = 'false')
                  group by e.user_id, e.topic_id),
     live_alerts as (select a.student_id,
                            a.topic_id,
                            count(*) as open_alerts
                     from alerts a
                     where a.status in ('open', 'acknowledged')
                     group by a.student_id, a.topic_id),
     flagged as (select f.user_id as student_id, f.topic_id
                 from failures f
                 where f.failures_7d >= 3
                 union
                 select la.student_id, la.topic_id
                 from live_alerts la)
select fl.student_id                      as student_id,
       u.teacher_id                       as teacher_id,
       fl.topic_id                        as topic_id,
       coalesce(f.failures_7d, 0)::bigint as failures_7d,
       coalesce(la.open_alerts, 0)::bigint as open_alerts,
       f.last_failure_at                  as last_failure_at
from flagged fl
         join users u on u.id = fl.student_id and u.role = 'student'
         left join failures f on f.user_id = fl.student_id and f.topic_id is not distinct from fl.topic_id
         left join live_alerts la on la.student_id = fl.student_id and la.topic_id is not distinct from fl.topic_id;

comment on view struggling_students is
    'Students with >= 3 failed events on a topic in the last 7 days or an open/acknowledged alert: student_id, teacher_id, topic_id, failures_7d, open_alerts, last_failure_at.';
