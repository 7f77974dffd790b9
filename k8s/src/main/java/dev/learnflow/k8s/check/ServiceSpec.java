package dev.learnflow.k8s.check;

/**
 * One LearnFlow service as its own module declares it: {@code quarkus.application.name} (= Dapr app-id and
 * Kubernetes name), {@code quarkus.http.port}, and whether it depends on learnflow-db (then it needs the
 * database environment).
 */
public record ServiceSpec(String name, int port, boolean database) {
}
