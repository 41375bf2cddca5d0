package io.hypermesh.execution.saga;

import io.hypermesh.execution.executions.AssetCode;
import io.hypermesh.execution.executions.Execution;
import io.hypermesh.execution.executions.Step;
import io.hypermesh.protocol.CanonicalJson;
import io.hypermesh.service.client.ServiceRefusedException;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The steps before any money moves (ASSET, QUOTE, SELECT) and the hold itself (HOLD). Their refusals end the
 * execution REJECTED with the callee's problem, which submit answers with.
 */
@Component
class PreparationSteps {

    private final Transitions transitions;
    private final AssetCode code;
    private final HostSelection selection;

    PreparationSteps(Transitions transitions, AssetCode code, HostSelection selection) {
        this.transitions = transitions;
        this.code = code;
        this.selection = selection;
    }

    StepResult asset(Execution execution, SagaClients clients) {
        JsonNode spec;
        try {
            spec = clients.registry(bearer -> clients.registryApi().executionSpec(bearer, execution.assetId(),
                    execution.assetVersion(), execution.client()));
        } catch (ServiceRefusedException refused) {
            return transitions.reject(execution, refused);
        }
        code.keep(execution.assetId(), execution.assetVersion(), spec.path("code").asString(), spec.path("codeDigest").asString());
        ObjectNode snapshot = ((ObjectNode) spec.deepCopy());
        snapshot.remove("code");
        return transitions.advance(execution, Step.ASSET, Step.QUOTE,
                "asset " + execution.assetId() + " version " + execution.assetVersion() + " (" + spec.path("runtime").asString() + ")",
                e -> e.recordAsset(CanonicalJson.canonicalString(snapshot)));
    }

    StepResult quote(Execution execution, SagaClients clients) {
        AssetSpec asset = AssetSpec.of(execution);
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.putObject("resources").put("cpuCores", asset.cpuCores()).put("memoryMb", asset.memoryMb())
                .put("storageMb", asset.storageMb()).put("gpus", asset.gpuModel() == null ? 0 : 1).put("networkMb", 0);
        request.put("durationSeconds", asset.maxRuntimeSeconds());
        request.put("privacy", asset.privacyFor(execution));
        request.put("redundancy", execution.redundancy());
        request.put("client", execution.client());
        JsonNode quote;
        try {
            quote = clients.payment(bearer -> clients.paymentApi().quote(bearer, execution.id() + "-quote", request));
        } catch (ServiceRefusedException refused) {
            return transitions.reject(execution, refused);
        }
        long total = quote.path("total").asLong();
        if (total > execution.maxPrice()) {
            return transitions.reject(execution, 422, "price-above-ceiling", "The quote is " + total
                    + " micro-CAES, above the ceiling of " + execution.maxPrice() + " micro-CAES (maxPrice).");
        }
        UUID quoteId = UUID.fromString(quote.path("id").asString());
        return transitions.advance(execution, Step.QUOTE, Step.SELECT, "quoted " + total + " micro-CAES",
                e -> e.recordQuote(quoteId, total));
    }

    /** Are there k eligible hosts at all? The real choice is made when assigning, among the hosts there are then. */
    StepResult select(Execution execution, SagaClients clients) {
        HostSelection.Choice choice;
        try {
            choice = selection.choose(execution, clients, execution.redundancy(), Set.of());
        } catch (ServiceRefusedException refused) {
            return transitions.reject(execution, refused);
        }
        if (choice.hosts().size() < execution.redundancy()) {
            return transitions.reject(execution, 422, "no-eligible-hosts", "Only " + choice.hosts().size() + " of the "
                    + execution.redundancy() + " hosts asked for (redundancy) offer what asset " + execution.assetId()
                    + " needs (runtime, resources, privacy, zones).");
        }
        return transitions.advance(execution, Step.SELECT, Step.HOLD, choice.hosts().size() + " eligible host(s)");
    }

    StepResult hold(Execution execution, SagaClients clients) {
        JsonNode escrow;
        try {
            escrow = holdEscrow(execution, clients);
        } catch (ServiceRefusedException refused) {
            return transitions.reject(execution, refused);
        }
        UUID escrowId = UUID.fromString(escrow.path("id").asString());
        long amount = escrow.path("amount").asLong();
        return transitions.advance(execution, Step.HOLD, Step.RECORD, "held " + amount + " micro-CAES in escrow",
                e -> e.recordHold(escrowId, amount));
    }

    /** The hold under the execution's key: a repeat (a resumed step, a cancellation's refund) answers the same hold. */
    static JsonNode holdEscrow(Execution execution, SagaClients clients) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("client", execution.client());
        request.put("quoteId", execution.quoteId().toString());
        request.put("executionId", execution.id());
        request.put("amount", execution.quoted());
        return clients.payment(bearer -> clients.paymentApi().hold(bearer, execution.id() + "-hold", request));
    }
}
