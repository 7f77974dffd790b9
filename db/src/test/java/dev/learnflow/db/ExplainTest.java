package dev.learnflow.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With realistic row counts (thousands of students, progress rows, events and alerts) and fresh statistics, the
 * lookups the services make are answered through the intended index. The planner is left alone (no
 * {@code enable_seqscan = off}): the index has to win on cost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainTest {

    private static final Set<String> INDEX_NODES = Set.of("Index Scan", "Index Only Scan", "Bitmap Index Scan");
    private static final int TEACHERS = 300;
    private static final int STUDENTS = 3000;

    @AutoClose // drops the database (closing the connections it gave) after the last test
    private TestDatabase db;
    private Connection conn;
    private UUID student;
    private UUID teacher;

    @BeforeAll
    void populate() throws SQLException {
        db = TestDatabase.createMigrated();
        conn = db.connect();
        try (Statement st = conn.createStatement()) {
            st.execute("""
                    insert into users (email, display_name, role, password_hash, teacher_code)
                    select 'teacher' || i || '@example.com', 'Teacher ' || i, 'teacher', 'x', 'T-' || lpad(i::text, 4, '0')
                    from generate_series(1, %d) i""".formatted(TEACHERS));
            st.execute("""
                    insert into users (email, display_name, role, password_hash, teacher_id)
                    select 'student' || i || '@example.com', 'Student ' || i, 'student', 'x',
                           (select id from users where email = 'teacher' || (i %% %d + 1) || '@example.com')
                    from generate_series(1, %d) i""".formatted(TEACHERS, STUDENTS));
            // about a quarter of the topics per student
            st.execute("""
                    insert into progress (user_id, topic_id, p_known, mastery_level, attempts, correct, last_activity_at)
                    select user_id, topic_id, r, case when r >= 0.95 then 'mastered' when r >= 0.7 then 'proficient'
                                                      when r >= 0.4 then 'developing' else 'novice' end,
                           10, 5, now() - (random() * interval '60 days')
                    from (select u.id as user_id, t.id as topic_id, random() as r
                          from users u join topics t on (hashtext(u.id::text || t.id) & 3) = 0
                          where u.role = 'student') s""");
            // 20 events per student over 90 days
            st.execute("""
                    insert into event_log (id, user_id, verb, object_type, object_id, topic_id, result, statement, occurred_at)
                    select gen_random_uuid(), u.id, v.verb, 'exercise', 'x', t.id,
                           jsonb_build_object('success', v.verb = 'passed')
                               || case when v.verb = 'failed' then jsonb_build_object('errorType', 'TypeError')
                                       else '{}'::jsonb end,
                           jsonb_build_object('actor', jsonb_build_object('account', jsonb_build_object('name', u.id)),
                                              'verb', jsonb_build_object('id', 'http://adlnet.gov/expapi/verbs/' || v.verb),
                                              'object', jsonb_build_object('id', 'urn:learnflow:exercise:x')),
                           now() - (random() * interval '90 days')
                    from users u
                    cross join generate_series(1, 20) g
                    cross join lateral (select (array['attempted', 'passed', 'failed', 'answered'])[1 + ((g + (hashtext(u.id::text) & 3)) & 3)] as verb) v
                    cross join lateral (select id from topics order by md5(u.id::text || g || id) limit 1) t
                    where u.role = 'student'""");
            // ~4 alerts per student
            st.execute("""
                    insert into alerts (student_id, teacher_id, topic_id, reason, severity, status, evidence,
                                        dedup_key, created_at, acknowledged_at, resolved_at)
                    select u.id, u.teacher_id, 'strings', 'repeated_failure', 'medium', s.status, '{}',
                           u.id || ':' || g, now() - (g * interval '5 days'),
                           case when s.status = 'acknowledged' then now() end,
                           case when s.status = 'resolved' then now() end
                    from users u
                    cross join generate_series(1, 4) g
                    cross join lateral (select (array['open', 'acknowledged', 'resolved', 'muted'])[1 + ((g + (hashtext(u.id::text) & 3)) & 3)] as status) s
                    where u.role = 'student'""");
            st.execute("analyze");
        }
        student = (UUID) Sql.scalar(conn, "select id from users where email = 'student42@example.com'");
        teacher = (UUID) Sql.scalar(conn, "select id from users where email = 'teacher7@example.com'");
    }

    @Test
    void thereIsEnoughDataForThePlannerToCare() throws SQLException {
        assertThat(Sql.count(conn, "select count(*) from progress")).isGreaterThan(10_000);
        assertThat(Sql.count(conn, "select count(*) from event_log")).isGreaterThan(50_000);
        assertThat(Sql.count(conn, "select count(*) from alerts")).isGreaterThan(10_000);
    }

    @Test
    void progressByUserUsesThePrimaryKey() throws SQLException {
        assertUsesIndex("progress", "progress_pkey", """
                select topic_id, p_known, mastery_level, attempts, correct, last_activity_at
                from progress where user_id = '%s'""".formatted(student));
    }

    @Test
    void eventLogByUserAndTimeRangeNewestFirstUsesTheUserTimeIndex() throws SQLException {
        assertUsesIndex("event_log", "event_log_user_occurred_idx", """
                select id, verb, object_type, object_id, topic_id, result, occurred_at
                from event_log
                where user_id = '%s' and occurred_at >= now() - interval '30 days' and occurred_at < now()
                order by occurred_at desc""".formatted(student));
        assertUsesIndex("event_log", "event_log_user_occurred_idx", """
                select statement from event_log where user_id = '%s' order by occurred_at desc limit 50"""
                .formatted(student));
    }

    @Test
    void alertsByTeacherAndStatusUseTheTeacherStatusIndex() throws SQLException {
        assertUsesIndex("alerts", "alerts_teacher_status_created_idx", """
                select id, student_id, topic_id, reason, severity, evidence, created_at
                from alerts where teacher_id = '%s' and status = 'open'
                order by created_at desc limit 50""".formatted(teacher));
        assertUsesIndex("alerts", "alerts_teacher_status_created_idx", """
                select id, student_id, reason, status from alerts
                where teacher_id = '%s' and status in ('open', 'acknowledged')""".formatted(teacher));
    }

    @Test
    void otherServiceLookupsAreIndexedToo() throws SQLException {
        assertUsesIndex("event_log", "event_log_topic_occurred_idx", """
                select user_id, verb, occurred_at from event_log
                where topic_id = 'strings' and occurred_at >= now() - interval '1 day'
                order by occurred_at desc""");
        assertUsesIndex("alerts", "alerts_student_id_idx", """
                select id, status from alerts where student_id = '%s'""".formatted(student));
        assertUsesIndex("users", "users_teacher_id_idx", """
                select id, display_name from users where teacher_id = '%s'""".formatted(teacher));
        assertUsesIndex("users", "users_email_lower_key", """
                select id, password_hash from users where lower(email) = lower('Student42@Example.com')""");
        assertUsesIndex("alerts", "alerts_dedup_key_active_key", """
                select id from alerts where dedup_key = '%s:1' and status in ('open', 'acknowledged')""".formatted(student));
    }

    // The class insights (issue 21): progress asks for the students of one class, as the gateway lists them.

    private String classIds() throws SQLException {
        return "array[" + String.join(", ", Sql.strings(conn,
                "select '''' || id || '''::uuid' from users where teacher_id = '%s'".formatted(teacher))) + "]";
    }

    @Test
    void classHeatmapReadsProgressThroughThePrimaryKey() throws SQLException {
        assertUsesIndex("progress", "progress_pkey", """
                select user_id, topic_id, p_known, attempts, correct, last_activity_at
                from progress where user_id = any(%s)""".formatted(classIds()));
    }

    @Test
    void classErrorTypesOfTwoWeeksUseThePartialErrorIndex() throws SQLException {
        assertUsesIndex("event_log", "event_log_user_errors_occurred_idx", """
                select result ->> 'errorType' as error_type,
                       count(*) filter (where occurred_at >= now() - interval '7 days') as this_week,
                       count(*) filter (where occurred_at < now() - interval '7 days') as week_before,
                       count(distinct user_id) filter (where occurred_at >= now() - interval '7 days') as students
                from event_log
                where user_id = any(%s) and (result ->> 'errorType') is not null
                  and occurred_at >= now() - interval '14 days' and occurred_at < now()
                group by 1""".formatted(classIds()));
    }

    @Test
    void lastActivityOfEachStudentOfAClassUsesTheUserTimeIndex() throws SQLException {
        assertUsesIndex("event_log", "event_log_user_occurred_idx", """
                select s.id, (select max(e.occurred_at) from event_log e where e.user_id = s.id) as last_at
                from unnest(%s) as s(id)""".formatted(classIds()));
    }

    @Test
    void aStudentsEventsOnTopicsInTimeOrderUseTheUserTimeIndex() throws SQLException {
        assertUsesIndex("event_log", "event_log_user_occurred_idx", """
                select verb, object_type, object_id, result, occurred_at from event_log
                where user_id = '%s' and topic_id = 'strings'
                order by occurred_at desc, id desc limit 50""".formatted(student));
        assertUsesIndex("event_log", "event_log_user_occurred_idx", """
                select topic_id, verb, result, occurred_at from event_log
                where user_id = '%s' and topic_id = any(array['lists', 'tuples', 'dictionaries', 'sets'])
                order by occurred_at, id""".formatted(student));
    }

    @Test
    void aStudentsActiveDaysUseTheUserTimeIndex() throws SQLException {
        assertUsesIndex("event_log", "event_log_user_occurred_idx", """
                select (occurred_at at time zone 'Europe/Berlin')::date as day, count(*)
                from event_log
                where user_id = '%s' and occurred_at >= now() - interval '120 days'
                  and verb = any(array['ran', 'passed', 'failed', 'answered'])
                group by 1""".formatted(student));
    }

    private void assertUsesIndex(String table, String index, String query) throws SQLException {
        String plan = Sql.scalar(conn, "explain (format json) " + query).toString();
        // Walk every plan node with PostgreSQL's own JSON path support.
        List<Map<String, Object>> nodes = Sql.rows(conn, """
                select n ->> 'Node Type' as node_type, n ->> 'Relation Name' as relation, n ->> 'Index Name' as index_name
                from jsonb_path_query(?::jsonb, 'strict $.**') as n
                where jsonb_typeof(n) = 'object' and n -> 'Node Type' is not null""", plan);
        assertThat(nodes).as("plan of %s:%n%s", query, plan).isNotEmpty();
        assertThat(nodes)
                .as("plan of %s should read %s through %s:%n%s", query, table, index, plan)
                .anySatisfy(n -> {
                    assertThat(INDEX_NODES).contains((String) n.get("node_type"));
                    assertThat(n.get("index_name")).isEqualTo(index);
                });
        assertThat(nodes)
                .as("plan of %s must not scan %s sequentially:%n%s", query, table, plan)
                .noneSatisfy(n -> {
                    assertThat(n.get("node_type")).isEqualTo("Seq Scan");
                    assertThat(n.get("relation")).isEqualTo(table);
                });
    }
}
