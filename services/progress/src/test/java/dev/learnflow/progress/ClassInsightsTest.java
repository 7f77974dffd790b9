package dev.learnflow.progress;

import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.ProgressRecorded;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Issue 21's read side: the class heatmap, summary, inactivity and export, a student's history; who gets in. */
@QuarkusTest
class ClassInsightsTest extends ProgressFixtures {

    private static final String PROBLEM = "application/problem+json";
    /** P(L) after three correct answers from the prior, with the default parameters (see BktTest). */
    private static final double AFTER_THREE_PASSES = 0.991964285714;

    private void deliver(CloudEvent<ProgressRecorded> event) {
        Events.deliver(mapper, event).statusCode(200).body("status", equalTo("SUCCESS"));
    }

    private static JsonPath json(ValidatableResponse response) {
        return new JsonPath(response.extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static ValidatableResponse teacherGets(UUID teacher, String path) {
        return Caller.as(teacher, "teacher").when().get(path).then();
    }

    /** What the teacher reads at {@code path} (200 expected). */
    private static JsonPath teacherReads(UUID teacher, String path) {
        return json(teacherGets(teacher, path).statusCode(200));
    }

    private static String insights(UUID teacher, String what) {
        return "/internal/teachers/" + teacher + "/insights/" + what;
    }

    private static String history(UUID student, String what) {
        return "/internal/students/" + student + "/insights/" + what;
    }

    @Test
    void theHeatmapIsStudentsByTopicsOfTheOwnClassOnly() {
        ClassOfTwo group = ClassOfTwo.practised(data, this::deliver);
        UUID teacher = group.teacher();

        JsonPath map = teacherReads(teacher, insights(teacher, "heatmap"));
        List<String> topics = map.getList("topics.topicId");
        assertThat(topics).hasSize(32).startsWith("variables", "numbers-and-types");
        assertThat(map.getString("topics[0].moduleId")).isEqualTo("python-basics");
        assertThat(map.getList("students.studentId"))
                .containsExactly(group.ada().toString(), group.bob().toString());
        int variables = topics.indexOf("variables");
        int functions = topics.indexOf("defining-functions");
        assertThat(map.getDouble("students[0].mastery[" + variables + "]")).isCloseTo(AFTER_THREE_PASSES, within(1e-9));
        assertThat(map.getInt("students[0].attempts[" + variables + "]")).isEqualTo(3);
        assertThat((Object) map.get("students[0].mastery[" + functions + "]")).isNull();
        // Three failures from the prior 0.1: the learning step keeps it just above 0.11 (BKT's fixed point for failures).
        assertThat(map.getDouble("students[1].mastery[" + functions + "]")).isBetween(0.11, 0.115);
        assertThat(map.getDouble("students[0].pKnown")).isCloseTo(AFTER_THREE_PASSES / 32, within(1e-9));
        assertThat(map.getDouble("bands.masteredFrom")).isEqualTo(0.95);

        // Another teacher, a student of the class, nobody: no way in. An admin may look.
        Caller.as(data.teacher(), "teacher").when().get(insights(teacher, "heatmap")).then().statusCode(403)
                .contentType(PROBLEM).body("type", equalTo("https://learnflow.dev/problems/forbidden"));
        Caller.student(group.ada()).when().get(insights(teacher, "heatmap")).then().statusCode(403)
                .contentType(PROBLEM);
        given().when().get(insights(teacher, "summary")).then().statusCode(401).contentType(PROBLEM);
        Caller.as(data.admin(), "admin").when().get(insights(teacher, "heatmap")).then().statusCode(200);
    }

    @Test
    void theSummaryNamesTheWeakestTopicsAndThisWeeksErrorsWithTheirTrend() {
        UUID teacher = data.teacher();
        UUID ada = data.student("Ada", "UTC", teacher);
        UUID bob = data.student("Bob", "UTC", teacher);
        UUID outsider = data.student("Eve", "UTC", data.teacher());
        Instant now = Instant.now();
        Instant lastWeek = now.minus(9, ChronoUnit.DAYS);
        for (int i = 0; i < 3; i++) {
            deliver(Events.attempt(ada, "variables", "ex-v" + i, true, now.minusSeconds(600 - i)));
            deliver(Events.attempt(bob, "while-loops", "ex-w", false, now.minusSeconds(500 - i)));
            deliver(Events.run(ada, "strings", "TypeError", now.minusSeconds(400 - i)));
        }
        deliver(Events.run(bob, "lists", "TypeError", now.minusSeconds(300)));
        deliver(Events.run(bob, "lists", "NameError", now.minusSeconds(200)));
        deliver(Events.run(ada, "strings", "TypeError", lastWeek));
        deliver(Events.run(ada, "strings", "NameError", lastWeek.plusSeconds(1)));
        deliver(Events.run(bob, "strings", "NameError", lastWeek.plusSeconds(2)));
        deliver(Events.run(ada, "strings", "KeyError", lastWeek.plusSeconds(3))); // nothing recent: not listed
        for (int i = 0; i < 5; i++) {
            deliver(Events.run(outsider, "lists", "IndexError", now.minusSeconds(100 + i))); // another class
        }

        JsonPath summary = teacherReads(teacher, insights(teacher, "summary"));
        assertThat(summary.getInt("studentCount")).isEqualTo(2);
        assertThat(summary.getInt("days")).isEqualTo(7);
        // Failed runs count as failures too: strings, while-loops and lists only failed (all near 0.11, where BKT's
        // learning step balances a failure), variables is mastered; lowest mean first.
        List<String> weakest = summary.getList("weakestTopics.topicId");
        assertThat(weakest).hasSize(4).endsWith("variables");
        assertThat(weakest.subList(0, 3)).containsExactlyInAnyOrder("strings", "while-loops", "lists");
        assertThat(summary.getList("weakestTopics.meanPKnown", Double.class)).isSorted();
        // Both ran code on strings (Bob last week), only Ada on the others.
        assertThat(summary.getInt("weakestTopics.find { it.topicId == 'strings' }.studentsStarted")).isEqualTo(2);
        assertThat(summary.getInt("weakestTopics.find { it.topicId == 'strings' }.studentsBelowDeveloping"))
                .isEqualTo(2);
        assertThat(summary.getInt("weakestTopics.find { it.topicId == 'lists' }.studentsStarted")).isEqualTo(1);
        assertThat(summary.getInt("weakestTopics.find { it.topicId == 'variables' }.studentsBelowDeveloping"))
                .isZero();
        assertThat(summary.getString("weakestTopics[3].level")).isEqualTo("mastered");
        assertThat(summary.getList("frequentErrors.errorType")).containsExactly("TypeError", "NameError");
        assertThat(summary.getInt("frequentErrors[0].count")).isEqualTo(4);
        assertThat(summary.getInt("frequentErrors[0].previousCount")).isEqualTo(1);
        assertThat(summary.getString("frequentErrors[0].trend")).isEqualTo("up");
        assertThat(summary.getInt("frequentErrors[0].students")).isEqualTo(2);
        assertThat(summary.getInt("frequentErrors[1].count")).isEqualTo(1);
        assertThat(summary.getInt("frequentErrors[1].previousCount")).isEqualTo(2);
        assertThat(summary.getString("frequentErrors[1].trend")).isEqualTo("down");
        assertThat(summary.getInt("frequentErrors[1].students")).isEqualTo(1);

        // One day's window: last week's errors are outside both windows, so this week's are new.
        JsonPath oneDay = teacherReads(teacher, insights(teacher, "summary") + "?days=1");
        assertThat(oneDay.getString("frequentErrors[0].trend")).isEqualTo("new");

        teacherGets(teacher, insights(teacher, "summary") + "?days=0").statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("days"));
        teacherGets(teacher, insights(teacher, "summary") + "?days=many").statusCode(400).contentType(PROBLEM);
    }

    @Test
    void inactivityListsQuietStudentsAndBrokenStreaks() {
        UUID teacher = data.teacher();
        UUID active = data.student("Ada", "UTC", teacher);
        UUID quiet = data.student("Bob", "UTC", teacher);
        UUID never = data.student("Cy", "UTC", teacher);
        Instant now = Instant.now();
        deliver(Events.attempt(active, "variables", "ex-1", true, now.minusSeconds(60)));
        deliver(Events.attempt(quiet, "variables", "ex-1", true, now.minus(5, ChronoUnit.DAYS)));

        JsonPath view = teacherReads(teacher, insights(teacher, "inactivity") + "?days=3");
        assertThat(view.getList("inactive.studentId")).containsExactly(quiet.toString(), never.toString());
        assertThat(view.getDouble("inactive[0].daysInactive")).isEqualTo(5.0);
        assertThat((Object) view.get("inactive[1].lastActivityAt")).isNull();
        // Bob's one-day streak ended when the next day closed without activity.
        assertThat(view.getList("brokenStreaks.studentId")).containsExactly(quiet.toString());
        assertThat(view.getInt("brokenStreaks[0].longest")).isEqualTo(1);
        assertThat(view.getInt("streaksUnknown")).isZero();

        JsonPath wider = teacherReads(teacher, insights(teacher, "inactivity") + "?days=6");
        assertThat(wider.getList("inactive.studentId")).containsExactly(never.toString());
        teacherGets(teacher, insights(teacher, "inactivity") + "?days=400").statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aCellShowsTheStudentsAttemptsAndErrorsOnTheTopic() {
        UUID teacher = data.teacher();
        UUID bob = data.student("Bob", "UTC", teacher);
        Instant t = Instant.now().minusSeconds(300);
        deliver(Events.attempt(bob, "while-loops", "ex-w", false, t));
        deliver(Events.run(bob, "while-loops", "NameError", t.plusSeconds(1)));
        deliver(Events.run(bob, "while-loops", "NameError", t.plusSeconds(2)));
        deliver(Events.attempt(bob, "while-loops", "ex-w", true, t.plusSeconds(3)));
        deliver(Events.attempt(bob, "lists", "ex-l", false, t.plusSeconds(4))); // another topic

        JsonPath cell = teacherReads(teacher, history(bob, "topics/while-loops"));
        assertThat(cell.getString("title")).isEqualTo("while Loops");
        assertThat(cell.getInt("attempts")).isEqualTo(4);
        assertThat(cell.getInt("correct")).isEqualTo(1);
        assertThat(cell.getList("events.verb")).containsExactly("passed", "ran", "ran", "failed");
        assertThat(cell.getString("errorTypes[0].errorType")).isEqualTo("NameError");
        assertThat(cell.getDouble("errorTypes[0].count")).isEqualTo(2.0);
        assertThat(cell.getDouble("pKnown")).isEqualTo(data.progressRow(bob, "while-loops").orElseThrow()
                .getDouble("p_known"));

        Caller.as(data.teacher(), "teacher").when().get(history(bob, "topics/while-loops")).then().statusCode(403)
                .contentType(PROBLEM);
        teacherGets(teacher, history(bob, "topics/no-such-topic")).statusCode(404)
                .contentType(PROBLEM);
        teacherGets(teacher, history(bob, "topics/While_Loops")).statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("topicId"));
    }

    @Test
    void theTimelineFiltersByVerbAndTopicAndKeepsTheFiltersAcrossPages() {
        UUID teacher = data.teacher();
        UUID ada = data.student("Ada", "UTC", teacher);
        Instant t = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
        List<String> failedOnLists = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CloudEvent<ProgressRecorded> e = Events.attempt(ada, "lists", "ex-l", false, t.plusSeconds(i));
            deliver(e);
            failedOnLists.add(e.id());
        }
        deliver(Events.attempt(ada, "lists", "ex-l", true, t.plusSeconds(10)));
        deliver(Events.attempt(ada, "tuples", "ex-t", false, t.plusSeconds(11)));

        List<String> seen = new ArrayList<>();
        String query = "?verb=failed&topicId=lists&limit=2";
        int pages = 0;
        while (!query.isEmpty()) {
            JsonPath page = teacherGets(teacher, history(ada, "timeline") + query).statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("statements.id"));
            assertThat(page.getList("statements.verb.display.en-US", String.class)).allMatch("failed"::equals);
            query = page.getString("more");
            assertThat(query).satisfiesAnyOf(String::isEmpty, q -> assertThat(q).contains("verb=failed")
                    .contains("topicId=lists"));
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(3);
        assertThat(Caller.student(ada).when().get(history(ada, "timeline")).then().statusCode(200).extract()
                .jsonPath().getList("statements")).hasSize(5);

        Caller.student(ada).when().get(history(ada, "timeline") + "?verb=danced").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("verb"));
        Caller.student(ada).when().get(history(ada, "timeline") + "?cursor=bm9wZQ").then().statusCode(400)
                .contentType(PROBLEM);
        Caller.student(data.student("UTC", teacher)).when().get(history(ada, "timeline")).then().statusCode(403);
    }

    @Test
    void masteryHistoryReplaysToTheMasteryTheProgressPageShows() {
        UUID ada = data.student("Ada", "UTC", null);
        Instant t = Instant.now().minusSeconds(600);
        deliver(Events.attempt(ada, "variables", "ex-1", true, t));
        deliver(Events.attempt(ada, "strings", "ex-2", false, t.plusSeconds(1)));
        deliver(Events.attempt(ada, "variables", "ex-3", true, t.plusSeconds(2)));
        deliver(Events.run(ada, "strings", "TypeError", t.plusSeconds(3)));
        deliver(Events.attempt(ada, "lists", "ex-4", true, t.plusSeconds(4))); // another module

        JsonPath history = json(Caller.student(ada).when().get(history(ada, "mastery-history?moduleId=python-basics"))
                .then().statusCode(200));
        assertThat(history.getList("topics.topicId")).hasSize(4).startsWith("variables");
        assertThat(history.getList("points")).hasSize(4);
        assertThat(history.getList("points.topicId")).containsExactly("variables", "strings", "variables",
                "strings");
        List<Double> values = history.getList("points.pKnown", Double.class);
        assertThat(values.get(0)).isCloseTo(0.55 / 4, within(1e-9)); // one correct answer from 0.1
        assertThat(values.get(2)).isGreaterThan(values.get(1));
        double shown = json(Caller.student(ada).when().get("/internal/students/" + ada + "/progress").then()
                .statusCode(200)).getDouble("modules[0].pKnown");
        assertThat(values.get(values.size() - 1)).isCloseTo(shown, within(1e-12));

        Caller.student(ada).when().get(history(ada, "mastery-history")).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("moduleId"));
        Caller.student(ada).when().get(history(ada, "mastery-history?moduleId=nope")).then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void theCalendarHasTheStudentsActiveLocalDays() {
        UUID ada = data.student("Ada", "Asia/Tokyo", null);
        Instant now = Instant.now();
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        deliver(Events.attempt(ada, "variables", "ex-1", true, now.minusSeconds(30)));
        deliver(Events.attempt(ada, "variables", "ex-2", true, now.minusSeconds(20)));
        deliver(Events.attempt(ada, "variables", "ex-3", false, now.minus(2, ChronoUnit.DAYS)));

        JsonPath calendar = json(Caller.student(ada).when().get(history(ada, "calendar?weeks=2")).then()
                .statusCode(200));
        LocalDate today = LocalDate.ofInstant(now, tokyo);
        assertThat(calendar.getString("timezone")).isEqualTo("Asia/Tokyo");
        assertThat(calendar.getString("to")).isEqualTo(today.toString());
        assertThat(calendar.getString("from")).isEqualTo(today.minusDays(13).toString());
        assertThat(calendar.getList("activeDays.day")).containsExactly(
                LocalDate.ofInstant(now.minus(2, ChronoUnit.DAYS), tokyo).toString(), today.toString());
        assertThat(calendar.getDouble("activeDays[1].events")).isEqualTo(2.0);
        assertThat(calendar.getInt("streak.current")).isEqualTo(1);
        Caller.student(ada).when().get(history(ada, "calendar?weeks=60")).then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void theClassExportsAsCsvWithFormulasDefused() {
        UUID teacher = data.teacher();
        UUID ada = data.student("=HYPERLINK(\"x\")", "UTC", teacher);
        UUID bob = data.student("Bob, Jr.", "UTC", teacher);
        UUID outsider = data.student("Eve", "UTC", data.teacher());
        Instant t = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MILLIS);
        deliver(Events.attempt(ada, "variables", "ex-1", true, t));
        deliver(Events.run(bob, "lists", "TypeError", t.plusSeconds(1)));
        deliver(Events.attempt(outsider, "lists", "ex-2", true, t.plusSeconds(2)));

        String csv = teacherGets(teacher, insights(teacher, "statements.csv")).statusCode(200).contentType("text/csv")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("timestamp,student_id,student_name,verb,object_type,object_id,topic_id,"
                + "success,score,error_type,duration_ms,response,statement_id");
        assertThat(lines[1]).startsWith(t.plusSeconds(1) + "," + bob + ",\"Bob, Jr. ").contains(",ran,code,")
                .contains(",lists,false,,TypeError,40,,");
        assertThat(lines[2]).contains(",\"'=HYPERLINK(\"\"x\"\") ").contains(",passed,exercise,ex-1,variables,true,1.0,");
        assertThat(csv).doesNotContain(outsider.toString());

        String limited = Caller.as(teacher, "teacher").when().get(insights(teacher, "statements.csv") + "?limit=1")
                .then().statusCode(200).extract().asString();
        assertThat(limited.split("\r\n")).hasSize(2);
        teacherGets(teacher, insights(teacher, "statements.csv") + "?since=last-week").statusCode(400)
                .contentType(PROBLEM);
        Caller.as(data.teacher(), "teacher").when().get(insights(teacher, "statements.csv")).then().statusCode(403)
                .contentType(PROBLEM);
    }
}
