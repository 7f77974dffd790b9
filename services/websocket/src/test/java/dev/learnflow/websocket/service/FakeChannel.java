package dev.learnflow.websocket.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** A transport whose writes complete only when the test says so (a client that stopped reading). */
final class FakeChannel implements SocketChannel {

    private static final AtomicInteger IDS = new AtomicInteger();

    final String id = "fake-" + IDS.incrementAndGet();
    final List<String> sent = new ArrayList<>();
    final List<CompletableFuture<Void>> writes = new ArrayList<>();
    int pings;
    Integer closeCode;
    String closeReason;
    boolean completeWritesAtOnce = true;

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized CompletionStage<Void> sendText(String text) {
        sent.add(text);
        CompletableFuture<Void> write = new CompletableFuture<>();
        writes.add(write);
        if (completeWritesAtOnce) {
            write.complete(null);
        }
        return write;
    }

    @Override
    public void ping() {
        pings++;
    }

    @Override
    public void close(int code, String reason) {
        closeCode = code;
        closeReason = reason;
    }

    synchronized void completeAll() {
        writes.forEach(w -> w.complete(null));
    }
}
