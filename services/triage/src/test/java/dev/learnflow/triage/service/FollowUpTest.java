package dev.learnflow.triage.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpTest {

    @Test
    void followUpsAreRecognisedByKind() {
        assertThat(FollowUp.of("can you show another example?")).get().extracting(FollowUp::kind)
                .isEqualTo(FollowUp.Kind.ANOTHER_EXAMPLE);
        assertThat(FollowUp.of("one more example pls")).get().extracting(FollowUp::kind)
                .isEqualTo(FollowUp.Kind.ANOTHER_EXAMPLE);
        assertThat(FollowUp.of("I still don't get it")).get().extracting(FollowUp::kind)
                .isEqualTo(FollowUp.Kind.NOT_UNDERSTOOD);
        assertThat(FollowUp.of("im confused")).get().extracting(FollowUp::kind)
                .isEqualTo(FollowUp.Kind.NOT_UNDERSTOOD);
        assertThat(FollowUp.of("what about dicts?")).contains(new FollowUp(FollowUp.Kind.WHAT_ABOUT, "dicts"));
        assertThat(FollowUp.of("and for sets?")).contains(new FollowUp(FollowUp.Kind.WHAT_ABOUT, "sets"));
        assertThat(FollowUp.of("does that also work with tuples?"))
                .contains(new FollowUp(FollowUp.Kind.WHAT_ABOUT, "tuples"));
        assertThat(FollowUp.of("why?")).get().extracting(FollowUp::kind).isEqualTo(FollowUp.Kind.WHY);
        // asking how, after an answer (session 39: "ok but how" was declined as another subject)
        for (String how : new String[] {"ok but how", "but how?", "how so?", "okay, how exactly", "how though"}) {
            assertThat(FollowUp.of(how)).as(how).get().extracting(FollowUp::kind).isEqualTo(FollowUp.Kind.WHY);
        }
        assertThat(FollowUp.of("how do i sort a dict")).isEmpty();
        assertThat(FollowUp.of("can you give me an example?")).get().extracting(FollowUp::kind)
                .isEqualTo(FollowUp.Kind.ANOTHER_EXAMPLE);
        assertThat(FollowUp.of("simpler please")).get().extracting(FollowUp::kind)
                .isEqualTo(FollowUp.Kind.NOT_UNDERSTOOD);
        // a question of its own that wants an example, or says something is easier, is no follow-up
        assertThat(FollowUp.of("explain inheritance with a simple example pls")).isEmpty();
        assertThat(FollowUp.of("why use logging instead of print, print is easier")).isEmpty();
    }

    @Test
    void questionsThatCarryTheirOwnTopicAreNotFollowUps() {
        assertThat(FollowUp.of("What is a list comprehension?")).isEmpty();
        assertThat(FollowUp.of("Why does my function return None?")).isEmpty();
        assertThat(FollowUp.of("Give me an exercise on loops")).isEmpty();
        assertThat(FollowUp.of("I don't understand what self means in a class and why every method needs it "
                + "as the first parameter when I call it")).isEmpty();
    }

    @Test
    void aFollowUpIsPhrasedInTermsOfThePreviousQuestion() {
        assertThat(new FollowUp(FollowUp.Kind.WHAT_ABOUT, "dicts").continuing("How do list comprehensions work?"))
                .isEqualTo("How do list comprehensions work? — and what about dicts");
        assertThat(new FollowUp(FollowUp.Kind.ANOTHER_EXAMPLE, null).continuing("What is a lambda?"))
                .isEqualTo("another example: What is a lambda?");
    }
}
