package io.alertbridge.benchmarks;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Limits;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.haloitsm.HaloItsmIntegration;
import io.alertbridge.topdesk.TopdeskIntegration;
import io.alertbridge.zendesk.ZendeskIntegration;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The worst hostile deliveries found, each against a normal delivery of the same tool and the same
 * size (about 1 MiB): {@code explain}, so that every body costs its reading and deciding and nothing
 * accumulates in a store. Names are {@code tool-kind}; {@code normal} is each tool's baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HostileBenchmark {
  private static final int SIZE = Limits.DEFAULT_MAX_BODY_BYTES - 4096;

  @Param({"zendesk-normal", "zendesk-placeholders", "zendesk-many-fields", "zendesk-nested",
      "topdesk-normal", "topdesk-variables", "topdesk-many-fields",
      "halo-normal", "halo-unclosed-tags", "halo-many-members", "halo-numeric-id"})
  private String body;

  private WebhookProcessor processor;
  private AlertSource source;
  private Delivery delivery;

  /** Builds the delivery named by {@link #body}. */
  @Setup
  public void setUp() {
    String tool = body.substring(0, body.indexOf('-'));
    source = Pipelines.source(tool.equals("halo") ? "haloitsm" : tool);
    processor = Pipelines.processor(new ZendeskIntegration(), new TopdeskIntegration(), new HaloItsmIntegration());
    delivery = Pipelines.json(render(body).getBytes(StandardCharsets.UTF_8));
    if (delivery.body().length > Limits.DEFAULT_MAX_BODY_BYTES || delivery.body().length < SIZE - 100_000) {
      throw new IllegalStateException(body + " is " + delivery.body().length + " bytes");
    }
  }

  /** @return the decision */
  @Benchmark
  public ProcessingResult explain() {
    return processor.explain(source, delivery);
  }

  static String render(String name) {
    return switch (name) {
      case "zendesk-normal" -> new String(Bodies.zendesk(SIZE, "4711", "New"), StandardCharsets.UTF_8);
      case "zendesk-placeholders" -> "{\"id\":\"4711\",\"status\":\"New\",\"title\":\"" + fill("{{") + "\"}";
      case "zendesk-many-fields" -> "{\"id\":\"4711\",\"status\":\"New\",\"title\":\"Checkout\","
          + "\"additional_ticket_details\":{" + repeat(i -> "\"f" + i + "\":" + i) + "}}";
      case "zendesk-nested" -> "{\"id\":\"4711\",\"status\":\"New\",\"x\":[" + repeat(i -> nested(60)) + "]}";
      case "topdesk-normal" -> "{\"eventType\":\"ALERT\",\"incidentKey\":\"I 2504 117\",\"summary\":\"Mailserver"
          + " reageert niet\",\"details\":\"" + fill("Mail queue on EXCH01 keeps growing since 08:40. ") + "\"}";
      case "topdesk-variables" -> "{\"eventType\":\"ALERT\",\"incidentKey\":\"I 2504 117\",\"summary\":\"Mail\","
          + "\"details\":\"" + fill("${") + "\"}";
      case "topdesk-many-fields" -> "{\"eventType\":\"ALERT\",\"incidentKey\":\"I 2504 117\",\"summary\":\"Mail\","
          + repeat(i -> "\"f" + i + "\":\"v\"") + "}";
      case "halo-normal" -> halo("\"details\":\"" + fill("<p>Disk usage 96.2% on <b>SRV-FS01</b><br>Site: HQ</p>")
          + "\"");
      case "halo-unclosed-tags" -> halo("\"details\":\"" + fill("<a") + "\"");
      case "halo-many-members" -> halo(repeat(i -> "\"m" + i + "\":1"));
      case "halo-numeric-id" -> "{\"ticket\":{\"id\":\"" + "9".repeat(SIZE - 200) + "\",\"status\":{\"id\":1,"
          + "\"name\":\"New\"},\"summary\":\"Disk C: full\"}}";
      default -> throw new IllegalArgumentException("no body named " + name);
    };
  }

  private static String halo(String members) {
    return "{\"ticket\":{\"id\":4812,\"status\":{\"id\":1,\"name\":\"New\"},\"summary\":\"Disk C: full\","
        + members + "}}";
  }

  private static String fill(String piece) {
    return piece.repeat((SIZE - 300) / piece.length());
  }

  /** @return comma-separated elements until the body is about full */
  private static String repeat(IntFunction<String> element) {
    StringBuilder text = new StringBuilder(SIZE);
    for (int i = 0; text.length() < SIZE - 400; i++) {
      text.append(i == 0 ? "" : ",").append(element.apply(i));
    }
    return text.toString();
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "1" + "]".repeat(depth);
  }
}
