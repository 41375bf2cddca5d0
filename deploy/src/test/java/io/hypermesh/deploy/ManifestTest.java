package io.hypermesh.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes base holds what an operator relies on, for every process of the suite. */
class ManifestTest {

    private static final Path BASE = Path.of("kubernetes", "base");
    private static List<Map<String, Object>> documents;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        documents = new ArrayList<>();
        Map<String, Object> kustomization = new Yaml().load(Files.readString(BASE.resolve("kustomization.yaml")));
        for (String resource : (List<String>) kustomization.get("resources")) {
            for (Object document : new Yaml().loadAll(Files.readString(BASE.resolve(resource)))) {
                documents.add((Map<String, Object>) document);
            }
        }
    }

    @Test
    void shouldDeployEveryProcessOfTheSuite() {
        assertThat(names("Deployment")).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(SuiteService.values()).map(SuiteService::module).toList());
        assertThat(names("Service")).containsExactlyInAnyOrderElementsOf(names("Deployment"));
        assertThat(names("Ingress")).containsExactly("gateway");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveEveryContainerProbesResourcesItsOwnLoginAndNoRoot() {
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            String name = name(deployment);
            SuiteService service = java.util.Arrays.stream(SuiteService.values())
                    .filter(s -> s.module().equals(name)).findFirst().orElseThrow();
            Map<String, Object> pod = path(deployment, "spec", "template", "spec");
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);

            assertThat((String) path(container, "readinessProbe", "httpGet").get("path")).as(name).isEqualTo("/actuator/health/readiness");
            assertThat((String) path(container, "livenessProbe", "httpGet").get("path")).as(name).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "startupProbe")).as(name).isNotEmpty();
            assertThat(path(container, "resources", "requests")).as(name).containsKeys("cpu", "memory");
            assertThat(path(container, "resources", "limits")).as(name).containsKey("memory");
            assertThat(path(pod, "securityContext").get("runAsNonRoot")).as(name).isEqualTo(true);
            assertThat(path(container, "securityContext").get("readOnlyRootFilesystem")).as(name).isEqualTo(true);

            Map<String, Map<String, Object>> env = ((List<Map<String, Object>>) container.get("env")).stream()
                    .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e));
            assertThat(env.get("SERVER_PORT").get("value")).as(name).isEqualTo(Integer.toString(service.defaultPort()));
            assertThat(path(env.get("HYPERMESH_DB_PASSWORD"), "valueFrom", "secretKeyRef").get("name"))
                    .as(name).isEqualTo("hm-" + service.schema() + "-db");
            int containerPort = (Integer) ((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort");
            assertThat(containerPort).as(name).isEqualTo(service.defaultPort());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldProvisionARoleAndSchemaForEverySchemaOwner() {
        Map<String, Object> cluster = ofKind("Cluster").get(0);
        List<String> roles = ((List<Map<String, Object>>) path(cluster, "spec", "managed").get("roles")).stream()
                .map(role -> (String) role.get("name")).toList();
        List<String> schemas = (List<String>) path(cluster, "spec", "bootstrap", "initdb").get("postInitApplicationSQL");
        for (SuiteService service : SuiteService.values()) {
            assertThat(roles).contains("hm_" + service.schema());
            assertThat(schemas).contains("create schema " + service.schema() + " authorization hm_" + service.schema());
        }
    }

    @Test
    void shouldGiveTheRegistryItsServiceKeyFromASecretAndTheAddressesOfLedgerAndGateway() {
        Map<String, Object> env = serviceKeyAndAddresses("registry-service", "hm-registry-service-key");
        assertThat(env).containsEntry("HYPERMESH_LEDGER_URL", "http://ledger-service").containsEntry("HYPERMESH_GATEWAY_URL", "http://gateway");
    }

    @Test
    void shouldGiveExecutionServiceItsServiceKeyAndEveryServiceTheSagaCalls() {
        Map<String, Object> env = serviceKeyAndAddresses("execution-service", "hm-execution-service-key");
        assertThat(env).containsEntry("HYPERMESH_ROUTING_URL", "http://routing-service")
                .containsEntry("HYPERMESH_REGISTRY_URL", "http://registry-service")
                .containsEntry("HYPERMESH_PAYMENT_URL", "http://payment-service")
                .containsEntry("HYPERMESH_LEDGER_URL", "http://ledger-service")
                .containsEntry("HYPERMESH_GATEWAY_URL", "http://gateway");
    }

    /** The literal env of the service's container, after checking its key file is mounted read-only from the secret. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> serviceKeyAndAddresses(String service, String secret) {
        Map<String, Object> deployment = ofKind("Deployment").stream().filter(d -> name(d).equals(service)).findFirst().orElseThrow();
        Map<String, Object> pod = path(deployment, "spec", "template", "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        Map<String, Object> env = ((List<Map<String, Object>>) container.get("env")).stream()
                .filter(e -> e.containsKey("value")).collect(Collectors.toMap(e -> (String) e.get("name"), e -> e.get("value")));
        String keyFile = (String) env.get("HYPERMESH_SERVICE_KEY_FILE");
        assertThat(keyFile).as(service + " has a key file").isNotNull();
        Map<String, Object> mount = ((List<Map<String, Object>>) container.get("volumeMounts")).stream()
                .filter(m -> keyFile.startsWith(m.get("mountPath") + "/")).findFirst().orElseThrow();
        assertThat(mount.get("readOnly")).isEqualTo(true);
        Map<String, Object> volume = ((List<Map<String, Object>>) pod.get("volumes")).stream()
                .filter(v -> v.get("name").equals(mount.get("name"))).findFirst().orElseThrow();
        assertThat(path(volume, "secret").get("secretName")).isEqualTo(secret);
        return env;
    }

    @Test
    void shouldRunPaymentInTheProductionProfileWithEscrowOnlyForExecutionService() {
        Map<String, Map<String, Object>> env = containerEnv("payment-service");
        assertThat(env.get("SPRING_PROFILES_ACTIVE").get("value")).isEqualTo("production");
        assertThat(env).doesNotContainKey("HYPERMESH_FAUCET_ENABLED");
        assertThat(path(env.get("HYPERMESH_EXECUTION_SERVICE_IDENTITIES"), "valueFrom", "configMapKeyRef").get("key"))
                .isEqualTo("execution-service");
    }

    @Test
    void shouldRunPaymentAndLedgerWithTheCollectorTheirTailLatencyWasMeasuredWith() {
        // A memory limit of 2 GiB or more would otherwise make the JVM switch to G1 (docs/benchmarks.md, 2026-12-07).
        for (String service : List.of("payment-service", "ledger-service")) {
            assertThat(containerEnv(service).get("JDK_JAVA_OPTIONS").get("value")).as(service).isEqualTo("-XX:+UseSerialGC");
        }
    }

    /** The first container's env entries of a deployment, by name. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> containerEnv(String deploymentName) {
        Map<String, Object> deployment = ofKind("Deployment").stream().filter(d -> name(d).equals(deploymentName)).findFirst().orElseThrow();
        Map<String, Object> container = ((List<Map<String, Object>>) path(deployment, "spec", "template", "spec").get("containers")).get(0);
        return ((List<Map<String, Object>>) container.get("env")).stream()
                .collect(Collectors.toMap(e -> (String) e.get("name"), e -> e));
    }

    private static List<Map<String, Object>> ofKind(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static List<String> names(String kind) {
        return ofKind(kind).stream().map(ManifestTest::name).toList();
    }

    private static String name(Map<String, Object> document) {
        return (String) path(document, "metadata").get("name");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(Map<String, Object> node, String... keys) {
        Map<String, Object> current = node;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
            assertThat(current).as("missing " + key).isNotNull();
        }
        return current;
    }
}
