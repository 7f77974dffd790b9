package dev.learnflow.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Applies all migrations to a fresh database and checks the resulting schema: tables, views, indexes, foreign
 * keys and checks, the seeded curriculum, idempotency and the reporting views. Each test runs in a transaction
 * that is rolled back afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationTest {

    static final List<String> TABLES = List.of(
            "users", "modules", "topics", "exercises", "quizzes", "progress", "alerts", "event_log");
    static final List<String> VIEWS = List.of("user_progress_summary", "struggling_students");
    static final List<String> MODULE_TITLES = List.of(
            "Python Basics", "Control Flow", "Collections", "Functions", "Object-Oriented Programming",
            "Errors and Exceptions", "Working with Files", "Modules and Libraries");

    @AutoClose // drops the database (closing the connections it gave) after the last test
    private TestDatabase db;
    private MigrateResult firstMigration;
    private Connection conn;

    @BeforeAll
    void createDatabase() throws SQLException {
        db = TestDatabase.createEmpty();
        firstMigration = db.migrate();
        conn = db.connect();
    }

    @BeforeEach
    void begin() throws SQLException {
        conn.setAutoCommit(false);
    }

    @AfterEach
    void rollback() throws SQLException {
        conn.rollback();
        conn.setAutoCommit(true);
    }

    // ---------------------------------------------------------------------------------------------- migrations

    @Test
    void allMigrationsApplyInOrderAndASecondMigrateIsANoOp() {
        assertThat(firstMigration.success).isTrue();
        assertThat(firstMigration.migrationsExecuted).isGreaterThanOrEqualTo(3);

        MigrationInfo[] applied = db.flyway().info().applied();
        assertThat(applied).extracting(i -> i.getVersion().getVersion()).startsWith("1", "2", "3", "4");
        assertThat(applied).allSatisfy(i -> assertThat(i.getState().isApplied()).isTrue());
        assertThat(applied).allSatisfy(i -> assertThat(i.getState().isFailed()).isFalse());

        MigrateResult second = db.migrate();
        assertThat(second.success).isTrue();
        assertThat(second.migrationsExecuted).isZero();
        assertThat(db.flyway().validateWithResult().validationSuccessful).isTrue();
        assertThat(db.flyway().info().pending()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- structure

    @Test
    void exactlyTheEightTablesAndTwoViewsExist() throws SQLException {
        List<String> tables = Sql.strings(conn, """
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                """);
        assertThat(tables).containsExactlyInAnyOrderElementsOf(TABLES);

        List<String> views = Sql.strings(conn,
                "select table_name from information_schema.views where table_schema = 'public'");
        assertThat(views).containsExactlyInAnyOrderElementsOf(VIEWS);
    }

    @Test
    void tablesHaveTheDocumentedColumns() throws SQLException {
        Map<String, List<String>> expected = Map.of(
                "users", List.of("id", "email", "display_name", "role", "password_hash", "timezone", "teacher_id",
                        "teacher_code", "created_at", "updated_at"),
                "modules", List.of("id", "position", "title", "description", "created_at"),
                "topics", List.of("id", "module_id", "position", "title", "summary", "difficulty", "created_at"),
                "exercises", List.of("id", "topic_id", "title", "difficulty", "prompt", "starter_code",
                        "reference_solution", "tests", "time_limit_ms", "memory_limit_mb", "max_attempts", "source",
                        "generated_for", "created_at"),
                "quizzes", List.of("id", "topic_id", "question", "options", "correct_option", "explanation",
                        "difficulty", "position", "created_at"),
                "progress", List.of("user_id", "topic_id", "p_known", "mastery_level", "attempts", "correct",
                        "last_activity_at", "updated_at"),
                "alerts", List.of("id", "student_id", "teacher_id", "topic_id", "reason", "severity", "status",
                        "evidence", "dedup_key", "created_at", "updated_at", "acknowledged_at", "resolved_at"),
                "event_log", List.of("id", "user_id", "verb", "object_type", "object_id", "topic_id", "result",
                        "context", "statement", "occurred_at", "recorded_at"));
        for (var e : expected.entrySet()) {
            List<String> columns = Sql.strings(conn, """
                    select column_name from information_schema.columns
                    where table_schema = 'public' and table_name = ? order by ordinal_position
                    """, e.getKey());
            assertThat(columns).as(e.getKey()).containsExactlyElementsOf(e.getValue());
        }
        assertThat(Sql.strings(conn, """
                select column_name from information_schema.columns
                where table_schema = 'public' and table_name = 'user_progress_summary' order by ordinal_position
                """)).containsExactly("student_id", "teacher_id", "module_id", "module_position", "module_title",
                "topics_total", "topics_started", "topics_mastered", "avg_p_known", "last_activity_at");
        assertThat(Sql.strings(conn, """
                select column_name from information_schema.columns
                where table_schema = 'public' and table_name = 'struggling_students' order by ordinal_position
                """)).containsExactly("student_id", "teacher_id", "topic_id", "failures_7d", "open_alerts",
                "last_failure_at");
    }

    @Test
    void everyExpectedIndexExistsWithItsColumns() throws SQLException {
        Map<String, String> indexdefs = Sql.rows(conn,
                        "select indexname, indexdef from pg_indexes where schemaname = 'public'").stream()
                .collect(Collectors.toMap(r -> (String) r.get("indexname"), r -> (String) r.get("indexdef")));

        // index name -> a fragment its definition must contain
        Map<String, String> expected = Map.ofEntries(
                Map.entry("users_pkey", "UNIQUE INDEX users_pkey ON public.users USING btree (id)"),
                Map.entry("users_email_lower_key", "UNIQUE INDEX users_email_lower_key ON public.users USING btree (lower(email))"),
                Map.entry("users_teacher_id_idx", "ON public.users USING btree (teacher_id)"),
                Map.entry("users_teacher_code_key", "UNIQUE INDEX users_teacher_code_key ON public.users USING btree (teacher_code)"),
                Map.entry("modules_pkey", "ON public.modules USING btree (id)"),
                Map.entry("modules_position_key", "UNIQUE INDEX modules_position_key ON public.modules USING btree (\"position\")"),
                Map.entry("topics_pkey", "ON public.topics USING btree (id)"),
                Map.entry("topics_module_id_position_key", "UNIQUE INDEX topics_module_id_position_key ON public.topics USING btree (module_id, \"position\")"),
                Map.entry("exercises_pkey", "ON public.exercises USING btree (id)"),
                Map.entry("exercises_topic_id_idx", "ON public.exercises USING btree (topic_id)"),
                Map.entry("exercises_generated_for_idx", "ON public.exercises USING btree (generated_for)"),
                Map.entry("quizzes_pkey", "ON public.quizzes USING btree (id)"),
                Map.entry("quizzes_topic_id_idx", "ON public.quizzes USING btree (topic_id, \"position\")"),
                Map.entry("progress_pkey", "UNIQUE INDEX progress_pkey ON public.progress USING btree (user_id, topic_id)"),
                Map.entry("progress_topic_id_idx", "ON public.progress USING btree (topic_id)"),
                Map.entry("alerts_pkey", "ON public.alerts USING btree (id)"),
                Map.entry("alerts_teacher_status_created_idx", "ON public.alerts USING btree (teacher_id, status, created_at DESC)"),
                Map.entry("alerts_student_id_idx", "ON public.alerts USING btree (student_id)"),
                Map.entry("alerts_dedup_key_active_key", "UNIQUE INDEX alerts_dedup_key_active_key ON public.alerts USING btree (dedup_key) WHERE (status = ANY (ARRAY['open'::text, 'acknowledged'::text]))"),
                Map.entry("event_log_pkey", "UNIQUE INDEX event_log_pkey ON public.event_log USING btree (id)"),
                Map.entry("event_log_user_occurred_idx", "ON public.event_log USING btree (user_id, occurred_at DESC)"),
                Map.entry("event_log_topic_occurred_idx", "ON public.event_log USING btree (topic_id, occurred_at DESC)"),
                Map.entry("event_log_occurred_at_idx", "ON public.event_log USING btree (occurred_at)"),
                Map.entry("event_log_user_errors_occurred_idx",
                        "ON public.event_log USING btree (user_id, occurred_at DESC) WHERE ((result ->> 'errorType'::text) IS NOT NULL)"));

        assertThat(indexdefs).containsKeys(expected.keySet().toArray(String[]::new));
        expected.forEach((name, fragment) -> assertThat(indexdefs.get(name)).as(name).contains(fragment));
    }

    @Test
    void everyExpectedForeignKeyExistsWithItsDeleteRule() throws SQLException {
        List<String> fks = Sql.strings(conn, """
                select c.conrelid::regclass::text || '.' || a.attname || ' -> ' || c.confrelid::regclass::text || '.'
                       || af.attname || ' on delete ' || case c.confdeltype when 'a' then 'no action'
                       when 'r' then 'restrict' when 'c' then 'cascade' when 'n' then 'set null'
                       else 'set default' end
                from pg_constraint c
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                join pg_attribute af on af.attrelid = c.confrelid and af.attnum = c.confkey[1]
                where c.contype = 'f' and c.connamespace = 'public'::regnamespace
                """);
        assertThat(fks).containsExactlyInAnyOrder(
                "users.teacher_id -> users.id on delete set null",
                "topics.module_id -> modules.id on delete no action",
                "exercises.topic_id -> topics.id on delete no action",
                "exercises.generated_for -> users.id on delete cascade",
                "quizzes.topic_id -> topics.id on delete no action",
                "progress.user_id -> users.id on delete cascade",
                "progress.topic_id -> topics.id on delete no action",
                "alerts.student_id -> users.id on delete cascade",
                "alerts.teacher_id -> users.id on delete set null",
                "alerts.topic_id -> topics.id on delete no action",
                "event_log.user_id -> users.id on delete cascade",
                "event_log.topic_id -> topics.id on delete no action");
    }

    @Test
    void primaryKeysAreAsDocumented() throws SQLException {
        List<String> pks = Sql.strings(conn, """
                select tc.table_name || '(' || string_agg(k.column_name, ', ' order by k.ordinal_position) || ')'
                from information_schema.table_constraints tc
                join information_schema.key_column_usage k
                  on k.constraint_name = tc.constraint_name and k.table_schema = tc.table_schema
                where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY'
                  and tc.table_name <> 'flyway_schema_history'
                group by tc.table_name
                """);
        assertThat(pks).containsExactlyInAnyOrder("users(id)", "modules(id)", "topics(id)", "exercises(id)",
                "quizzes(id)", "progress(user_id, topic_id)", "alerts(id)", "event_log(id)");
    }

    // ---------------------------------------------------------------------------------------------- checks

    @Nested
    class Checks {

        @Test
        void usersRejectBadRoleDuplicateEmailAndStudentJoinCodes() throws SQLException {
            assertRejected("users_role_check", """
                    insert into users (email, display_name, role, password_hash) values ('x@example.com', 'X', 'wizard', 'h')""");
            user("student", "Same@Example.com", null);
            assertRejected("users_email_lower_key", """
                    insert into users (email, display_name, role, password_hash) values ('same@example.COM', 'Y', 'student', 'h')""");
            assertRejected("users_email_check", """
                    insert into users (email, display_name, role, password_hash) values ('not-an-email', 'Z', 'student', 'h')""");
            assertRejected("users_teacher_code_check", """
                    insert into users (email, display_name, role, password_hash, teacher_code)
                    values ('s@example.com', 'S', 'student', 'h', 'CLASS-1')""");
            UUID teacher = user("teacher", "t@example.com", null);
            Sql.exec(conn, "update users set teacher_code = 'PY-101' where id = ?", teacher);
            UUID other = user("teacher", "t2@example.com", null);
            assertRejected("users_teacher_code_key", "update users set teacher_code = 'PY-101' where id = ?", other);
            assertRejected("users_teacher_not_self_check", "update users set teacher_id = id where id = ?", teacher);
            assertRejected("users_password_hash_check", """
                    insert into users (email, display_name, password_hash) values ('p@example.com', 'P', '')""");
            assertThat(Sql.scalar(conn, "select role || ' ' || timezone from users where id = ?",
                    user(null, "defaults@example.com", null))).isEqualTo("student UTC");
        }

        @Test
        void progressRejectsOutOfRangeValues() throws SQLException {
            UUID student = user("student", "p@example.com", null);
            assertRejected("progress_p_known_check",
                    "insert into progress (user_id, topic_id, p_known) values (?, 'strings', 1.5)", student);
            assertRejected("progress_p_known_check",
                    "insert into progress (user_id, topic_id, p_known) values (?, 'strings', -0.1)", student);
            assertRejected("progress_mastery_level_check", """
                    insert into progress (user_id, topic_id, p_known, mastery_level) values (?, 'strings', 0.5, 'expert')""",
                    student);
            assertRejected("progress_correct_check", """
                    insert into progress (user_id, topic_id, p_known, attempts, correct) values (?, 'strings', 0.5, 2, 3)""",
                    student);
            assertRejected("progress_attempts_check", """
                    insert into progress (user_id, topic_id, p_known, attempts, correct) values (?, 'strings', 0.5, -1, 0)""",
                    student);
            assertRejected("progress_topic_id_fkey",
                    "insert into progress (user_id, topic_id, p_known) values (?, 'no-such-topic', 0.5)", student);
            assertRejected("progress_pkey", """
                    insert into progress (user_id, topic_id, p_known) values (?, 'lists', 0.2), (?, 'lists', 0.3)""",
                    student, student);
            Sql.exec(conn, "insert into progress (user_id, topic_id, p_known) values (?, 'strings', 0.1)", student);
            assertThat(Sql.scalar(conn, "select mastery_level from progress where user_id = ?", student))
                    .isEqualTo("novice");
        }

        @Test
        void exercisesRejectMalformedTestsAndLimits() throws SQLException {
            String insert = """
                    insert into exercises (topic_id, title, prompt, tests, time_limit_ms, source)
                    values ('strings', 'T', 'P', ?::jsonb, ?, ?)""";
            String ok = """
                    [{"name": "a", "call": "f()", "expected": "1", "visibility": "shown"},
                     {"name": "b", "stdin": "1\\n", "expected_stdout": "2\\n", "visibility": "hidden_unless_failing"}]""";
            Sql.exec(conn, insert, ok, 2000, "template");
            assertRejected("exercises_tests_check", insert,
                    "[{\"name\": \"a\", \"call\": \"f()\", \"expected\": \"1\", \"visibility\": \"secret\"}]", 2000, "seed");
            assertRejected("exercises_tests_check", insert, "[]", 2000, "seed");
            assertRejected("exercises_tests_check", insert, "{\"name\": \"a\"}", 2000, "seed");
            assertRejected("exercises_tests_check", insert,
                    "[{\"name\": \"a\", \"call\": \"f()\", \"visibility\": \"shown\"}]", 2000, "seed");
            assertRejected("exercises_tests_check", insert,
                    "[{\"name\": \"a\", \"stdin\": 3, \"expected_stdout\": \"3\", \"visibility\": \"shown\"}]", 2000, "seed");
            assertRejected("exercises_time_limit_ms_check", insert, ok, 10_000, "seed");
            assertRejected("exercises_time_limit_ms_check", insert, ok, 50, "seed");
            assertRejected("exercises_source_check", insert, ok, 2000, "human");
            UUID student = user("student", "gen@example.com", null);
            assertRejected("exercises_seed_not_personal_check", """
                    insert into exercises (topic_id, title, prompt, tests, source, generated_for)
                    values ('strings', 'T', 'P', ?::jsonb, 'seed', ?)""", ok, student);
            assertRejected("exercises_memory_limit_mb_check", """
                    insert into exercises (topic_id, title, prompt, tests, memory_limit_mb) values ('strings', 'T', 'P', ?::jsonb, 4096)""",
                    ok);
            assertRejected("exercises_max_attempts_check", """
                    insert into exercises (topic_id, title, prompt, tests, max_attempts) values ('strings', 'T', 'P', ?::jsonb, 0)""",
                    ok);
        }

        @Test
        void quizzesRejectBadOptions() throws SQLException {
            String insert = """
                    insert into quizzes (topic_id, question, options, correct_option, explanation)
                    values ('strings', 'Q?', ?::jsonb, ?, 'because')""";
            Sql.exec(conn, insert, "[\"yes\", \"no\"]", 1);
            assertRejected("quizzes_correct_option_check", insert, "[\"only one\"]", 0);
            assertRejected("quizzes_correct_option_check", insert, "[\"a\", \"b\"]", 2);
            assertRejected("quizzes_correct_option_check", insert, "[\"a\", \"b\"]", -1);
            assertRejected("quizzes_correct_option_check", insert, "[\"a\", 2]", 0);
            assertRejected("quizzes_", insert, "{\"a\": \"b\"}", 0);
        }

        @Test
        void alertsRejectBadValuesAndDeduplicateLiveAlerts() throws SQLException {
            UUID teacher = user("teacher", "teach@example.com", null);
            UUID student = user("student", "stud@example.com", teacher);
            String insert = """
                    insert into alerts (student_id, teacher_id, topic_id, reason, severity, dedup_key)
                    values (?, ?, 'lists', ?, ?, ?) on conflict (dedup_key) where status in ('open', 'acknowledged') do nothing""";
            assertRejected("alerts_reason_check", insert, student, teacher, "bored", "low", "k0");
            assertRejected("alerts_severity_check", insert, student, teacher, "stuck", "apocalyptic", "k0");
            assertRejected("alerts_status_check",
                    "insert into alerts (student_id, reason, status) values (?, 'stuck', 'closed')", student);
            assertRejected("alerts_resolved_at_check",
                    "insert into alerts (student_id, reason, status) values (?, 'stuck', 'resolved')", student);
            assertRejected("alerts_student_not_teacher_check",
                    "insert into alerts (student_id, teacher_id, reason) values (?, ?, 'stuck')", student, student);

            String key = student + ":lists:repeated_failure";
            assertThat(Sql.exec(conn, insert, student, teacher, "repeated_failure", "high", key)).isEqualTo(1);
            // the same live alert again: ON CONFLICT on the partial unique index swallows it
            assertThat(Sql.exec(conn, insert, student, teacher, "repeated_failure", "high", key)).isZero();
            assertRejected("alerts_dedup_key_active_key", """
                    insert into alerts (student_id, reason, dedup_key) values (?, 'repeated_failure', ?)""", student, key);
            // once resolved, a new alert with the same key may open
            Sql.exec(conn, "update alerts set status = 'resolved', resolved_at = now() where dedup_key = ?", key);
            assertThat(Sql.exec(conn, insert, student, teacher, "repeated_failure", "high", key)).isEqualTo(1);
            assertThat(Sql.count(conn, "select count(*) from alerts where dedup_key = ?", key)).isEqualTo(2);
        }

        @Test
        void eventLogRequiresAnXapiStatementAndIsIdempotentById() throws SQLException {
            UUID student = user("student", "ev@example.com", null);
            UUID eventId = UUID.randomUUID();
            String insert = """
                    insert into event_log (id, user_id, verb, object_type, object_id, topic_id, result, statement, occurred_at)
                    values (?, ?, 'failed', 'exercise', 'e0000000-0000-4000-8000-000000000101', 'strings',
                            '{"success": false}', ?::jsonb, now())
                    on conflict (id) do nothing""";
            String statement = """
                    {"actor": {"account": {"name": "s"}}, "verb": {"id": "http://adlnet.gov/expapi/verbs/failed"},
                     "object": {"id": "urn:learnflow:exercise:e0000000-0000-4000-8000-000000000101"},
                     "result": {"success": false}, "timestamp": "2025-01-01T00:00:00Z"}""";
            assertThat(Sql.exec(conn, insert, eventId, student, statement)).isEqualTo(1);
            assertThat(Sql.exec(conn, insert, eventId, student, statement)).isZero();
            assertRejected("event_log_statement_check", insert, UUID.randomUUID(), student,
                    "{\"verb\": {\"id\": \"x\"}, \"object\": {\"id\": \"y\"}}");
            assertRejected("event_log_statement_check", insert, UUID.randomUUID(), student, "[1, 2]");
            assertRejected("event_log_user_id_fkey", insert, UUID.randomUUID(), UUID.randomUUID(), statement);
            assertRejected("null value in column \"occurred_at\"", """
                    insert into event_log (id, user_id, verb, object_type, statement) values (?, ?, 'viewed', 'topic', '{}')""",
                    UUID.randomUUID(), student);
        }

        @Test
        void deletingAUserCascadesToTheirRowsAndDetachesTheirStudents() throws SQLException {
            UUID teacher = user("teacher", "gone-teacher@example.com", null);
            UUID student = user("student", "gone-student@example.com", teacher);
            Sql.exec(conn, "insert into progress (user_id, topic_id, p_known) values (?, 'lists', 0.4)", student);
            Sql.exec(conn, """
                    insert into event_log (id, user_id, verb, object_type, statement, occurred_at)
                    values (?, ?, 'viewed', 'topic', '{"actor": {}, "verb": {}, "object": {}}', now())""",
                    UUID.randomUUID(), student);
            Sql.exec(conn, "insert into alerts (student_id, teacher_id, reason) values (?, ?, 'stuck')", student, teacher);
            Sql.exec(conn, """
                    insert into exercises (topic_id, title, prompt, tests, source, generated_for)
                    values ('lists', 'T', 'P', '[{"name": "a", "call": "f()", "expected": "1", "visibility": "shown"}]', 'llm', ?)""",
                    student);

            Sql.exec(conn, "delete from users where id = ?", teacher);
            assertThat(Sql.scalar(conn, "select teacher_id from users where id = ?", student)).isNull();
            assertThat(Sql.scalar(conn, "select teacher_id from alerts where student_id = ?", student)).isNull();

            Sql.exec(conn, "delete from users where id = ?", student);
            for (String table : List.of("progress where user_id", "event_log where user_id",
                    "alerts where student_id", "exercises where generated_for")) {
                assertThat(Sql.count(conn, "select count(*) from " + table + " = ?", student)).as(table).isZero();
            }
        }

        @Test
        void updatedAtIsTouchedOnUpdate() throws SQLException {
            UUID student = user("student", "touch@example.com", null);
            Sql.exec(conn, "update users set updated_at = now() - interval '1 day' where id = ?", student);
            Sql.exec(conn, "update users set display_name = 'Renamed' where id = ?", student);
            assertThat((Boolean) Sql.scalar(conn,
                    "select updated_at > now() - interval '1 minute' from users where id = ?", student)).isTrue();
        }
    }

    // ---------------------------------------------------------------------------------------------- curriculum

    @Nested
    class Curriculum {

        @Test
        void atLeastEightModulesInTeachingOrder() throws SQLException {
            List<String> titles = Sql.strings(conn, "select title from modules order by position");
            assertThat(titles).hasSizeGreaterThanOrEqualTo(8);
            assertThat(titles.subList(0, 8)).containsExactlyElementsOf(MODULE_TITLES);
            assertThat(Sql.strings(conn, "select id from modules order by position").subList(0, 8)).containsExactly(
                    "python-basics", "control-flow", "collections", "functions", "oop", "errors-and-exceptions",
                    "files", "modules-and-libraries");
        }

        @Test
        void everyModuleHasTopicsExercisesAndQuizzes() throws SQLException {
            List<Map<String, Object>> perModule = Sql.rows(conn, """
                    select m.id,
                           (select count(*) from topics t where t.module_id = m.id) as topics,
                           (select count(*) from exercises e join topics t on t.id = e.topic_id
                             where t.module_id = m.id and e.source = 'seed') as exercises,
                           (select count(*) from quizzes q join topics t on t.id = q.topic_id
                             where t.module_id = m.id) as quizzes
                    from modules m order by m.position
                    """);
            assertThat(perModule).hasSizeGreaterThanOrEqualTo(8);
            for (Map<String, Object> m : perModule) {
                assertThat(((Number) m.get("topics")).intValue()).as("topics of %s", m.get("id")).isBetween(3, 5);
                assertThat(((Number) m.get("exercises")).intValue()).as("exercises of %s", m.get("id"))
                        .isGreaterThanOrEqualTo(2);
                assertThat(((Number) m.get("quizzes")).intValue()).as("quizzes of %s", m.get("id"))
                        .isGreaterThanOrEqualTo(2);
            }
            assertThat(Sql.strings(conn, "select id from topics where module_id = 'collections' order by position"))
                    .containsExactly("lists", "tuples", "dictionaries", "sets", "comprehensions");
            assertThat(Sql.count(conn, "select count(*) from topics where length(summary) < 120")).isZero();
        }

        @Test
        void everySeedExerciseIsCompleteWithShownAndHiddenTests() throws SQLException {
            List<Map<String, Object>> exercises = Sql.rows(conn, """
                    select e.id::text as id, e.title,
                           length(e.prompt) as prompt_length,
                           length(e.starter_code) as starter_length,
                           e.reference_solution is not null as has_solution,
                           (select count(*) from jsonb_array_elements(e.tests) t where t ->> 'visibility' = 'shown') as shown,
                           (select count(*) from jsonb_array_elements(e.tests) t where t ->> 'visibility' = 'hidden') as hidden
                    from exercises e where e.source = 'seed'
                    """);
            assertThat(exercises).hasSizeGreaterThanOrEqualTo(16);
            for (Map<String, Object> e : exercises) {
                assertThat(e.get("id").toString()).matches("e0000000-0000-4000-8000-0000000\\d{5}");
                assertThat(((Number) e.get("prompt_length")).intValue()).as("prompt of %s", e.get("title")).isGreaterThan(40);
                assertThat(((Number) e.get("starter_length")).intValue()).as("starter of %s", e.get("title")).isPositive();
                assertThat((Boolean) e.get("has_solution")).as("solution of %s", e.get("title")).isTrue();
                assertThat(((Number) e.get("shown")).intValue()).as("shown tests of %s", e.get("title")).isPositive();
                assertThat(((Number) e.get("hidden")).intValue()).as("hidden tests of %s", e.get("title")).isPositive();
            }
            assertThat(Sql.scalar(conn, "select topic_id from exercises where id = 'e0000000-0000-4000-8000-000000000101'"))
                    .isEqualTo("input-and-output");
        }

        @Test
        void quizzesHaveAnswerableOptions() throws SQLException {
            assertThat(Sql.count(conn, "select count(*) from quizzes")).isGreaterThanOrEqualTo(16);
            assertThat(Sql.count(conn, """
                    select count(*) from quizzes
                    where jsonb_array_length(options) < 2 or correct_option >= jsonb_array_length(options)
                       or length(explanation) < 20""")).isZero();
            // correct answers are not always in the same position
            assertThat(Sql.count(conn, "select count(distinct correct_option) from quizzes")).isGreaterThanOrEqualTo(3);
            assertThat(Sql.scalar(conn, """
                    select options ->> correct_option from quizzes where id = 'c0000000-0000-4000-8000-000000000101'"""))
                    .isEqualTo("3");
        }
    }

    // ---------------------------------------------------------------------------------------------- views

    @Nested
    class Views {

        @Test
        void userProgressSummaryAggregatesPerStudentAndModule() throws SQLException {
            UUID teacher = user("teacher", "vt@example.com", null);
            UUID student = user("student", "vs@example.com", teacher);
            UUID idle = user("student", "idle@example.com", teacher);
            Sql.exec(conn, """
                    insert into progress (user_id, topic_id, p_known, mastery_level, attempts, correct, last_activity_at) values
                      (?, 'variables', 0.97, 'mastered', 6, 6, now() - interval '2 days'),
                      (?, 'strings', 0.41, 'developing', 5, 2, now() - interval '1 hour'),
                      (?, 'lists', 0.2, 'novice', 1, 0, now() - interval '3 days')""", student, student, student);

            List<Map<String, Object>> rows = Sql.rows(conn,
                    "select * from user_progress_summary where student_id = ? order by module_position", student);
            assertThat(rows).hasSize((int) Sql.count(conn, "select count(*) from modules"));
            Map<String, Object> basics = rows.get(0);
            assertThat(basics.get("module_id")).isEqualTo("python-basics");
            assertThat(basics.get("teacher_id")).isEqualTo(teacher);
            assertThat(((Number) basics.get("topics_total")).intValue()).isEqualTo(4);
            assertThat(((Number) basics.get("topics_started")).intValue()).isEqualTo(2);
            assertThat(((Number) basics.get("topics_mastered")).intValue()).isEqualTo(1);
            assertThat(((Number) basics.get("avg_p_known")).doubleValue()).isCloseTo(0.69, within(1e-9));
            assertThat(basics.get("last_activity_at")).isNotNull();
            Map<String, Object> collections = rows.get(2);
            assertThat(collections.get("module_id")).isEqualTo("collections");
            assertThat(((Number) collections.get("topics_started")).intValue()).isEqualTo(1);
            assertThat(((Number) collections.get("topics_mastered")).intValue()).isZero();
            Map<String, Object> oop = rows.get(4);
            assertThat(((Number) oop.get("topics_started")).intValue()).isZero();
            assertThat(oop.get("avg_p_known")).isNull();

            assertThat(Sql.count(conn, "select count(*) from user_progress_summary where student_id = ?", idle))
                    .isEqualTo(rows.size());
            assertThat(Sql.count(conn, "select count(*) from user_progress_summary where student_id = ?", teacher))
                    .as("teachers are not students").isZero();
        }

        @Test
        void strugglingStudentsFlagsRepeatedFailuresAndLiveAlerts() throws SQLException {
            UUID teacher = user("teacher", "st@example.com", null);
            UUID failing = user("student", "failing@example.com", teacher);
            UUID alerted = user("student", "alerted@example.com", teacher);
            UUID fine = user("student", "fine@example.com", teacher);

            event(failing, "failed", "strings", null, "1 hour");
            event(failing, "failed", "strings", null, "2 days");
            event(failing, "attempted", "strings", "{\"success\": false}", "6 days");
            event(failing, "failed", "strings", null, "8 days");          // outside the window
            event(failing, "passed", "strings", "{\"success\": true}", "1 hour");
            event(failing, "failed", "lists", null, "1 hour");             // only one failure on lists
            event(fine, "failed", "strings", null, "1 hour");
            event(fine, "failed", "strings", null, "2 hours");            // two failures: not struggling
            Sql.exec(conn, """
                    insert into alerts (student_id, teacher_id, topic_id, reason, severity, dedup_key)
                    values (?, ?, 'tuples', 'stuck', 'medium', 'alerted:tuples:stuck')""", alerted, teacher);
            Sql.exec(conn, """
                    insert into alerts (student_id, teacher_id, topic_id, reason, status, resolved_at)
                    values (?, ?, 'sets', 'stuck', 'resolved', now())""", fine, teacher);

            List<Map<String, Object>> rows = Sql.rows(conn,
                    "select * from struggling_students where teacher_id = ? order by failures_7d desc", teacher);
            assertThat(rows).hasSize(2);
            Map<String, Object> first = rows.get(0);
            assertThat(first.get("student_id")).isEqualTo(failing);
            assertThat(first.get("topic_id")).isEqualTo("strings");
            assertThat(((Number) first.get("failures_7d")).intValue()).isEqualTo(3);
            assertThat(((Number) first.get("open_alerts")).intValue()).isZero();
            assertThat(first.get("last_failure_at")).isNotNull();
            Map<String, Object> second = rows.get(1);
            assertThat(second.get("student_id")).isEqualTo(alerted);
            assertThat(second.get("topic_id")).isEqualTo("tuples");
            assertThat(((Number) second.get("failures_7d")).intValue()).isZero();
            assertThat(((Number) second.get("open_alerts")).intValue()).isEqualTo(1);
            assertThat(second.get("last_failure_at")).isNull();

            Sql.exec(conn, "update alerts set status = 'acknowledged', acknowledged_at = now() where student_id = ?", alerted);
            assertThat(Sql.count(conn, "select count(*) from struggling_students where student_id = ?", alerted)).isOne();
            Sql.exec(conn, "update alerts set status = 'resolved', resolved_at = now() where student_id = ?", alerted);
            assertThat(Sql.count(conn, "select count(*) from struggling_students where student_id = ?", alerted)).isZero();
        }

        private void event(UUID user, String verb, String topic, String result, String ago) throws SQLException {
            Sql.exec(conn, """
                    insert into event_log (id, user_id, verb, object_type, object_id, topic_id, result, statement, occurred_at)
                    values (?, ?, ?, 'exercise', 'x', ?, ?::jsonb,
                            jsonb_build_object('actor', jsonb_build_object('account', jsonb_build_object('name', ?::text)),
                                               'verb', jsonb_build_object('id', 'http://adlnet.gov/expapi/verbs/' || ?),
                                               'object', jsonb_build_object('id', 'urn:learnflow:exercise:x')),
                            now() - ?::interval)""",
                    UUID.randomUUID(), user, verb, topic, result, user.toString(), verb, ago);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private UUID user(String role, String email, UUID teacher) throws SQLException {
        String sql = role == null
                ? "insert into users (email, display_name, password_hash, teacher_id) values (?, ?, 'x', ?) returning id"
                : "insert into users (email, display_name, password_hash, teacher_id, role) values (?, ?, 'x', ?, ?) returning id";
        Object[] params = role == null
                ? new Object[] {email, email.substring(0, email.indexOf('@')), teacher}
                : new Object[] {email, email.substring(0, email.indexOf('@')), teacher, role};
        return (UUID) Sql.scalar(conn, sql, params);
    }

    private void assertRejected(String expectedInMessage, String sql, Object... params) throws SQLException {
        Savepoint savepoint = conn.setSavepoint();
        try {
            assertThatThrownBy(() -> Sql.exec(conn, sql, params))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(expectedInMessage);
        } finally {
            conn.rollback(savepoint);
        }
    }
}
