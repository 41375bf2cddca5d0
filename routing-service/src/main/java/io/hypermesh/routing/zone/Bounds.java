package io.hypermesh.routing.zone;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/** An axis-aligned box of the coordinate space; both corners belong to it. */
@Schema(description = "Axis-aligned box: min and max corners, inclusive; min <= max on every axis")
public record Bounds(@NotNull @Valid Coordinate min, @NotNull @Valid Coordinate max) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "min must not exceed max on any axis")
    public boolean isOrdered() {
        if (min == null || max == null || min.x() == null || min.y() == null || min.z() == null
                || max.x() == null || max.y() == null || max.z() == null) {
            return true; // the @NotNull constraints report missing parts
        }
        return min.x() <= max.x() && min.y() <= max.y() && min.z() <= max.z();
    }

    public boolean contains(Coordinate point) {
        return min.x() <= point.x() && point.x() <= max.x()
                && min.y() <= point.y() && point.y() <= max.y()
                && min.z() <= point.z() && point.z() <= max.z();
    }
}
