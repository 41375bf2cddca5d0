package io.hypermesh.execution.assignment;

import io.hypermesh.execution.executions.AssetCode;
import io.hypermesh.execution.executions.Assignment;
import io.hypermesh.execution.executions.AssignmentRepository;
import io.hypermesh.execution.executions.AssignmentState;
import io.hypermesh.execution.executions.Execution;
import io.hypermesh.execution.executions.ExecutionDriver;
import io.hypermesh.execution.executions.ExecutionProperties;
import io.hypermesh.execution.executions.ExecutionRepository;
import io.hypermesh.execution.executions.OfferSignals;
import io.hypermesh.execution.executions.SagaQueue;
import io.hypermesh.execution.host.HostWentOffline;
import io.hypermesh.execution.web.InvalidFieldException;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.protocol.Digests;
import io.hypermesh.protocol.Ed25519;
import io.hypermesh.protocol.ResultAttestation;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.async.DeferredResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The host's side of an execution: poll for offers (a long-poll, so a host behind NAT needs no open port), lease one,
 * fetch what to run, report the signed result. Every transition is guarded and optimistically locked against the
 * saga expiring or revoking the same assignment, so a late report is refused and never counted.
 */
@Service
class AssignmentService {

    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final AssignmentRepository assignments;
    private final ExecutionRepository executions;
    private final AssetCode code;
    private final SagaQueue queue;
    private final ExecutionDriver driver;
    private final OfferSignals signals;
    private final ExecutionProperties properties;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ScheduledExecutorService rechecks = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "assignment-polls");
        thread.setDaemon(true);
        return thread;
    });

    AssignmentService(AssignmentRepository assignments, ExecutionRepository executions, AssetCode code, SagaQueue queue,
            ExecutionDriver driver, OfferSignals signals, ExecutionProperties properties, TransactionTemplate transactions,
            JdbcClient jdbc, Clock clock) {
        this.assignments = assignments;
        this.executions = executions;
        this.code = code;
        this.queue = queue;
        this.driver = driver;
        this.signals = signals;
        this.properties = properties;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The host's open assignments, at once when one is offered; otherwise after waiting up to {@code waitSeconds} for
     * an offer (so a host busy with leased work does not spin, and still sees what it holds when the wait ends).
     */
    DeferredResult<OfferView> offers(String hostId, String caller, int waitSeconds) {
        if (!hostId.equals(caller)) {
            throw AssignmentProblems.notThisHost(hostId);
        }
        long waitMillis = Math.min(Duration.ofSeconds(waitSeconds).toMillis(), properties.longPollMax().toMillis());
        DeferredResult<OfferView> answer = new DeferredResult<>(waitMillis + 5_000);
        OfferView now = offersOf(hostId);
        if (now.hasOffers() || waitMillis == 0) {
            answer.setResult(now);
            return answer;
        }
        Instant until = clock.instant().plusMillis(waitMillis);
        AtomicReference<ScheduledFuture<?>> recheck = new AtomicReference<>();
        Runnable look = new Runnable() {
            @Override
            public void run() {
                if (answer.isSetOrExpired()) {
                    return;
                }
                OfferView found = offersOf(hostId);
                if (found.hasOffers() || !clock.instant().isBefore(until)) {
                    signals.forget(hostId, this);
                    ScheduledFuture<?> pending = recheck.get();
                    if (pending != null) {
                        pending.cancel(false);
                    }
                    answer.setResult(found);
                }
            }
        };
        signals.await(hostId, look);
        recheck.set(rechecks.scheduleWithFixedDelay(look, RECHECK.toMillis(), RECHECK.toMillis(), TimeUnit.MILLISECONDS));
        answer.onCompletion(() -> {
            signals.forget(hostId, look);
            ScheduledFuture<?> pending = recheck.get();
            if (pending != null) {
                pending.cancel(false);
            }
        });
        return answer;
    }

    /** Offered and leased ones: a host that lost the answer to its lease (or restarted) finds what it holds again. */
    private OfferView offersOf(String hostId) {
        Instant now = clock.instant();
        return new OfferView(assignments.openFor(hostId).stream().filter(a -> a.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(Assignment::offeredAt)).map(OfferView.Offer::of).toList());
    }

    AssignmentView lease(UUID id, String caller) {
        Assignment assignment = transactions.execute(status -> {
            Assignment a = mine(id, caller);
            if (a.state() == AssignmentState.LEASED) {
                return a;
            }
            if (a.state() != AssignmentState.OFFERED || !a.expiresAt().isAfter(now())) {
                throw AssignmentProblems.wrongState(id, a.state().name(), "OFFERED");
            }
            Execution execution = executions.findById(a.executionId()).orElseThrow();
            int maxRuntime = CanonicalJson.parse(execution.assetSpec()).path("resources").path("maxRuntimeSeconds").asInt();
            a.lease(now(), Duration.ofSeconds(maxRuntime).plus(properties.leaseGrace()));
            return assignments.saveAndFlush(a);
        });
        return AssignmentView.of(assignment);
    }

    WorkResponse work(UUID id, String caller) {
        Assignment a = mine(id, caller);
        if (a.state() != AssignmentState.LEASED) {
            throw AssignmentProblems.wrongState(id, a.state().name(), "LEASED");
        }
        Execution execution = executions.findById(a.executionId()).orElseThrow();
        JsonNode spec = CanonicalJson.parse(execution.assetSpec());
        JsonNode resources = spec.path("resources");
        ObjectNode parameters = spec.path("parameters").isObject() ? (ObjectNode) spec.path("parameters").deepCopy()
                : JsonNodeFactory.instance.objectNode();
        CanonicalJson.parse(execution.parameters()).properties().forEach(field -> parameters.set(field.getKey(), field.getValue()));
        return new WorkResponse(a.id(), execution.id(), execution.assetId(), execution.assetVersion(),
                spec.path("runtime").asString(), spec.path("entrypoint").asString(),
                code.of(execution.assetId(), execution.assetVersion()).orElseThrow(), spec.path("codeDigest").asString(),
                CanonicalJson.parse(execution.input()), parameters,
                new WorkResponse.Limits(resources.path("cpuCores").asInt(), resources.path("memoryMb").asLong(),
                        resources.path("storageMb").asLong(), resources.path("network").asBoolean(false),
                        resources.path("maxRuntimeSeconds").asInt(), properties.maxOutputBytes()),
                a.expiresAt());
    }

    AssignmentView report(UUID id, String caller, ReportRequest request) {
        Assignment reported = transactions.execute(status -> {
            Assignment a = mine(id, caller);
            if (a.state() == AssignmentState.REPORTED && request.signature() != null && request.signature().equals(a.signature())) {
                return a;
            }
            if (a.state() != AssignmentState.LEASED || !a.expiresAt().isAfter(now())) {
                throw AssignmentProblems.wrongState(id, a.state().name(), "LEASED");
            }
            if (request.error() != null) {
                a.fail(request.error(), now());
            } else {
                a.report(checked(a, request), now());
            }
            Assignment saved = assignments.saveAndFlush(a);
            queue.wake(a.executionId(), now());
            return saved;
        });
        driver.wake(reported.executionId());
        return AssignmentView.of(reported);
    }

    /** The report's fields are all there, its digest is the output's and its signature is the host's. */
    private Assignment.Report checked(Assignment a, ReportRequest r) {
        requirePresent(r.exitCode(), "exitCode");
        requirePresent(r.output(), "output");
        requirePresent(r.outputDigest(), "outputDigest");
        requirePresent(r.cpuMs(), "cpuMs");
        requirePresent(r.peakMemoryKb(), "peakMemoryKb");
        requirePresent(r.wallMs(), "wallMs");
        requirePresent(r.signature(), "signature");
        byte[] output = r.output().getBytes(StandardCharsets.UTF_8);
        if (output.length > properties.maxOutputBytes()) {
            throw new InvalidFieldException("output", "is " + output.length + " bytes; at most " + properties.maxOutputBytes()
                    + " are accepted (WorkResponse.limits.maxOutputBytes)");
        }
        if (!Digests.sha256Hex(output).equals(r.outputDigest())) {
            throw AssignmentProblems.invalidReport("output-digest-mismatch",
                    "outputDigest is not SHA-256 of the output's UTF-8 bytes");
        }
        ResultAttestation attestation = new ResultAttestation(a.executionId(), a.id().toString(), a.hostId(), r.exitCode(),
                r.outputDigest(), r.cpuMs(), r.peakMemoryKb(), r.wallMs());
        String publicKey = jdbc.sql("select public_key from hosts where id = ?").param(a.hostId()).query(String.class).single();
        if (!attestation.verify(Ed25519.PublicKeyBytes.fromBase64Url(publicKey), r.signature())) {
            throw AssignmentProblems.invalidReport("attestation-invalid", "the signature does not verify over the result "
                    + "attestation with this host's key (docs/protocol.md §7.3)");
        }
        return new Assignment.Report(r.exitCode(), r.output(), r.outputDigest(), r.cpuMs(), r.peakMemoryKb(), r.wallMs(),
                r.signature());
    }

    private static void requirePresent(Object value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required in a result (or report 'error' instead)");
        }
    }

    /** A host that went OFFLINE loses its open assignments; their executions look for other hosts. */
    @EventListener
    void hostWentOffline(HostWentOffline event) {
        List<Assignment> open = assignments.openFor(event.hostId());
        for (Assignment a : open) {
            a.close(AssignmentState.EXPIRED, "the host went OFFLINE");
            assignments.save(a);
            queue.wake(a.executionId(), now());
        }
    }

    private Assignment mine(UUID id, String caller) {
        return assignments.findById(id).filter(a -> a.hostId().equals(caller)).orElseThrow(() -> AssignmentProblems.notFound(id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @PreDestroy
    void stop() {
        rechecks.shutdownNow();
    }
}
