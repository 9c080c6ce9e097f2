package io.alertbridge.benchmarks;

import io.alertbridge.autotask.AutotaskIntegration;
import io.alertbridge.autotask.AutotaskTicket;
import io.alertbridge.core.AlertSource;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Headers;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.WebhookProcessor;
import io.alertbridge.haloitsm.HaloItsmIntegration;
import io.alertbridge.topdesk.TopdeskIntegration;
import io.alertbridge.zendesk.ZendeskIntegration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The whole processor per delivery (limits, authentication, parse, map, decide, in-memory commit).
 * Each benchmark alternates two deliveries of one ticket so that every one of them commits.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProcessorBenchmark {
  private long activity;
  private final WebhookProcessor processor = Pipelines.processor(new ZendeskIntegration(), new TopdeskIntegration(),
      new HaloItsmIntegration(),
      new AutotaskIntegration((id, context) -> Optional.of(AutotaskTicket.builder(id,
              (activity & 1) == 0 ? CodedValue.of(1L, "New") : CodedValue.of(5L, "Complete"))
          .ticketNumber("T20250612.0042").title("EX01: Exchange server not responding to ping")
          .description("Datto RMM alert: Device EX01 offline since 09:12 UTC.").priority(CodedValue.of(4L, "Critical"))
          .lastActivityDate(Instant.EPOCH.plusSeconds(++activity)).build())));
  private final AlertSource zendesk = Pipelines.source("zendesk");
  private final AlertSource zendeskSigned = Pipelines.signedSource("zendesk");
  private final AlertSource topdesk = Pipelines.source("topdesk");
  private final AlertSource autotask = Pipelines.source("autotask");
  private final AlertSource haloitsm = Pipelines.source("haloitsm");
  private final Delivery[] haloCycle = {halo(1, "New", "null"), halo(9, "Closed", "\"2025-11-18T11:05:42.117\"")};
  private final Delivery callout = Delivery.of(Headers.of("Content-Type", "application/x-www-form-urlencoded"),
      "id=48213&number=T20250612.0042".getBytes(StandardCharsets.UTF_8));

  private final Delivery[] zendesk2k = Pipelines.zendeskCycle(2 * 1024, "4711", false);
  private final Delivery[] zendesk2kSigned = Pipelines.zendeskCycle(2 * 1024, "4712", true);
  private final Delivery[] zendesk100k = Pipelines.zendeskCycle(100 * 1024, "4713", false);
  private final Delivery[] topdeskCycle = {
      Pipelines.json(("{\"eventType\": \"ALERT\", \"incidentKey\": \"I 2504 117\", \"summary\": \"Mailserver reageert niet\","
          + " \"aanmeldernaam\": \"Jansen, Pieter\", \"ref_vestiging\": \"Hoofdkantoor Utrecht\"}").getBytes(StandardCharsets.UTF_8)),
      Pipelines.json(("{\"eventType\": \"RESOLVE\", \"incidentKey\": \"I 2504 117\", \"summary\": \"Mailserver reageert niet\"}")
          .getBytes(StandardCharsets.UTF_8))};
  private int turn;

  private Delivery next(Delivery[] cycle) {
    return cycle[turn++ & 1];
  }

  /** @return the result for a 2 KB Zendesk delivery */
  @Benchmark
  public ProcessingResult zendesk2k() {
    return processor.process(zendesk, next(zendesk2k));
  }

  /** @return the result for a signed 2 KB Zendesk delivery */
  @Benchmark
  public ProcessingResult zendesk2kSigned() {
    return processor.process(zendeskSigned, next(zendesk2kSigned));
  }

  /** @return the result for a 100 KB Zendesk delivery */
  @Benchmark
  public ProcessingResult zendesk100k() {
    return processor.process(zendesk, next(zendesk100k));
  }

  /** @return the result for an Autotask callout, its ticket from an in-process source */
  @Benchmark
  public ProcessingResult autotask() {
    return processor.process(autotask, callout);
  }

  /** @return the result for a HaloITSM delivery in the recommended shape */
  @Benchmark
  public ProcessingResult haloitsm() {
    return processor.process(haloitsm, next(haloCycle));
  }

  private static Delivery halo(int statusId, String status, String dateClosed) {
    return Pipelines.json(("{\"ticket\": {\"status\": {\"id\": " + statusId + ", \"name\": \"" + status + "\", \"shortname\": \""
        + status + "\"}, \"id\": 4812, \"summary\": \"Disk C: on SRV-FS01 above 95%\", \"details\": \"Datto RMM alert:"
        + " disk usage 96.2%<br>Device: SRV-FS01<br>Site: Z\u00fcrich HQ\", \"dateoccurred\": \"2025-11-18T08:42:17.303\","
        + " \"dateclosed\": " + dateClosed + ", \"tickettype\": {\"id\": 1, \"name\": \"Incident\"}, \"priority\": {\"id\": 1,"
        + " \"name\": \"Critical\"}, \"client_name\": \"Contoso AG\", \"site_name\": \"Z\u00fcrich HQ\", \"team\": \"1st Line\","
        + " \"agent\": {\"id\": 7, \"name\": \"Lena Graf\"}}}").getBytes(StandardCharsets.UTF_8));
  }

  /** @return the result for a TOPdesk delivery */
  @Benchmark
  public ProcessingResult topdesk() {
    return processor.process(topdesk, next(topdeskCycle));
  }
}
