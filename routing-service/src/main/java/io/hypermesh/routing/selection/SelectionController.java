package io.hypermesh.routing.selection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/routing/selections")
@Tag(name = "Host selection", description = "Pick the k best hosts for an execution under hard constraints and a ranking strategy.")
public class SelectionController {

    private final SelectionService selections;

    SelectionController(SelectionService selections) {
        this.selections = selections;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('client', 'service', 'operator')")
    @Operation(summary = "Select hosts", description = "Answers the k best qualifying hosts with their scores broken down "
            + "(fewer, with complete=false, when fewer qualify), or 422 no-eligible-hosts naming the constraint that "
            + "left no host. Not a reservation: nothing is stored.", security = @SecurityRequirement(name = "bearer"))
    SelectionResponse select(@Valid @RequestBody SelectionRequest request) {
        return selections.select(request);
    }
}
