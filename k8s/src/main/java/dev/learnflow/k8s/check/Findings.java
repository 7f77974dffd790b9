package dev.learnflow.k8s.check;

import java.util.ArrayList;
import java.util.List;

/** What a check found wrong, one readable line per problem ("Deployment/debug: ..."). */
public final class Findings {

    private final List<String> problems = new ArrayList<>();

    public void add(String where, String problem) {
        problems.add(where + ": " + problem);
    }

    public void addAll(List<String> more) {
        problems.addAll(more);
    }

    public void check(boolean ok, String where, String problem) {
        if (!ok) {
            add(where, problem);
        }
    }

    public List<String> list() {
        return List.copyOf(problems);
    }
}
