package io.hypermesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `hypermesh run` refuses before it signs or sends anything (the run itself is in deploy's ExecutionEndToEndTest). */
class RunCommandTest {

    @TempDir
    Path home;

    @Test
    void shouldSayThatAnInputMustBeJson() {
        CliRun run = CliRun.of("run", "019abc12-3456-7def-8123-456789abcdef", "--version", "1", "--input", "to be",
                "--max-price", "1000000", "--zone", "eu-west", "--at", "1,2,3", "--home", home.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errors()).startsWith("error: --input must be JSON").contains("quotes");
    }

    @Test
    void shouldReadTheInputFromAFileAndStillNeedAKey() throws Exception {
        Path input = Files.writeString(home.resolve("input.json"), "{\"text\": \"to be\"}");

        CliRun run = CliRun.of("run", "019abc12-3456-7def-8123-456789abcdef", "--version", "1", "--input", "@" + input,
                "--max-price", "1000000", "--zone", "eu-west", "--at", "1,2,3", "--home", home.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errors()).startsWith("error: ").contains("default").doesNotContain("--input");
    }

    @Test
    void shouldNameADeadlineItCannotRead() {
        CliRun run = CliRun.of("run", "019abc12-3456-7def-8123-456789abcdef", "--version", "1", "--deadline", "soon",
                "--max-price", "1000000", "--zone", "eu-west", "--at", "1,2,3", "--home", home.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errors()).startsWith("error: --deadline must be a number and a unit");
    }

    @Test
    void shouldNeedThreeCoordinates() {
        CliRun run = CliRun.of("run", "019abc12-3456-7def-8123-456789abcdef", "--version", "1", "--max-price", "1000000",
                "--zone", "eu-west", "--at", "1,2", "--home", home.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errors()).startsWith("error: --at needs three numbers");
    }
}
