package org.objectwar.searchnode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.uk.UkrainianMorfologikAnalyzer;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.Analysis;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugin.analysis.icu.AnalysisICUPlugin;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single OpenSearch 2.x node in this JVM, for tests and CI.
 *
 * <p>OpenSearch's distribution loads its modules and plugins from directories; here the same
 * plugin classes come from the class path (Maven Central jars) and are handed to {@link Node}'s
 * protected constructor, the way OpenSearch's own integration tests start nodes.
 *
 * <p>Usage: {@code SearchNode [port] [workdir]}; the port defaults to {@code $SEARCH_NODE_PORT}
 * or 9200, the working directory (data, logs) to {@code $SEARCH_NODE_DIR} or a new temporary
 * directory. Listens on 127.0.0.1 only, single-node discovery, no security plugin.
 */
public final class SearchNode extends Node {

    /** Everything the node gets besides the server itself. */
    static final List<Class<? extends Plugin>> PLUGINS = List.of(
        Netty4Plugin.class,            // HTTP (and transport) over netty4
        CommonAnalysisPlugin.class,    // language analyzers, stemmers, ngram filters, ...
        MapperExtrasPlugin.class,      // scaled_float, rank_feature, search_as_you_type, ...
        AnalysisICUPlugin.class,       // icu_tokenizer, icu_folding, icu_normalizer, ...
        UkrainianAnalysisPlugin.class  // "ukrainian" analyzer (Lucene morfologik dictionary)
    );

    private SearchNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(environment, plugins, true);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : env("SEARCH_NODE_PORT", "9200"));
        String dirArg = args.length > 1 ? args[1] : env("SEARCH_NODE_DIR", "");
        Path home = dirArg.isEmpty() ? Files.createTempDirectory("objectwar-search-node") : Path.of(dirArg);
        Files.createDirectories(home.resolve("config"));

        // Netty must not try to set its processor count a second time.
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");

        Settings settings = Settings.builder()
            .put("cluster.name", "objectwar-search")
            .put("node.name", "search-node-" + port)
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", Integer.toString(port))
            .put("transport.port", (port + 100) + "-" + (port + 199))
            .put("discovery.type", "single-node")
            // A CI disk may be nearly full; a test node should not turn read-only because of it.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", true)
            // Console logging (the start script sends it to a file); SEARCH_NODE_LOG_LEVEL=WARN quietens it.
            .put("logger.level", env("SEARCH_NODE_LOG_LEVEL", "INFO"))
            .build();

        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(settings.get("node.name"));
        LogConfigurator.configureWithoutConfig(settings);

        Environment environment =
            InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), home.resolve("config"), () -> "search-node");
        SearchNode node = new SearchNode(environment, PLUGINS);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (IOException e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "search-node-shutdown"));

        node.start();
        System.out.println("search node started: http://127.0.0.1:" + port + " (home " + home + ")");
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * The "ukrainian" analyzer, as the analysis-ukrainian plugin defines it: Lucene's
     * UkrainianMorfologikAnalyzer (dictionary lemmatisation), with the usual "stopwords" and
     * "stem_exclusion" parameters. Only OpenSearch 3.x publishes that plugin on Maven Central.
     */
    public static final class UkrainianAnalysisPlugin extends Plugin implements AnalysisPlugin {
        @Override
        public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
            return Map.of("ukrainian", UkrainianAnalyzerProvider::new);
        }
    }

    static final class UkrainianAnalyzerProvider extends AbstractIndexAnalyzerProvider<UkrainianMorfologikAnalyzer> {
        private final UkrainianMorfologikAnalyzer analyzer;

        UkrainianAnalyzerProvider(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
            super(indexSettings, name, settings);
            analyzer = new UkrainianMorfologikAnalyzer(
                Analysis.parseStopWords(environment, settings, UkrainianMorfologikAnalyzer.getDefaultStopwords()),
                Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET)
            );
        }

        @Override
        public UkrainianMorfologikAnalyzer get() {
            return analyzer;
        }
    }
}
