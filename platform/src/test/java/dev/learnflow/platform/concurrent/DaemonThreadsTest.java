package dev.learnflow.platform.concurrent;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadFactory;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonThreadsTest {

    @Test
    void threadsAreNumberedDaemons() {
        ThreadFactory factory = DaemonThreads.named("sweeper");
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });
        assertThat(first.isDaemon()).isTrue();
        assertThat(second.isDaemon()).isTrue();
        assertThat(first.getName()).isEqualTo("sweeper-1");
        assertThat(second.getName()).isEqualTo("sweeper-2");
    }
}
