package io.alertbridge.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Reads one JMH run's JSON results, prints them as a table, then one line per target:
 * {@code target <name> <measured ratio> <limit> PASS|MISS}. Every ratio compares results of the same
 * run. Exits 1 when a result a target needs is missing, unless the run was filtered ({@code --filtered}).
 */
public final class Report {

  private record Result(String name, String mode, double score, double error, String unit, double allocBytes) {}

  private record Target(String name, String description, double limit, boolean atMost,
      ToDoubleFunction<Map<String, Result>> ratio) {}

  private static final List<Target> TARGETS = List.of(
      new Target("processor-2k-time", "whole processor / readTree, 2 KB Zendesk body", 0.8, true,
          r -> time(r, "ProcessorBenchmark.zendesk2k") / time(r, "ParsingBaseline.readTree2k")),
      new Target("processor-2k-alloc", "allocated per delivery / by readTree, 2 KB", 0.5, false,
          r -> alloc(r, "ProcessorBenchmark.zendesk2k") / alloc(r, "ParsingBaseline.readTree2k")),
      new Target("signed-2k-time", "signed processor / (HMAC alone + 1.2 x unsigned), 2 KB", 1.0, true,
          r -> time(r, "ProcessorBenchmark.zendesk2kSigned")
              / (time(r, "ParsingBaseline.hmac2k") + 1.2 * time(r, "ProcessorBenchmark.zendesk2k"))),
      new Target("alloc-flat-beyond-truncation", "allocated per delivery, 500 KB / 100 KB body", 1.1, true,
          r -> alloc(r, "BodySizeBenchmark.process:sizeKb=500") / alloc(r, "BodySizeBenchmark.process:sizeKb=100")),
      new Target("store-flat", "time per decision, 1 million / 1 thousand stored alerts", 1.5, true,
          r -> time(r, "StoreSizeBenchmark.process:alerts=1000000") / time(r, "StoreSizeBenchmark.process:alerts=1000")),
      new Target("outbox", "with sink / without sink time per delivery, 2 KB Zendesk", 1.3, true,
          r -> time(r, "OutboxBenchmark.withSink") / time(r, "OutboxBenchmark.withoutSink")),
      new Target("jdbc-processor-time", "processor on the JDBC store with a sink / one compare-and-set upsert, "
          + "time per delivery, embedded PostgreSQL", 2.0, true,
          r -> time(r, "JdbcBenchmark.processor") / time(r, "JdbcBenchmark.upsertBaseline")));

  private Report() {}

  /**
   * @param args {@code --filtered} when only some benchmarks were selected (targets whose results are
   *     missing are then reported, but do not fail the report), then the JMH JSON result file
   */
  public static void main(String[] args) throws IOException {
    boolean filtered = args.length == 2 && args[0].equals("--filtered");
    if (args.length != (filtered ? 2 : 1)) {
      System.err.println("usage: Report [--filtered] JMH-RESULT.json");
      System.exit(2);
    }
    Map<String, Result> results = read(new File(args[args.length - 1]));
    System.out.printf("%-52s %-6s %14s %10s %-7s %12s%n", "benchmark", "mode", "score", "error", "unit", "alloc B/op");
    for (Result r : results.values()) {
      System.out.printf("%-52s %-6s %14.3f %10.3f %-7s %12.0f%n", r.name(), r.mode(), r.score(), r.error(), r.unit(),
          r.allocBytes());
    }
    System.out.println();
    boolean complete = true;
    for (Target target : TARGETS) {
      double ratio;
      try {
        ratio = target.ratio().applyAsDouble(results);
      } catch (IllegalStateException e) {
        if (filtered) {
          System.out.printf("target %s not-run %.2f -  (%s; not selected)%n", target.name(), target.limit(),
              e.getMessage());
          continue;
        }
        System.out.printf("target %s missing %.2f MISS  (%s)%n", target.name(), target.limit(), e.getMessage());
        complete = false;
        continue;
      }
      boolean pass = target.atMost() ? ratio <= target.limit() : ratio < target.limit();
      System.out.printf("target %s %.3f %.2f %s  (%s, %s %.2f)%n", target.name(), ratio, target.limit(),
          pass ? "PASS" : "MISS", target.description(), target.atMost() ? "at most" : "below", target.limit());
    }
    if (!complete) {
      System.exit(1);
    }
  }

  static Map<String, Result> read(File file) throws IOException {
    Map<String, Result> results = new LinkedHashMap<>();
    for (JsonNode run : new ObjectMapper().readTree(file)) {
      String benchmark = run.get("benchmark").asText();
      String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      List<String> params = new ArrayList<>();
      JsonNode paramNode = run.path("params");
      for (Iterator<String> it = paramNode.fieldNames(); it.hasNext(); ) {
        String param = it.next();
        params.add(param + "=" + paramNode.get(param).asText());
      }
      if (!params.isEmpty()) {
        name += ":" + String.join(",", params);
      }
      if (run.path("threads").asInt(1) > 1 && !name.contains("Throughput")) {
        name += "@" + run.get("threads").asInt() + "t";
      }
      JsonNode primary = run.get("primaryMetric");
      double alloc = Double.NaN;
      for (Iterator<Map.Entry<String, JsonNode>> it = run.path("secondaryMetrics").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> metric = it.next();
        if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
          alloc = metric.getValue().get("score").asDouble();
        }
      }
      results.put(name, new Result(name, run.get("mode").asText(), primary.get("score").asDouble(),
          primary.path("scoreError").asDouble(Double.NaN), primary.get("scoreUnit").asText(), alloc));
    }
    return results;
  }

  private static Result require(Map<String, Result> results, String name) {
    Result result = results.get(name);
    if (result == null) {
      throw new IllegalStateException("no result for " + name);
    }
    return result;
  }

  private static double time(Map<String, Result> results, String name) {
    return require(results, name).score();
  }

  private static double alloc(Map<String, Result> results, String name) {
    double alloc = require(results, name).allocBytes();
    if (Double.isNaN(alloc)) {
      throw new IllegalStateException("no allocation for " + name + " (run with -prof gc)");
    }
    return alloc;
  }
}
