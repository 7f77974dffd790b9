package dev.learnflow.gateway.client;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkheadTest {

    @Test
    void callsBeyondTheLimitWaitInArrivalOrderAndBeyondTheQueueAreRefused() {
        Bulkhead bulkhead = new Bulkhead(2, 2);
        List<String> started = new ArrayList<>();

        assertThat(bulkhead.enter(() -> started.add("a"))).isEqualTo(Bulkhead.Admission.NOW);
        assertThat(bulkhead.enter(() -> started.add("b"))).isEqualTo(Bulkhead.Admission.NOW);
        assertThat(bulkhead.enter(() -> started.add("c"))).isEqualTo(Bulkhead.Admission.QUEUED);
        assertThat(bulkhead.enter(() -> started.add("d"))).isEqualTo(Bulkhead.Admission.QUEUED);
        assertThat(bulkhead.enter(() -> started.add("e"))).isEqualTo(Bulkhead.Admission.FULL);
        assertThat(started).as("calls let through at once are started by their caller, not by the bulkhead")
                .isEmpty();
        assertThat(bulkhead.inFlight()).isEqualTo(2);
        assertThat(bulkhead.waiting()).isEqualTo(2);

        bulkhead.leave();
        assertThat(started).as("the slot goes to the call that waited longest").containsExactly("c");
        assertThat(bulkhead.inFlight()).isEqualTo(2);
        bulkhead.leave();
        assertThat(started).containsExactly("c", "d");
        assertThat(bulkhead.waiting()).isZero();
        assertThat(bulkhead.enter(() -> started.add("f"))).as("room in the queue again")
                .isEqualTo(Bulkhead.Admission.QUEUED);

        bulkhead.leave();
        bulkhead.leave();
        bulkhead.leave();
        assertThat(started).containsExactly("c", "d", "f");
        assertThat(bulkhead.inFlight()).isZero();
        assertThat(bulkhead.enter(() -> started.add("g"))).isEqualTo(Bulkhead.Admission.NOW);
    }

    @Test
    void withoutAQueueEveryCallOverTheLimitIsRefused() {
        Bulkhead bulkhead = new Bulkhead(1, 0);
        assertThat(bulkhead.enter(() -> { })).isEqualTo(Bulkhead.Admission.NOW);
        assertThat(bulkhead.enter(() -> { })).isEqualTo(Bulkhead.Admission.FULL);
        bulkhead.leave();
        assertThat(bulkhead.enter(() -> { })).isEqualTo(Bulkhead.Admission.NOW);
    }

    @Test
    void limitsMustBeSensible() {
        assertThatThrownBy(() -> new Bulkhead(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bulkhead(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
