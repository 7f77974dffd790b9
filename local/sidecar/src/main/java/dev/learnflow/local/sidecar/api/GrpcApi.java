package dev.learnflow.local.sidecar.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import dev.learnflow.local.sidecar.AppChannel;
import dev.learnflow.local.sidecar.Futures;
import dev.learnflow.local.sidecar.Sidecar;
import dev.learnflow.local.sidecar.actors.ActorHost;
import dev.learnflow.local.sidecar.config.ComponentSpec;
import dev.learnflow.local.sidecar.config.SubscriptionSpec;
import dev.learnflow.local.sidecar.state.StateStore;
import io.dapr.v1.CommonProtos;
import io.dapr.v1.DaprGrpc;
import io.dapr.v1.DaprProtos;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.vertx.core.MultiMap;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The gRPC {@code dapr.proto.runtime.v1.Dapr} service, for what the Java SDK 1.16.1 calls: publish, state (get,
 * bulk get, save, delete, bulk delete, transaction), service invocation, actors (invoke, state, timers, reminders)
 * and metadata. Every other method answers UNIMPLEMENTED (the generated base class does that).
 */
public final class GrpcApi extends DaprGrpc.DaprImplBase {

    static final Metadata.Key<String> TOKEN = Metadata.Key.of("dapr-api-token", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> TRACESTATE = Metadata.Key.of("tracestate", Metadata.ASCII_STRING_MARSHALLER);
    static final Context.Key<String> CTX_TRACEPARENT = Context.key("traceparent");
    static final Context.Key<String> CTX_TRACESTATE = Context.key("tracestate");

    private final Sidecar sidecar;

    public GrpcApi(Sidecar sidecar) {
        this.sidecar = sidecar;
    }

    /** dapr-api-token check (when the sidecar has one) and trace context capture. */
    public ServerInterceptor tokenInterceptor() {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                String expected = sidecar.apiToken();
                if (expected != null) {
                    String given = headers.get(TOKEN);
                    if (given == null) {
                        call.close(Status.UNAUTHENTICATED.withDescription("missing api token in request metadata"),
                                new Metadata());
                        return new ServerCall.Listener<>() { };
                    }
                    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                            given.getBytes(StandardCharsets.UTF_8))) {
                        call.close(Status.UNAUTHENTICATED.withDescription("authentication error: api token mismatch"),
                                new Metadata());
                        return new ServerCall.Listener<>() { };
                    }
                }
                Context ctx = Context.current().withValue(CTX_TRACEPARENT, headers.get(TRACEPARENT))
                        .withValue(CTX_TRACESTATE, headers.get(TRACESTATE));
                return Contexts.interceptCall(ctx, call, headers, next);
            }
        };
    }

    private static <T, R> void reply(StreamObserver<R> observer, Supplier<CompletableFuture<T>> work,
                                     Function<T, R> map) {
        Futures.safely(work).whenComplete((v, e) -> {
            if (e != null) {
                ApiException a = ApiException.of(e, "ERR_INTERNAL", "");
                observer.onError(Status.fromCode(a.grpcCode()).withDescription(a.grpcMessage()).asRuntimeException());
                return;
            }
            R r;
            try {
                r = map.apply(v);
            } catch (Throwable t) {
                ApiException a = ApiException.of(t, "ERR_INTERNAL", "");
                observer.onError(Status.fromCode(a.grpcCode()).withDescription(a.grpcMessage()).asRuntimeException());
                return;
            }
            observer.onNext(r);
            observer.onCompleted();
        });
    }

    /**
     * The server runs handlers on the gRPC transport's thread (shared by every sidecar's server): state, publish and
     * invocation handlers only start their operation there (state runs on the workers, a publish waits for no one,
     * an invocation goes out on Vert.x) and answer from its completion. What may wait on the calling thread (actor
     * placement waits for a host; the actor runtime's own locks) moves to the sidecar's workers first.
     */
    private void onWorker(Runnable handler) {
        Context context = Context.current();
        sidecar.registry().workers().execute(context.wrap(handler));
    }

    private static final Empty EMPTY = Empty.getDefaultInstance();

    // ---------------------------------------------------------------- pub/sub

    @Override
    public void publishEvent(DaprProtos.PublishEventRequest req, StreamObserver<Empty> obs) {
        String traceparent = CTX_TRACEPARENT.get();
        String tracestate = CTX_TRACESTATE.get();
        reply(obs, () -> sidecar.publish(req.getPubsubName(), req.getTopic(), req.getData().toByteArray(),
                req.getDataContentType(), req.getMetadataMap(), traceparent, tracestate), v -> EMPTY);
    }

    @Override
    public void bulkPublishEventAlpha1(DaprProtos.BulkPublishRequest req,
                                       StreamObserver<DaprProtos.BulkPublishResponse> obs) {
        String traceparent = CTX_TRACEPARENT.get();
        String tracestate = CTX_TRACESTATE.get();
        reply(obs, () -> {
            List<Sidecar.BulkEntry> entries = new ArrayList<>();
            req.getEntriesList().forEach(e -> entries.add(new Sidecar.BulkEntry(e.getEntryId(),
                    e.getEvent().toByteArray(), e.getContentType(), e.getMetadataMap())));
            return sidecar.publishBulk(req.getPubsubName(), req.getTopic(), entries, req.getMetadataMap(),
                    traceparent, tracestate);
        }, failed -> {
            DaprProtos.BulkPublishResponse.Builder b = DaprProtos.BulkPublishResponse.newBuilder();
            failed.forEach(f -> b.addFailedEntries(DaprProtos.BulkPublishResponseFailedEntry.newBuilder()
                    .setEntryId(f.entryId()).setError(f.error())));
            return b.build();
        });
    }

    // ---------------------------------------------------------------- state

    @Override
    public void getState(DaprProtos.GetStateRequest req, StreamObserver<DaprProtos.GetStateResponse> obs) {
        reply(obs, () -> sidecar.state().get(req.getStoreName(), req.getKey()), e -> {
            DaprProtos.GetStateResponse.Builder b = DaprProtos.GetStateResponse.newBuilder();
            if (e != null) {
                b.setData(ByteString.copyFrom(e.value()));
                if (e.etag() != null) {
                    b.setEtag(e.etag());
                }
                b.putAllMetadata(e.metadata());
            }
            return b.build();
        });
    }

    @Override
    public void getBulkState(DaprProtos.GetBulkStateRequest req, StreamObserver<DaprProtos.GetBulkStateResponse> obs) {
        reply(obs, () -> sidecar.state().bulkGet(req.getStoreName(), req.getKeysList()), list -> {
            DaprProtos.GetBulkStateResponse.Builder b = DaprProtos.GetBulkStateResponse.newBuilder();
            for (StateStore.Entry e : list) {
                DaprProtos.BulkStateItem.Builder item = DaprProtos.BulkStateItem.newBuilder().setKey(e.key());
                if (e.value() != null) {
                    item.setData(ByteString.copyFrom(e.value()));
                }
                if (e.etag() != null) {
                    item.setEtag(e.etag());
                }
                item.putAllMetadata(e.metadata());
                b.addItems(item);
            }
            return b.build();
        });
    }

    static StateStore.Upsert upsert(CommonProtos.StateItem item) {
        boolean json = "application/json".equalsIgnoreCase(item.getMetadataMap().getOrDefault("contentType", ""));
        String etag = item.hasEtag() ? item.getEtag().getValue() : null;
        boolean firstWrite = item.hasOptions()
                && item.getOptions().getConcurrency() == CommonProtos.StateOptions.StateConcurrency.CONCURRENCY_FIRST_WRITE;
        return new StateStore.Upsert(item.getKey(), new StateStore.Value(item.getValue().toByteArray(), json),
                etag == null || etag.isEmpty() ? null : etag, firstWrite,
                dev.learnflow.local.sidecar.StateApi.ttl(item.getMetadataMap()));
    }

    @Override
    public void saveState(DaprProtos.SaveStateRequest req, StreamObserver<Empty> obs) {
        reply(obs, () -> {
            List<StateStore.Upsert> items = new ArrayList<>();
            req.getStatesList().forEach(i -> items.add(upsert(i)));
            return sidecar.state().save(req.getStoreName(), items);
        }, v -> EMPTY);
    }

    @Override
    public void deleteState(DaprProtos.DeleteStateRequest req, StreamObserver<Empty> obs) {
        reply(obs, () -> {
            String etag = req.hasEtag() ? req.getEtag().getValue() : null;
            boolean fw = req.hasOptions() && req.getOptions().getConcurrency()
                    == CommonProtos.StateOptions.StateConcurrency.CONCURRENCY_FIRST_WRITE;
            return sidecar.state().delete(req.getStoreName(),
                    new StateStore.Delete(req.getKey(), etag == null || etag.isEmpty() ? null : etag, fw));
        }, v -> EMPTY);
    }

    @Override
    public void deleteBulkState(DaprProtos.DeleteBulkStateRequest req, StreamObserver<Empty> obs) {
        reply(obs, () -> {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (CommonProtos.StateItem item : req.getStatesList()) {
                String etag = item.hasEtag() ? item.getEtag().getValue() : null;
                StateStore.Delete d = new StateStore.Delete(item.getKey(), etag == null || etag.isEmpty() ? null : etag,
                        false);
                chain = chain.thenCompose(v -> sidecar.state().delete(req.getStoreName(), d));
            }
            return chain;
        }, v -> EMPTY);
    }

    @Override
    public void executeStateTransaction(DaprProtos.ExecuteStateTransactionRequest req, StreamObserver<Empty> obs) {
        reply(obs, () -> {
            List<StateStore.Operation> ops = new ArrayList<>();
            for (DaprProtos.TransactionalStateOperation op : req.getOperationsList()) {
                CommonProtos.StateItem item = op.getRequest();
                switch (op.getOperationType()) {
                    case "upsert" -> ops.add(upsert(item));
                    case "delete" -> {
                        String etag = item.hasEtag() ? item.getEtag().getValue() : null;
                        ops.add(new StateStore.Delete(item.getKey(), etag == null || etag.isEmpty() ? null : etag,
                                false));
                    }
                    default -> throw new ApiException(400, Status.Code.UNIMPLEMENTED,
                            "ERR_NOT_SUPPORTED_STATE_OPERATION", "operation type " + op.getOperationType()
                            + " not supported");
                }
            }
            return sidecar.state().transact(req.getStoreName(), ops);
        }, v -> EMPTY);
    }

    @Override
    public void queryStateAlpha1(DaprProtos.QueryStateRequest req, StreamObserver<DaprProtos.QueryStateResponse> obs) {
        reply(obs, () -> sidecar.state().query(req.getStoreName(), req.getQuery()), r -> {
            DaprProtos.QueryStateResponse.Builder b = DaprProtos.QueryStateResponse.newBuilder();
            if (r.results().isEmpty()) {
                return b.build();
            }
            r.results().forEach(item -> b.addResults(DaprProtos.QueryStateItem.newBuilder().setKey(item.key())
                    .setData(ByteString.copyFrom(item.data())).setEtag(item.etag() == null ? "" : item.etag())));
            return b.setToken(r.token()).build();
        });
    }

    // ---------------------------------------------------------------- service invocation

    @Override
    public void invokeService(DaprProtos.InvokeServiceRequest req, StreamObserver<CommonProtos.InvokeResponse> obs) {
        reply(obs, () -> {
            CommonProtos.InvokeRequest m = req.getMessage();
            String verb = m.hasHttpExtension() && m.getHttpExtension().getVerb() != CommonProtos.HTTPExtension.Verb.NONE
                    ? m.getHttpExtension().getVerb().name() : "POST";
            MultiMap h = MultiMap.caseInsensitiveMultiMap();
            if (!m.getContentType().isEmpty()) {
                h.set("Content-Type", m.getContentType());
            }
            String tp = CTX_TRACEPARENT.get();
            if (tp != null) {
                h.set("traceparent", tp);
            }
            return sidecar.invoke(req.getId(), verb, "/" + m.getMethod(),
                    m.hasHttpExtension() ? m.getHttpExtension().getQuerystring() : "", h,
                    m.getData().getValue().toByteArray(), true).exceptionally(e -> {
                        ApiException a = ApiException.of(e, "ERR_DIRECT_INVOKE", "");
                        if (a.grpcCode() != Status.Code.PERMISSION_DENIED) {
                            throw a;
                        }
                        // daprd's gRPC InvokeService wraps every invocation error, access control's included, as
                        // INTERNAL (its HTTP API keeps the 403).
                        throw new ApiException(a.httpStatus(), Status.Code.INTERNAL, a.errorCode(), a.getMessage(), a);
                    });
        }, (AppChannel.Reply r) -> {
            if (!r.ok()) {
                // daprd (ErrorFromHTTPResponseCode): the gRPC code for the app's HTTP status, its status text.
                throw new ApiException(r.status(), grpcCodeOf(r.status()), "ERR_DIRECT_INVOKE",
                        reasonPhrase(r.status()));
            }
            return CommonProtos.InvokeResponse.newBuilder()
                    .setData(Any.newBuilder().setValue(ByteString.copyFrom(r.body())))
                    .setContentType(r.contentType() == null ? "" : r.contentType()).build();
        });
    }

    /** daprd's CodeFromHTTPStatus. */
    static Status.Code grpcCodeOf(int httpStatus) {
        return switch (httpStatus) {
            case 408 -> Status.Code.CANCELLED;
            case 400 -> Status.Code.INTERNAL;
            case 504 -> Status.Code.DEADLINE_EXCEEDED;
            case 404 -> Status.Code.NOT_FOUND;
            case 409 -> Status.Code.ALREADY_EXISTS;
            case 403 -> Status.Code.PERMISSION_DENIED;
            case 401 -> Status.Code.UNAUTHENTICATED;
            case 429 -> Status.Code.RESOURCE_EXHAUSTED;
            case 501 -> Status.Code.UNIMPLEMENTED;
            case 503 -> Status.Code.UNAVAILABLE;
            default -> Status.Code.UNKNOWN;
        };
    }

    /** Go's http.StatusText for the codes apps answer with. */
    static String reasonPhrase(int status) {
        return switch (status) {
            case 300 -> "Multiple Choices";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

    // ---------------------------------------------------------------- actors

    @Override
    public void invokeActor(DaprProtos.InvokeActorRequest req, StreamObserver<DaprProtos.InvokeActorResponse> obs) {
        String traceparent = CTX_TRACEPARENT.get();
        onWorker(() -> reply(obs, () -> {
            Map<String, String> headers = new LinkedHashMap<>(req.getMetadataMap());
            headers.put("traceparent", dev.learnflow.local.sidecar.Traces.child(traceparent, sidecar.samplingRate()));
            return sidecar.invokeActor(req.getActorType(), req.getActorId(), req.getMethod(),
                    req.getData().toByteArray(), headers);
        }, r -> DaprProtos.InvokeActorResponse.newBuilder().setData(ByteString.copyFrom(r.body())).build()));
    }

    @Override
    public void getActorState(DaprProtos.GetActorStateRequest req, StreamObserver<DaprProtos.GetActorStateResponse> obs) {
        onWorker(() -> reply(obs, () -> sidecar.actors().getState(req.getActorType(), req.getActorId(),
                req.getKey()), data -> {
                    DaprProtos.GetActorStateResponse.Builder b = DaprProtos.GetActorStateResponse.newBuilder();
                    if (data != null) {
                        b.setData(ByteString.copyFrom(data));
                    }
                    return b.build();
                }));
    }

    @Override
    public void executeActorStateTransaction(DaprProtos.ExecuteActorStateTransactionRequest req,
                                             StreamObserver<Empty> obs) {
        onWorker(() -> reply(obs, () -> {
            List<ActorHost.StateOp> ops = new ArrayList<>();
            for (DaprProtos.TransactionalActorStateOperation op : req.getOperationsList()) {
                StateStore.Value value = op.hasValue()
                        ? new StateStore.Value(op.getValue().getValue().toByteArray(),
                        "application/json".equalsIgnoreCase(op.getMetadataMap().getOrDefault("contentType", "")))
                        : null;
                ops.add(new ActorHost.StateOp(op.getOperationType(), op.getKey(), value));
            }
            return sidecar.actors().transact(req.getActorType(), req.getActorId(), ops);
        }, v -> EMPTY));
    }

    /** gRPC timer/reminder data is bytes; daprd stores it JSON-encoded (a base64 string), as the SDK expects. */
    private static JsonNode bytesData(ByteString data) {
        return data.isEmpty() ? null : TextNode.valueOf(Base64.getEncoder().encodeToString(data.toByteArray()));
    }

    @Override
    public void registerActorTimer(DaprProtos.RegisterActorTimerRequest req, StreamObserver<Empty> obs) {
        onActorHost(obs, req.getActorType(), req.getActorId(), "ERR_ACTOR_TIMER_CREATE", actors -> {
            actors.registerTimer(req.getActorType(), req.getActorId(), req.getName(), req.getDueTime(),
                    req.getPeriod(), req.getTtl(), req.getCallback(), bytesData(req.getData()));
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public void unregisterActorTimer(DaprProtos.UnregisterActorTimerRequest req, StreamObserver<Empty> obs) {
        onActorHost(obs, req.getActorType(), req.getActorId(), "ERR_ACTOR_TIMER_DELETE", actors -> {
            actors.unregisterTimer(req.getActorType(), req.getActorId(), req.getName());
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public void registerActorReminder(DaprProtos.RegisterActorReminderRequest req, StreamObserver<Empty> obs) {
        onActorHost(obs, req.getActorType(), req.getActorId(), "ERR_ACTOR_REMINDER_CREATE",
                actors -> actors.registerReminder(req.getActorType(), req.getActorId(), req.getName(),
                        req.getDueTime(), req.getPeriod(), req.getTtl(), bytesData(req.getData())));
    }

    @Override
    public void unregisterActorReminder(DaprProtos.UnregisterActorReminderRequest req, StreamObserver<Empty> obs) {
        onActorHost(obs, req.getActorType(), req.getActorId(), "ERR_ACTOR_REMINDER_DELETE",
                actors -> actors.unregisterReminder(req.getActorType(), req.getActorId(), req.getName()));
    }

    /** Replies empty once {@code op} is done on the actors of the sidecar hosting this actor type (else errorCode). */
    private void onActorHost(StreamObserver<Empty> obs, String type, String id, String errorCode,
                             Function<ActorHost, CompletableFuture<Void>> op) {
        onWorker(() -> reply(obs, () -> op.apply(sidecar.actorHostFor(type, id, errorCode).actors()), v -> EMPTY));
    }

    // ---------------------------------------------------------------- metadata

    @Override
    public void getMetadata(DaprProtos.GetMetadataRequest req, StreamObserver<DaprProtos.GetMetadataResponse> obs) {
        onWorker(() -> getMetadataNow(obs));
    }

    private void getMetadataNow(StreamObserver<DaprProtos.GetMetadataResponse> obs) {
        reply(obs, () -> CompletableFuture.completedFuture(null), v -> {
            DaprProtos.GetMetadataResponse.Builder b = DaprProtos.GetMetadataResponse.newBuilder()
                    .setId(sidecar.appId()).setRuntimeVersion(Sidecar.RUNTIME_VERSION)
                    .putAllExtendedMetadata(sidecar.extendedMetadata());
            Map<String, Integer> counts = sidecar.actors().activeCounts();
            DaprProtos.ActorRuntime.Builder rt = DaprProtos.ActorRuntime.newBuilder()
                    .setRuntimeStatus(DaprProtos.ActorRuntime.ActorRuntimeStatus.RUNNING)
                    .setHostReady(sidecar.appReady().isDone()).setPlacement("connected (in-process)");
            counts.forEach((t, c) -> {
                DaprProtos.ActiveActorsCount ac = DaprProtos.ActiveActorsCount.newBuilder().setType(t).setCount(c).build();
                b.addActiveActorsCount(ac);
                rt.addActiveActors(ac);
            });
            b.setActorRuntime(rt);
            for (ComponentSpec c : sidecar.components()) {
                b.addRegisteredComponents(DaprProtos.RegisteredComponents.newBuilder().setName(c.name())
                        .setType(c.type()).setVersion(c.version()).addAllCapabilities(sidecar.capabilities(c)));
            }
            for (SubscriptionSpec s : sidecar.activeSubscriptions()) {
                DaprProtos.PubsubSubscriptionRules.Builder rules = DaprProtos.PubsubSubscriptionRules.newBuilder();
                s.rules().forEach(r -> rules.addRules(DaprProtos.PubsubSubscriptionRule.newBuilder()
                        .setMatch(r.match()).setPath(r.path())));
                DaprProtos.PubsubSubscription.Builder sb = DaprProtos.PubsubSubscription.newBuilder()
                        .setPubsubName(s.pubsubName()).setTopic(s.topic()).putAllMetadata(s.metadata())
                        .setRules(rules);
                if (s.deadLetterTopic() != null) {
                    sb.setDeadLetterTopic(s.deadLetterTopic());
                }
                b.addSubscriptions(sb);
            }
            if (sidecar.appPort() > 0) {
                b.setAppConnectionProperties(DaprProtos.AppConnectionProperties.newBuilder()
                        .setPort(sidecar.appPort()).setProtocol("http").setChannelAddress("127.0.0.1"));
            }
            return b.build();
        });
    }

    @Override
    public void setMetadata(DaprProtos.SetMetadataRequest req, StreamObserver<Empty> obs) {
        sidecar.extendedMetadata().put(req.getKey(), req.getValue());
        obs.onNext(EMPTY);
        obs.onCompleted();
    }
}
