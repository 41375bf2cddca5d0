package io.hypermesh.registry.asset;

import static org.assertj.core.api.Assertions.assertThat;

import io.hypermesh.registry.RegistryServiceTest;
import io.hypermesh.registry.asset.AssetRepository.SearchQuery;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every supported search combination is answered through indexes: on 150,000 realistic assets (enough
 * for the planner to choose as it does at a million), none of their plans contains a sequential scan.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPlanTest extends RegistryServiceTest {

    private static final int ROWS = 150_000;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AssetRepository assets;

    @Autowired
    JsonMapper json;

    @BeforeAll
    void seed() throws SQLException {
        SearchSeed.seed(dataSource, 1, ROWS + 1, done -> { });
    }

    @Test
    void shouldAnswerEverySupportedCombinationWithoutASequentialScan() {
        Viewer viewer = new Viewer(SupportedSearches.VIEWER, false, assets.networkOwnersOf(SupportedSearches.VIEWER));
        assertThat(viewer.networkOwners()).as("the viewer is in a network").isNotEmpty();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> combination : SupportedSearches.ALL.entrySet()) {
            AssetSearch search = SupportedSearches.parse(combination.getValue());
            for (AssetId after : new AssetId[] {null, firstPageCursor(viewer, search)}) {
                JsonNode plan = explain(AssetRepository.searchQuery(viewer, search, after, 21));
                List<String> nodes = new ArrayList<>();
                collectNodeTypes(plan, nodes);
                if (nodes.contains("Seq Scan")) {
                    failures.add(combination.getKey() + (after == null ? "" : " (page 2)") + ": " + plan);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void shouldFindSeededAssetsForEveryCombinationSoThePlansAreRealistic() {
        Viewer viewer = new Viewer(SupportedSearches.VIEWER, false, assets.networkOwnersOf(SupportedSearches.VIEWER));
        for (Map.Entry<String, String> combination : SupportedSearches.ALL.entrySet()) {
            List<AssetSummaryResponse> page = assets.search(viewer, SupportedSearches.parse(combination.getValue()), null, 21);
            assertThat(page).as(combination.getKey()).isNotEmpty();
        }
    }

    private AssetId firstPageCursor(Viewer viewer, AssetSearch search) {
        List<AssetSummaryResponse> page = assets.search(viewer, search, null, 20);
        return page.isEmpty() ? null : AssetId.parse(page.get(page.size() - 1).id()).orElseThrow();
    }

    private JsonNode explain(SearchQuery query) {
        String plan = jdbc.sql("explain (format json) " + query.sql()).params(query.params()).query(String.class).single();
        return json.readTree(plan);
    }

    private static void collectNodeTypes(JsonNode node, List<String> types) {
        if (node.isObject()) {
            if (node.has("Node Type")) {
                types.add(node.get("Node Type").asString());
            }
            node.values().forEach(child -> collectNodeTypes(child, types));
        } else if (node.isArray()) {
            node.values().forEach(child -> collectNodeTypes(child, types));
        }
    }
}
