package io.hypermesh.execution.executions;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ExecutionRepository extends JpaRepository<Execution, String>, JpaSpecificationExecutor<Execution> {

    /**
     * A client's executions newest first, after the cursor (createdAt, id), optionally of one state or asset. Built
     * from the filters given, so that no absent filter reaches SQL as an untyped null.
     */
    default List<Execution> page(String client, ExecutionState state, String assetId, Instant afterCreated, String afterId,
            int limit) {
        Specification<Execution> where = (e, query, cb) -> cb.equal(e.get("client"), client);
        if (state != null) {
            where = where.and((e, query, cb) -> cb.equal(e.get("state"), state));
        }
        if (assetId != null) {
            where = where.and((e, query, cb) -> cb.equal(e.get("assetId"), assetId));
        }
        if (afterCreated != null) {
            where = where.and((e, query, cb) -> cb.or(cb.lessThan(e.get("createdAt"), afterCreated),
                    cb.and(cb.equal(e.get("createdAt"), afterCreated), cb.lessThan(e.get("id"), afterId))));
        }
        Sort newestFirst = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
        return findBy(where, query -> query.sortBy(newestFirst).limit(limit).all());
    }
}
