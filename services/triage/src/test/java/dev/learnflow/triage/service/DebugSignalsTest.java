package dev.learnflow.triage.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages that are debugging requests whatever the sentence model thinks, and look-alikes that are not. */
class DebugSignalsTest {

    static Stream<String> debuggingRequests() {
        return Stream.of(
                // A named error, with or without code
                "KeyError 'age' when i read from my dict",
                "my code says NameError: name 'totl' is not defined", "I keep getting IndexError … on line 5, why?",
                "getting a type error when adding", "why do i get index out of range",
                "it says can only concatenate str",
                "recursion depth exceeded?? help", "FileNotFoundError when opening data.txt",
                // Wrong output and missed expectations
                "Why does my function return None?", "my program prints the wrong average",
                "My loop never stops", "f(3) returns 8 but should be 5", "it gives [1,2,2] instead of [1,2]",
                "my fibonacci returns 8 instead of 5 for n=5, why?", "the average is always a whole number",
                "it prints the same value every time", "my list changes by itself", "the last item is missing",
                "my code doesnt work", "my if statement never runs", "when I enter 4 it prints 3 but should print 4",
                "expected 1.5 but I get 1",
                // A program misbehaving told in prose, without a traceback
                "my score variable stays at 0 whatever i type", "the game i wrote keeps "
                + "crashing after level 2", "program opens and just closes straight away", "my search keeps failing "
                + "although the name is in the list", "the function i made hands back None", "the loop skips every "
                + "second number when i delete from the list", "the result is twice what it should be",
                "There is an error on line 7", "why doesn't it run", "this doesnt work at all",
                // What was seen set against what was meant. Own wording (triage-lane6), not from any dev set: seen vs
                // meant without "but", intent then "but it ...", a value against a value, a result despite what the
                // student did.
                "count_vowels('banana') gives 2, should be 3", "it's meant to list the odd "
                + "numbers but it skips them all", "i wanted the loop to add them up but it keeps the first one only",
                "my total comes out as 11 not 10", "the sum shows 0 even though the list has numbers in it",
                // The student's own thing with what it does and a value or a failure
                "my leap_year function says 1900 is a leap year", "my quiz app is showing "
                + "the same question twice", "my timer doesnt count down", "the counter is empty after the loop",
                "the buttons dont respond when i click them", "the while loop quits a couple of steps too early",
                "why is my score list empty after the game", "my robot game moves the player two squares even "
                + "when i press once", "why isn't my dictionary updating", "grade(95) returns 'B'");
    }

    static Stream<String> notSignals() {
        return Stream.of(
                // Questions about errors as a feature, or about built-ins
                "How do I raise a ValueError?", "how do I catch a KeyError with try except",
                "How do I create my own exception class?", "why does sort() return None", "What is an exception?",
                "Quiz me on exceptions like ValueError", "Why would I use a set instead of a list?",
                "What's the difference between a list and a tuple?", "what does the yield keyword do",
                // Learning words around a program
                "why does continue skip the rest of the loop", "how do i throw an exception",
                "my teacher says i should learn dictionaries", "what does my function need to return",
                "how does the program know where to start",
                // Asking how to do something or what an error is
                "how do i make my game wait half a second", "how can i stop my program "
                + "from crashing when the file is missing", "what is a ZeroDivisionError", "whats an IndexError",
                "my teacher says tuples are faster, is that true", "what's my score in dictionaries",
                "why is 0.1 + 0.2 not 0.3", "why does len('abc') return 3");
    }

    @ParameterizedTest
    @MethodSource("debuggingRequests")
    void isDebugging(String question) {
        assertThat(DebugSignals.of(question)).isPresent();
    }

    @ParameterizedTest
    @MethodSource("notSignals")
    void isNotASignal(String question) {
        assertThat(DebugSignals.of(question)).isEmpty();
    }

    @Test
    void whatInputGivesIsAConceptUnlessAProgramOrAFailureIsThere() {
        for (String q : new String[] {"is the thing input() returns always a str?", "my input number won't add to "
            + "the other one", "why can't i do math with what input gives me"}) {
            assertThat(DebugSignals.of(q)).as(q).isEmpty();
            assertThat(DebugSignals.inputAsText(q)).as(q).isTrue();
        }
        assertThat(DebugSignals.of("my input number won't add to the other one", true)).isPresent();
        assertThat(DebugSignals.inputAsText("int(input()) crashes when i type a letter")).isFalse();
    }

    @Test
    void withCodeShownItsOwnWordsForAFaultAreEnough() {
        for (String q : new String[] {"it doesnt print the total", "what did i do wrong", "where is the bug",
            "for some reason the list ends up empty", "why isn't this stopping", "help"}) {
            assertThat(DebugSignals.misbehavesInShownProgram(q)).as(q).isTrue();
        }
        for (String q : new String[] {"why 0", "why is it None?"}) {
            assertThat(DebugSignals.misbehavesInShownProgram(q)).as(q).isTrue();
        }
        for (String q : new String[] {"is this pythonic", "what does this print", "give me an exercise like this",
            "why use a list here"}) {
            assertThat(DebugSignals.misbehavesInShownProgram(q)).as(q).isFalse();
        }
    }

    // lanes8 (issue 17): symptoms in more words, a wrong sum, definitions and people's words that are no symptom.
    // Own wording, not from intent-unseen-8.tsv.

    static Stream<String> symptomsInOtherWords() {
        return Stream.of(
                // off by one in any words
                "the loop goes round one iteration too few", "it adds an extra line at the end",
                // right for some inputs, wrong for others
                "works for positive numbers but breaks for negatives",
                // the result named against what it should be, or a program ending where it should go on
                "the total is 9.99 instead of 10", "the quiz stops after question 2, it should keep going",
                // handed back unchanged; a failure set off by something in the program; the student's file
                "the caesar cipher gives the text back unchanged",
                "the lives counter doesnt drop when the enemy touches me", "the csv i save is blank afterwards",
                // a sum reported with a result arithmetic does not give
                "when i do 3 + 4 it shows 34", "2 * 3 gives 222 for some reason",
                // the same each run, repeated for each one, what came out against what was wanted, a surprise after
                // the student's own step
                "the shuffled deck is the same each run", "the timer beeps twice for every second",
                "it shows the date with the time, i only wanted the date",
                "why does my dict still have the key after i delete it",
                // more error names and messages, python complaining, slowness, nothing showing up, a lead-in before
                // the student's thing, a program made to do something that fails in one case
                "PermissionError when saving", "UnicodeDecodeError reading the file",
                "python complains about the colon", "the script is really slow on a big file",
                "the game takes forever to load", "none of the buttons show up", "hey, the score isnt updating",
                "i made a program to sort names but when there are capitals it puts them first",
                // the thing opening the message, doing to its data what no program should
                "the word counter skips the last word", "it treats 0 as missing", "the ranking puts 100 after 20",
                "works in pycharm but not in the terminal");
    }

    static Stream<String> definitionsAndOtherWords() {
        return Stream.of("what's an endless loop", "explain what an infinite loop is",
                "how do i understand a traceback", "why does 10/4 give 2.5 but 10//4 gives 2",
                "why does my professor say globals are bad", "3 + 4 gives 7 right?",
                "0.1 + 0.2 gives 0.30000000000000004", "solve 2x + 3 = 7", "x^2 - 9 = 0",
                "i dont get what a slice is, my notes keep mentioning it",
                "the task says 'print the sum', what does sum mean here");
    }

    @ParameterizedTest
    @MethodSource("symptomsInOtherWords")
    void symptomsInOtherWordsAreDebugging(String question) {
        assertThat(DebugSignals.of(question)).isPresent();
    }

    @ParameterizedTest
    @MethodSource("definitionsAndOtherWords")
    void definitionsSumsThatAddUpAndPeoplesWordsAreNotSignals(String question) {
        assertThat(DebugSignals.of(question)).isEmpty();
    }

    @Test
    void aSumIsWrongOnlyWhenArithmeticGivesSomethingElse() {
        assertThat(DebugSignals.wrongSum("5 + 5 gives 55")).isTrue();
        assertThat(DebugSignals.wrongSum("10 - 3 = 13")).isTrue();
        assertThat(DebugSignals.wrongSum("5 + 5 gives 10")).isFalse();
        assertThat(DebugSignals.wrongSum("0.1 + 0.2 = 0.30000000000000004")).isFalse();
        assertThat(DebugSignals.wrongSum("x^2 - 4 = 0")).isFalse();
    }

    @Test
    void misbehavingWordsCountUnlessADefinitionOrAHowToIsAsked() {
        for (String q : new String[] {"the pygame window opens and closes instantly",
            "keeps crashing for some reason", "the word comes back unchanged"}) {
            assertThat(DebugSignals.misbehaves(q)).as(q).isTrue();
        }
        for (String q : new String[] {"what's an infinite loop", "how do i stop a loop that runs forever",
            "give me an exercise where the loop is infinite"}) {
            assertThat(DebugSignals.misbehaves(q)).as(q).isFalse();
        }
    }
}
