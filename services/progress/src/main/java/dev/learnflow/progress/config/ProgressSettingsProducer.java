package dev.learnflow.progress.config;

import dev.learnflow.contracts.events.Verb;
import dev.learnflow.progress.service.BktModel;
import dev.learnflow.progress.service.BktParameters;
import dev.learnflow.progress.service.HistoryLimits;
import dev.learnflow.progress.service.MasteryBands;
import dev.learnflow.progress.service.ProgressSettings;
import dev.learnflow.progress.service.StreakPolicy;
import dev.learnflow.progress.service.StrugglePolicy;
import dev.learnflow.progress.service.StudentLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns {@code learnflow.progress.*} into the domain's settings; bad values stop the service at start. */
@ApplicationScoped
public class ProgressSettingsProducer {

    @Produces
    @Singleton
    ProgressSettings settings(ProgressConfig config) {
        return build(config);
    }

    @Produces
    @Singleton
    StudentLedger ledger(ProgressSettings settings) {
        return new StudentLedger(settings);
    }

    static ProgressSettings build(ProgressConfig c) {
        ProgressConfig.Bkt b = c.bkt();
        BktParameters defaults = new BktParameters(b.pInit(), b.pLearn(), b.pGuess(), b.pSlip());
        Map<String, BktParameters> perTopic = new LinkedHashMap<>();
        b.topics().forEach((topic, o) -> perTopic.put(topic, new BktParameters(
                o.pInit().orElse(defaults.pInit()), o.pLearn().orElse(defaults.pLearn()),
                o.pGuess().orElse(defaults.pGuess()), o.pSlip().orElse(defaults.pSlip()))));
        ProgressConfig.Mastery m = c.mastery();
        ProgressConfig.Streak s = c.streak();
        Set<Verb> verbs = s.qualifyingVerbs().stream().map(String::trim).map(Verb::fromString)
                .collect(Collectors.toSet());
        ProgressConfig.Struggle st = c.struggle();
        return new ProgressSettings(
                new BktModel(defaults, perTopic),
                new MasteryBands(m.developingFrom(), m.proficientFrom(), m.masteredFrom()),
                new StreakPolicy(verbs, s.initialFreezes(), s.freezeEarnedEvery(), s.maxFreezes(), s.reminderPeriod()),
                new StrugglePolicy(st.cooldown(), st.repeatedError().count(), st.repeatedError().window(),
                        st.repeatedFailure().attempts(), st.repeatedFailure().window(), st.masteryDrop().delta(),
                        st.masteryDrop().minFailures(), st.masteryDrop().window(), st.stuck().after(),
                        st.stuck().minFailures(), st.stuck().window()),
                new HistoryLimits(c.history().recentActivity(), c.history().recentErrors(),
                        c.history().rememberedEvents()));
    }
}
