package io.hypermesh.execution.executions;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AssignmentRepository extends JpaRepository<Assignment, UUID> {

    List<Assignment> findByExecutionIdOrderByAttemptAscHostIdAsc(String executionId);

    @Query("select a from Assignment a where a.hostId = :hostId and a.state in (io.hypermesh.execution.executions.AssignmentState.OFFERED, io.hypermesh.execution.executions.AssignmentState.LEASED)")
    List<Assignment> openFor(@Param("hostId") String hostId);
}
