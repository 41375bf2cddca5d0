package io.hypermesh.execution.executions;

import io.hypermesh.protocol.ExecutionOperation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One client request to run an asset version on k hosts, from submission to its outcome. The saga moves it one
 * {@link Step} at a time; every transition is guarded (a step runs only from the step before it) and optimistic
 * locking ({@code version}) makes a cancellation and the saga that race on one execution settle on one winner.
 */
@Entity
@Table(name = "executions")
public class Execution {

    @Id
    private String id;
    private String client;
    private String idempotencyKey;
    private String requestDigest;
    private String assetId;
    private int assetVersion;
    private String input;
    private String parameters;
    private String privacy;
    private int redundancy;
    private String strategy;
    private String allowedZones;
    @Column(name = "client_x")
    private Double clientX;
    @Column(name = "client_y")
    private Double clientY;
    @Column(name = "client_z")
    private Double clientZ;
    private long maxPrice;
    private Instant deadline;
    private String operation;
    private String proof;
    @Enumerated(EnumType.STRING)
    private ExecutionState state;
    @Enumerated(EnumType.STRING)
    private Step step;
    private Integer failureStatus;
    private String failureType;
    private String failureDetail;
    @Column(name = "asset")
    private String assetSpec;
    private UUID quoteId;
    private Long quoted;
    private UUID escrowId;
    private Long held;
    private Long executionHeight;
    private String executionHash;
    private String acceptedDigest;
    private Integer acceptedExitCode;
    private String settlement;
    private String completionRequest;
    private Long completionHeight;
    private String completionHash;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant finishedAt;
    @Version
    private long version;

    protected Execution() {
        // for JPA
    }

    public Execution(String id, String client, String idempotencyKey, String requestDigest, ExecutionOperation operation,
            String proof, Instant now) {
        this.id = id;
        this.client = client;
        this.idempotencyKey = idempotencyKey;
        this.requestDigest = requestDigest;
        this.assetId = operation.assetId();
        this.assetVersion = operation.version();
        this.input = operation.inputJson();
        this.parameters = operation.parametersJson();
        this.privacy = operation.privacy();
        this.redundancy = operation.redundancy();
        this.strategy = operation.strategy();
        this.allowedZones = operation.allowedZonesJson();
        if (operation.clientCoordinate() != null) {
            this.clientX = operation.clientCoordinate().x();
            this.clientY = operation.clientCoordinate().y();
            this.clientZ = operation.clientCoordinate().z();
        }
        this.maxPrice = operation.maxPrice();
        this.deadline = operation.deadline();
        this.operation = operation.canonical();
        this.proof = proof;
        this.state = ExecutionState.SUBMITTED;
        this.step = Step.ASSET;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Moves from {@code from} to the next step; refuses when the execution is elsewhere (a stale or repeated step). */
    public void advance(Step from, Step to, Instant now) {
        requireAt(from);
        step = to;
        state = to.state();
        updatedAt = now;
    }

    /** Ends the saga: no step is left to run. */
    public void finish(ExecutionState outcome, Instant now) {
        if (!outcome.finished()) {
            throw new IllegalArgumentException(outcome + " is not an outcome");
        }
        if (state.finished()) {
            throw new IllegalStateException("execution " + id + " already ended " + state);
        }
        state = outcome;
        step = Step.DONE;
        updatedAt = now;
        finishedAt = now;
    }

    /** The client cancelled: whatever is held goes back before the execution ends CANCELLED. */
    public void cancel(Instant now) {
        if (!cancellable()) {
            throw new IllegalStateException("execution " + id + " is " + state + " and cannot be cancelled");
        }
        step = Step.REFUND_CANCELLED;
        state = step.state();
        updatedAt = now;
    }

    /** Gives up on the work (no host, no majority, past the deadline, a refused block): refund, then FAILED. */
    public void abandon(Instant now) {
        step = Step.REFUND_FAILED;
        state = step.state();
        updatedAt = now;
    }

    /** Refused before any money moved, or failed later: the reason, as the Problem Details the client gets. */
    public void recordFailure(int status, String type, String detail) {
        failureStatus = status;
        failureType = type;
        failureDetail = detail;
    }

    public void requireAt(Step expected) {
        if (step != expected) {
            throw new IllegalStateException("execution " + id + " is at " + step + ", not " + expected);
        }
    }

    public void recordAsset(String spec) {
        assetSpec = spec;
    }

    public void recordQuote(UUID quoteId, long total) {
        this.quoteId = quoteId;
        this.quoted = total;
    }

    public void recordHold(UUID escrowId, long amount) {
        this.escrowId = escrowId;
        this.held = amount;
    }

    public void recordExecutionBlock(long height, String hash) {
        executionHeight = height;
        executionHash = hash;
    }

    public void recordAcceptedResult(String digest, int exitCode) {
        acceptedDigest = digest;
        acceptedExitCode = exitCode;
    }

    public void recordSettlement(String settlementJson) {
        settlement = settlementJson;
    }

    /** The COMPLETION block's request is stored before it is sent, so that a resumed step resends the very same one. */
    public void recordCompletionRequest(String request) {
        completionRequest = request;
    }

    public void recordCompletionBlock(long height, String hash) {
        completionHeight = height;
        completionHash = hash;
    }

    public boolean cancellable() {
        return !state.finished() && step.ordinal() < Step.SETTLE.ordinal();
    }

    public String id() {
        return id;
    }

    public String client() {
        return client;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String requestDigest() {
        return requestDigest;
    }

    public String assetId() {
        return assetId;
    }

    public int assetVersion() {
        return assetVersion;
    }

    public String input() {
        return input;
    }

    public String parameters() {
        return parameters;
    }

    public String privacy() {
        return privacy;
    }

    public int redundancy() {
        return redundancy;
    }

    public String strategy() {
        return strategy;
    }

    public String allowedZones() {
        return allowedZones;
    }

    public Double clientX() {
        return clientX;
    }

    public Double clientY() {
        return clientY;
    }

    public Double clientZ() {
        return clientZ;
    }

    public long maxPrice() {
        return maxPrice;
    }

    public Instant deadline() {
        return deadline;
    }

    public String operation() {
        return operation;
    }

    public String proof() {
        return proof;
    }

    public ExecutionState state() {
        return state;
    }

    public Step step() {
        return step;
    }

    public Integer failureStatus() {
        return failureStatus;
    }

    public String failureType() {
        return failureType;
    }

    public String failureDetail() {
        return failureDetail;
    }

    public String assetSpec() {
        return assetSpec;
    }

    public UUID quoteId() {
        return quoteId;
    }

    public Long quoted() {
        return quoted;
    }

    public UUID escrowId() {
        return escrowId;
    }

    public Long held() {
        return held;
    }

    public Long executionHeight() {
        return executionHeight;
    }

    public String executionHash() {
        return executionHash;
    }

    public String acceptedDigest() {
        return acceptedDigest;
    }

    public Integer acceptedExitCode() {
        return acceptedExitCode;
    }

    public String settlement() {
        return settlement;
    }

    public String completionRequest() {
        return completionRequest;
    }

    public Long completionHeight() {
        return completionHeight;
    }

    public String completionHash() {
        return completionHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
