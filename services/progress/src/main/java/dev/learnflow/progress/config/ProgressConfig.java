package dev.learnflow.progress.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code learnflow.progress.*}: the knobs of mastery, streaks, struggle detection and access. */
@ConfigMapping(prefix = "learnflow.progress")
public interface ProgressConfig {

    Bkt bkt();

    Mastery mastery();

    Streak streak();

    Struggle struggle();

    History history();

    Access access();

    Xapi xapi();

    /** BKT parameters; defaults as in OATutor (0.1 each). */
    interface Bkt {
        @WithDefault("0.1")
        double pInit();

        @WithDefault("0.1")
        double pLearn();

        @WithDefault("0.1")
        double pGuess();

        @WithDefault("0.1")
        double pSlip();

        /** Per-topic overrides: {@code learnflow.progress.bkt.topics.<topic-id>.p-guess=0.25}. */
        Map<String, TopicBkt> topics();
    }

    interface TopicBkt {
        Optional<Double> pInit();

        Optional<Double> pLearn();

        Optional<Double> pGuess();

        Optional<Double> pSlip();
    }

    /** Lower bounds of the mastery levels over P(L). */
    interface Mastery {
        @WithDefault("0.40")
        double developingFrom();

        @WithDefault("0.70")
        double proficientFrom();

        @WithDefault("0.95")
        double masteredFrom();
    }

    interface Streak {
        /** Verbs that make a day count (wire names). */
        @WithDefault("ran,submitted,attempted,passed,failed,answered,completed,asked,reviewed")
        List<String> qualifyingVerbs();

        @WithDefault("0")
        int initialFreezes();

        /** A freeze is earned at every multiple of this many consecutive days (0 = freezes off). */
        @WithDefault("7")
        int freezeEarnedEvery();

        @WithDefault("2")
        int maxFreezes();

        /** Repeat period of the midnight reminder until the actor re-arms it (safety net for a failed firing). */
        @WithDefault("1h")
        Duration reminderPeriod();
    }

    interface Struggle {
        /** At most one struggle.detected per student, topic and reason within this time. */
        @WithDefault("24h")
        Duration cooldown();

        RepeatedError repeatedError();

        RepeatedFailure repeatedFailure();

        MasteryDrop masteryDrop();

        Stuck stuck();

        interface RepeatedError {
            @WithDefault("3")
            int count();

            @WithDefault("1h")
            Duration window();
        }

        interface RepeatedFailure {
            @WithDefault("3")
            int attempts();

            @WithDefault("2h")
            Duration window();
        }

        interface MasteryDrop {
            @WithDefault("0.3")
            double delta();

            @WithDefault("2")
            int minFailures();

            @WithDefault("24h")
            Duration window();
        }

        interface Stuck {
            @WithDefault("30m")
            Duration after();

            @WithDefault("3")
            int minFailures();

            /** Failures older than this do not count (coming back after a break is not being stuck). */
            @WithDefault("2h")
            Duration window();
        }
    }

    interface History {
        @WithDefault("50")
        int recentActivity();

        @WithDefault("100")
        int recentErrors();

        @WithDefault("500")
        int rememberedEvents();
    }

    interface Access {
        /**
         * Apps that may read a student's context and error history without a user identity (service to service;
         * Dapr access control decides which apps reach this service at all).
         */
        @WithDefault("triage,exercise,debug")
        Set<String> contextReaders();
    }

    interface Xapi {
        /** homePage of the xAPI actor accounts and base of activity IRIs. */
        @WithDefault("https://learnflow.dev")
        String homePage();
    }
}
