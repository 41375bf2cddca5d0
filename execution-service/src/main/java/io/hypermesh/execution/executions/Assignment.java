package io.hypermesh.execution.executions;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One host's share of an execution. Its transitions are guarded and optimistically locked: a host's report and
 * the saga expiring its lease race on one row, and exactly one of them wins — a late report is refused.
 */
@Entity
@Table(name = "assignments")
public class Assignment {

    /** The result a host reported, as it signed it. */
    public record Report(int exitCode, String output, String outputDigest, long cpuMs, long peakMemoryKb, long wallMs,
            String signature) {
    }

    @Id
    private UUID id;
    private String executionId;
    private String hostId;
    private int attempt;
    @Enumerated(EnumType.STRING)
    private AssignmentState state;
    private Instant offeredAt;
    private Instant expiresAt;
    private Instant leasedAt;
    private Instant reportedAt;
    private Integer exitCode;
    private String output;
    private String outputDigest;
    private Long cpuMs;
    private Long peakMemoryKb;
    private Long wallMs;
    private String signature;
    private String error;
    private String verdict;
    @Version
    private long version;

    protected Assignment() {
        // for JPA
    }

    public Assignment(String executionId, String hostId, int attempt, Instant now, Duration offerValidity) {
        this.id = UUID.randomUUID();
        this.executionId = executionId;
        this.hostId = hostId;
        this.attempt = attempt;
        this.state = AssignmentState.OFFERED;
        this.offeredAt = now;
        this.expiresAt = now.plus(offerValidity);
    }

    public void lease(Instant now, Duration lease) {
        require(AssignmentState.OFFERED);
        state = AssignmentState.LEASED;
        leasedAt = now;
        expiresAt = now.plus(lease);
    }

    public void report(Report report, Instant now) {
        require(AssignmentState.LEASED);
        state = AssignmentState.REPORTED;
        reportedAt = now;
        exitCode = report.exitCode();
        output = report.output();
        outputDigest = report.outputDigest();
        cpuMs = report.cpuMs();
        peakMemoryKb = report.peakMemoryKb();
        wallMs = report.wallMs();
        signature = report.signature();
    }

    public void fail(String reason, Instant now) {
        require(AssignmentState.LEASED);
        state = AssignmentState.FAILED;
        reportedAt = now;
        error = reason;
    }

    /** Ends an open assignment: EXPIRED (its time ran out, its host went away) or REVOKED (no longer needed). */
    public void close(AssignmentState to, String reason) {
        if (!state.open() || to.open() || to == AssignmentState.REPORTED || to == AssignmentState.FAILED) {
            throw new IllegalStateException("assignment " + id + " cannot go from " + state + " to " + to);
        }
        state = to;
        error = reason;
    }

    /** The outcome of verification: in the majority (paid) or not (not paid, slashed). */
    public void judge(boolean accepted) {
        require(AssignmentState.REPORTED);
        verdict = accepted ? "ACCEPTED" : "REJECTED";
    }

    /** Did this host ever take it? An offer that ran out unleased may go to the same host again. */
    public boolean taken() {
        return leasedAt != null || state == AssignmentState.REPORTED || state == AssignmentState.FAILED;
    }

    public boolean expiredAt(Instant now) {
        return state.open() && !expiresAt.isAfter(now);
    }

    private void require(AssignmentState expected) {
        if (state != expected) {
            throw new IllegalStateException("assignment " + id + " is " + state + ", not " + expected);
        }
    }

    public UUID id() {
        return id;
    }

    public String executionId() {
        return executionId;
    }

    public String hostId() {
        return hostId;
    }

    public int attempt() {
        return attempt;
    }

    public AssignmentState state() {
        return state;
    }

    public Instant offeredAt() {
        return offeredAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant leasedAt() {
        return leasedAt;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public Integer exitCode() {
        return exitCode;
    }

    public String output() {
        return output;
    }

    public String outputDigest() {
        return outputDigest;
    }

    public Long cpuMs() {
        return cpuMs;
    }

    public Long peakMemoryKb() {
        return peakMemoryKb;
    }

    public Long wallMs() {
        return wallMs;
    }

    public String signature() {
        return signature;
    }

    public String error() {
        return error;
    }

    public String verdict() {
        return verdict;
    }
}
