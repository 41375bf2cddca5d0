package io.hypermesh.registry.deployment;

import io.hypermesh.service.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The ledger checked the consensus proof and refused it (a part failed, it was replayed, it is stale): the client
 * has to make a new proof. The ledger's own Problem Details travel along as {@code ledgerProblem}.
 */
class LedgerRefusedException extends ProblemException {

    LedgerRefusedException(ProblemDetail ledgerProblem) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "deployment-proof-rejected", "Deployment proof rejected",
                "ledger-service refused the consensus proof"
                        + (ledgerProblem == null || ledgerProblem.getDetail() == null ? "" : ": " + withoutFinalPeriod(ledgerProblem.getDetail()))
                        + ". Make a new proof (fresh anchor and timestamp) and deploy again.");
        if (ledgerProblem != null) {
            Map<String, Object> relayed = new LinkedHashMap<>();
            relayed.put("type", ledgerProblem.getType().toString());
            relayed.put("title", ledgerProblem.getTitle());
            relayed.put("detail", ledgerProblem.getDetail());
            getBody().setProperty("ledgerProblem", relayed);
        }
    }

    private static String withoutFinalPeriod(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
