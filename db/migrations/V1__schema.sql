-- LearnFlow schema: the eight tables every service works with.
-- One writing service per table (see db/README.md); everything else reads through that service's API
-- or through the reporting views of V2.
-- gen_random_uuid() is built into PostgreSQL 13+, so no extension is needed.

-- ---------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------

-- Keeps updated_at current on UPDATE unless the statement sets it explicitly (a service running on a
-- controllable clock may want to write its own timestamp).
create function learnflow_touch_updated_at() returns trigger
    language plpgsql as
$fn$
begin
    if new.updated_at is not distinct from old.updated_at then
        new.updated_at := now();
    end if;
    return new;
end
$fn$;

-- Exercise test cases: a non-empty JSON array of objects, each with
--   name        string
--   visibility  "shown" | "hidden" | "hidden_unless_failing"
-- and either the stdin form (the solution runs as a script)
--   stdin (optional string), expected_stdout string
-- or the call form (the solution is loaded as a module, then `setup` runs and `call` is evaluated)
--   setup (optional string), call string, expected string (a Python literal compared with ==)
create function learnflow_valid_test_cases(tests jsonb) returns boolean
    language sql immutable strict as
$fn$
select case
           when jsonb_typeof(tests) <> 'array' or jsonb_array_length(tests) = 0 then false
           else (select bool_and(coalesce(
                   jsonb_typeof(t) = 'object'
                       and jsonb_typeof(t -> 'name') = 'string'
                       and length(t ->> 'name') > 0
                       and (t ->> 'visibility') in ('shown', 'hidden', 'hidden_unless_failing')
                       and ((jsonb_typeof(t -> 'expected_stdout') = 'string'
                                 and (t -> 'stdin' is null or jsonb_typeof(t -> 'stdin') = 'string')
                                 and t -> 'call' is null)
                           or (jsonb_typeof(t -> 'call') = 'string'
                                 and jsonb_typeof(t -> 'expected') = 'string'
                                 and (t -> 'setup' is null or jsonb_typeof(t -> 'setup') = 'string')
                                 and t -> 'expected_stdout' is null)),
                   false))
                 from jsonb_array_elements(tests) as t)
           end
$fn$;

-- Quiz options: a JSON array of at least two strings, and the correct index points into it.
create function learnflow_valid_quiz_options(options jsonb, correct_option integer) returns boolean
    language sql immutable strict as
$fn$
select case
           when jsonb_typeof(options) <> 'array' then false
           when jsonb_array_length(options) < 2 then false
           when correct_option < 0 or correct_option >= jsonb_array_length(options) then false
           else (select bool_and(jsonb_typeof(o) = 'string' and length(o #>> '{}') > 0)
                 from jsonb_array_elements(options) as o)
           end
$fn$;

-- ---------------------------------------------------------------------------------------------------
-- users (writer: gateway) — accounts and class membership
-- ---------------------------------------------------------------------------------------------------
create table users
(
    id            uuid primary key     default gen_random_uuid(),
    email         text        not null,
    display_name  text        not null,
    role          text        not null default 'student',
    password_hash text        not null,
    timezone      text        not null default 'UTC',
    teacher_id    uuid        null,
    teacher_code  text        null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint users_role_check check (role in ('student', 'teacher', 'admin')),
    constraint users_email_check check (email = btrim(email) and position('@' in email) > 1 and length(email) <= 320),
    constraint users_display_name_check check (length(btrim(display_name)) between 1 and 200),
    constraint users_password_hash_check check (length(password_hash) > 0),
    constraint users_timezone_check check (length(timezone) between 1 and 64),
    constraint users_teacher_not_self_check check (teacher_id is null or teacher_id <> id),
    constraint users_teacher_code_check check (teacher_code is null
        or (role in ('teacher', 'admin') and teacher_code ~ '^[A-Za-z0-9_-]{4,32}$')),
    constraint users_teacher_id_fkey foreign key (teacher_id) references users (id) on delete set null,
    constraint users_teacher_code_key unique (teacher_code)
);
create unique index users_email_lower_key on users (lower(email));
create index users_teacher_id_idx on users (teacher_id);
create trigger users_touch_updated_at
    before update on users
    for each row execute function learnflow_touch_updated_at();

comment on table users is 'Accounts (writer: gateway). A student''s teacher_id is their class membership.';
comment on column users.email is 'Unique case-insensitively (users_email_lower_key on lower(email)); look up with lower(email) = lower($1).';
comment on column users.teacher_id is 'Class membership: the teacher of this student; set null when the teacher is deleted.';
comment on column users.teacher_code is 'Join code a teacher hands to students; unique; only teachers/admins have one.';
comment on column users.timezone is 'IANA zone name (e.g. Europe/Berlin); streak days are counted in it.';

-- ---------------------------------------------------------------------------------------------------
-- modules, topics (seeded by migrations; read by everyone)
-- ---------------------------------------------------------------------------------------------------
create table modules
(
    id          text primary key,
    position    integer     not null,
    title       text        not null,
    description text        not null,
    created_at  timestamptz not null default now(),
    constraint modules_id_slug_check check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint modules_position_check check (position > 0),
    constraint modules_title_check check (length(btrim(title)) > 0),
    constraint modules_position_key unique (position)
);
comment on table modules is 'Course modules in teaching order (position). Seeded by V3; id is a slug such as python-basics.';

create table topics
(
    id         text primary key,
    module_id  text        not null,
    position   integer     not null,
    title      text        not null,
    summary    text        not null,
    difficulty text        not null default 'beginner',
    created_at timestamptz not null default now(),
    constraint topics_id_slug_check check (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    constraint topics_position_check check (position > 0),
    constraint topics_title_check check (length(btrim(title)) > 0),
    constraint topics_difficulty_check check (difficulty in ('beginner', 'intermediate', 'advanced')),
    constraint topics_module_id_fkey foreign key (module_id) references modules (id),
    -- also serves every "topics of a module" lookup (module_id is its leading column)
    constraint topics_module_id_position_key unique (module_id, position)
);
comment on table topics is 'Topics of a module in teaching order. id is a slug unique across the course (e.g. list-comprehensions).';

-- ---------------------------------------------------------------------------------------------------
-- exercises (writer: exercise) — seeded, template-made and LLM-generated challenges
-- ---------------------------------------------------------------------------------------------------
create table exercises
(
    id                 uuid primary key     default gen_random_uuid(),
    topic_id           text        not null,
    title              text        not null,
    difficulty         text        not null default 'beginner',
    prompt             text        not null,
    starter_code       text        not null default '',
    reference_solution text        null,
    tests              jsonb       not null,
    time_limit_ms      integer     not null default 2000,
    memory_limit_mb    integer     not null default 128,
    max_attempts       integer     null,
    source             text        not null default 'seed',
    generated_for      uuid        null,
    created_at         timestamptz not null default now(),
    constraint exercises_title_check check (length(btrim(title)) > 0),
    constraint exercises_prompt_check check (length(btrim(prompt)) > 0),
    constraint exercises_difficulty_check check (difficulty in ('beginner', 'intermediate', 'advanced')),
    constraint exercises_tests_check check (learnflow_valid_test_cases(tests)),
    constraint exercises_time_limit_ms_check check (time_limit_ms between 100 and 5000),
    constraint exercises_memory_limit_mb_check check (memory_limit_mb between 16 and 1024),
    constraint exercises_max_attempts_check check (max_attempts is null or max_attempts > 0),
    constraint exercises_source_check check (source in ('seed', 'template', 'llm')),
    constraint exercises_seed_not_personal_check check (source <> 'seed' or generated_for is null),
    constraint exercises_topic_id_fkey foreign key (topic_id) references topics (id),
    constraint exercises_generated_for_fkey foreign key (generated_for) references users (id) on delete cascade
);
create index exercises_topic_id_idx on exercises (topic_id);
create index exercises_generated_for_idx on exercises (generated_for) where generated_for is not null;
comment on table exercises is 'Coding challenges (writer: exercise). tests: JSON array of test cases, see learnflow_valid_test_cases and db/README.md.';
comment on column exercises.generated_for is 'The student a template/LLM exercise was generated for; null for shared exercises.';

-- ---------------------------------------------------------------------------------------------------
-- quizzes (seeded; served by exercise)
-- ---------------------------------------------------------------------------------------------------
create table quizzes
(
    id             uuid primary key     default gen_random_uuid(),
    topic_id       text        not null,
    question       text        not null,
    options        jsonb       not null,
    correct_option integer     not null,
    explanation    text        not null,
    difficulty     text        not null default 'beginner',
    position       integer     not null default 1,
    created_at     timestamptz not null default now(),
    constraint quizzes_question_check check (length(btrim(question)) > 0),
    constraint quizzes_options_check check (jsonb_typeof(options) = 'array'),
    constraint quizzes_correct_option_check check (correct_option >= 0 and learnflow_valid_quiz_options(options, correct_option)),
    constraint quizzes_difficulty_check check (difficulty in ('beginner', 'intermediate', 'advanced')),
    constraint quizzes_position_check check (position > 0),
    constraint quizzes_topic_id_fkey foreign key (topic_id) references topics (id)
);
create index quizzes_topic_id_idx on quizzes (topic_id, position);
comment on table quizzes is 'Multiple-choice questions. options: JSON array of >= 2 strings; correct_option: 0-based index into it.';

-- ---------------------------------------------------------------------------------------------------
-- progress (writer: progress) — BKT mastery per student and topic
-- ---------------------------------------------------------------------------------------------------
create table progress
(
    user_id          uuid             not null,
    topic_id         text             not null,
    p_known          double precision not null,
    mastery_level    text             not null default 'novice',
    attempts         integer          not null default 0,
    correct          integer          not null default 0,
    last_activity_at timestamptz      null,
    updated_at       timestamptz      not null default now(),
    constraint progress_pkey primary key (user_id, topic_id),
    constraint progress_p_known_check check (p_known >= 0 and p_known <= 1),
    constraint progress_mastery_level_check check (mastery_level in ('novice', 'developing', 'proficient', 'mastered')),
    constraint progress_attempts_check check (attempts >= 0),
    constraint progress_correct_check check (correct >= 0 and correct <= attempts),
    constraint progress_user_id_fkey foreign key (user_id) references users (id) on delete cascade,
    constraint progress_topic_id_fkey foreign key (topic_id) references topics (id)
);
create index progress_topic_id_idx on progress (topic_id);
create trigger progress_touch_updated_at
    before update on progress
    for each row execute function learnflow_touch_updated_at();
comment on table progress is 'Mastery per student and topic (writer: progress, mirrored from StudentActor). Lookups by user use progress_pkey.';
comment on column progress.p_known is 'BKT P(L): probability the student knows the topic, 0..1.';

-- ---------------------------------------------------------------------------------------------------
-- alerts (writer: notification) — teacher alerts about struggling students
-- ---------------------------------------------------------------------------------------------------
create table alerts
(
    id              uuid primary key     default gen_random_uuid(),
    student_id      uuid        not null,
    teacher_id      uuid        null,
    topic_id        text        null,
    reason          text        not null,
    severity        text        not null default 'medium',
    status          text        not null default 'open',
    evidence        jsonb       not null default '{}'::jsonb,
    dedup_key       text        null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    acknowledged_at timestamptz null,
    resolved_at     timestamptz null,
    constraint alerts_reason_check check (reason in ('repeated_error', 'repeated_failure', 'mastery_drop', 'stuck', 'other')),
    constraint alerts_severity_check check (severity in ('low', 'medium', 'high', 'critical')),
    constraint alerts_status_check check (status in ('open', 'acknowledged', 'resolved', 'muted')),
    constraint alerts_evidence_check check (jsonb_typeof(evidence) in ('object', 'array')),
    constraint alerts_acknowledged_at_check check (status <> 'acknowledged' or acknowledged_at is not null),
    constraint alerts_resolved_at_check check (status <> 'resolved' or resolved_at is not null),
    constraint alerts_student_not_teacher_check check (teacher_id is null or teacher_id <> student_id),
    constraint alerts_student_id_fkey foreign key (student_id) references users (id) on delete cascade,
    constraint alerts_teacher_id_fkey foreign key (teacher_id) references users (id) on delete set null,
    constraint alerts_topic_id_fkey foreign key (topic_id) references topics (id)
);
create index alerts_teacher_status_created_idx on alerts (teacher_id, status, created_at desc);
create index alerts_student_id_idx on alerts (student_id);
-- At most one live (open or acknowledged) alert per dedup key; resolved/muted ones don't block a new one.
create unique index alerts_dedup_key_active_key on alerts (dedup_key) where status in ('open', 'acknowledged');
create trigger alerts_touch_updated_at
    before update on alerts
    for each row execute function learnflow_touch_updated_at();
comment on table alerts is 'Teacher alerts (writer: notification). Deduplicate with INSERT ... ON CONFLICT (dedup_key) WHERE status IN (''open'',''acknowledged'') DO UPDATE/NOTHING.';
comment on column alerts.dedup_key is 'e.g. <student>:<topic>:<reason>; unique among open/acknowledged alerts.';

-- ---------------------------------------------------------------------------------------------------
-- event_log (writer: progress) — xAPI-shaped activity, one row per progress.events CloudEvent
-- ---------------------------------------------------------------------------------------------------
create table event_log
(
    id          uuid primary key,
    user_id     uuid        not null,
    verb        text        not null,
    object_type text        not null,
    object_id   text        null,
    topic_id    text        null,
    result      jsonb       null,
    context     jsonb       null,
    statement   jsonb       not null,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null default now(),
    constraint event_log_verb_check check (length(btrim(verb)) > 0),
    constraint event_log_object_type_check check (length(btrim(object_type)) > 0),
    constraint event_log_result_check check (result is null or jsonb_typeof(result) = 'object'),
    constraint event_log_context_check check (context is null or jsonb_typeof(context) = 'object'),
    constraint event_log_statement_check check (jsonb_typeof(statement) = 'object'
        and statement ?& array ['actor', 'verb', 'object']),
    constraint event_log_user_id_fkey foreign key (user_id) references users (id) on delete cascade,
    constraint event_log_topic_id_fkey foreign key (topic_id) references topics (id)
);
create index event_log_user_occurred_idx on event_log (user_id, occurred_at desc);
create index event_log_topic_occurred_idx on event_log (topic_id, occurred_at desc);
create index event_log_occurred_at_idx on event_log (occurred_at);
comment on table event_log is 'Learning activity as xAPI statements (writer: progress). id = CloudEvent id: INSERT ... ON CONFLICT (id) DO NOTHING makes redelivery a no-op.';
comment on column event_log.verb is 'Short xAPI verb name: attempted, passed, failed, answered, completed, asked, viewed, ... (the IRI is in statement.verb.id).';
comment on column event_log.statement is 'The full xAPI statement: actor, verb, object, result, context, timestamp.';
