package io.hypermesh.registry.asset;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** @param maxCodeSize the largest inline code accepted, counted in UTF-8 bytes */
@Validated
@ConfigurationProperties("hypermesh.registry")
record AssetProperties(@NotNull @DefaultValue("1MB") DataSize maxCodeSize) {
}
