package io.alertbridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.alertbridge.core.AlertSource;
import io.alertbridge.core.CodedValue;
import io.alertbridge.core.Delivery;
import io.alertbridge.core.Headers;
import io.alertbridge.core.Integration;
import io.alertbridge.core.IntegrationRegistry;
import io.alertbridge.core.InvalidDeliveryException;
import io.alertbridge.core.Limits;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.ParseContext;
import io.alertbridge.core.ProcessingResult;
import io.alertbridge.core.StatusMappingTable;
import io.alertbridge.core.UnavailableException;
import io.alertbridge.core.WebhookProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checks every integration passes, ours and yours. Extend it in a test class, give a factory and
 * a few sample deliveries the integration accepts, and JUnit runs:
 *
 * <ul>
 *   <li>the name is a lower-case identifier and the registry finds the integration through
 *       {@link java.util.ServiceLoader};
 *   <li>the default table is valid, total and reads back equal from its JSON;
 *   <li>every sample is understood, re-delivering it is harmless, and {@code explain} predicts
 *       {@code process} without changing anything;
 *   <li>arbitrary and mangled bodies give only documented outcomes, and no exception but
 *       {@link UnavailableException} escapes;
 *   <li>bad and hostile bodies make the parser throw only {@link InvalidDeliveryException} (or
 *       {@link UnavailableException}), never an exception the processor would log with its stack trace;
 *   <li>size and content-type limits are answered before parsing.
 * </ul>
 */
public abstract class IntegrationCompatibilityKit {
  private static final Set<Outcome> NOT_UNDERSTOOD = EnumSet.of(Outcome.INVALID, Outcome.UNAUTHORIZED,
      Outcome.TOO_LARGE, Outcome.UNSUPPORTED_MEDIA_TYPE);
  /** Short bodies that are hostile to any JSON or form reader. */
  private static final List<String> HOSTILE_BODIES = List.of(
      "[".repeat(2000) + "]".repeat(2000),
      "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
      "{\"id\":1e999999999,\"status\":\"New\"}",
      "{\"id\":\"" + "9".repeat(5000) + "\",\"status\":-1e-2147483648}",
      "{\"id\":" + "9".repeat(5000) + "}",
      "{\"id\":\"1\",\"status\":\"" + "${".repeat(2000) + "{{".repeat(2000) + "<".repeat(2000) + "\"}",
      "{\"ticket\":{\"id\":\"-0.000\",\"status\":{\"id\":\"9e9\"},\"details\":\"<script" + "<!--".repeat(500) + "\"}}",
      "[" + "{\"id\":1,\"status\":1},".repeat(500) + "{}]",
      "null", "true", "\"\"", "0", "-", "id=" + "0".repeat(5000) + "&id=" + "%".repeat(10), "&=&=&=",
      "id=" + "9".repeat(5000));

  /** For subclasses. */
  protected IntegrationCompatibilityKit() {}

  /** @return a new instance of the integration under test */
  protected abstract Integration createIntegration();

  /**
   * Sample deliveries as the tool sends them. A retry must be recognisable, by a delivery id
   * ({@link Integration#deliveryId}) or a source update time, as real deliveries are: without either,
   * a status that creates and then accepts (CREATE / ACCEPT) accepts on its second delivery, which
   * {@link #redeliveryIsHarmless} reports.
   *
   * @return sample deliveries the integration accepts, by name (at least one)
   */
  protected abstract Map<String, Delivery> sampleDeliveries();

  /**
   * @param integration the integration under test
   * @return the alert source the samples are sent to; override to add authentication or settings
   */
  protected AlertSource alertSource(Integration integration) {
    return AlertSource.of("compatibility-kit", integration.name());
  }

  /** @return the clock at which the samples are valid (signed deliveries carry a time) */
  protected Clock clock() {
    return TestClock.at("2025-01-01T00:00:00Z");
  }

  /** @return how many arbitrary and mangled bodies to try */
  protected int fuzzDeliveries() {
    return 300;
  }

  private WebhookProcessor processor(Integration integration, Limits limits) {
    return WebhookProcessor.builder(IntegrationRegistry.of(integration)).clock(clock()).limits(limits).build();
  }

  /** The name is what alert sources and registries use. */
  @Test
  public void nameIsALowerCaseIdentifier() {
    assertThat(createIntegration().name()).matches("[a-z][a-z0-9-]*");
  }

  /** Hosts load integrations by ServiceLoader. */
  @Test
  public void isFoundByTheRegistry() {
    Integration integration = createIntegration();

    IntegrationRegistry registry = IntegrationRegistry.load(integration.getClass().getClassLoader());

    assertThat(registry.find(integration.name()))
        .as("a META-INF/services/io.alertbridge.core.Integration entry for %s", integration.getClass().getName())
        .get().isInstanceOf(integration.getClass());
  }

  /** The default table is data that survives a JSON round trip, and every status gets a rule. */
  @Test
  public void defaultTableIsValidTotalAndReadsBackFromJson() {
    StatusMappingTable table = createIntegration().defaultTable();

    assertThat(StatusMappingTable.fromJson(table.toJson())).isEqualTo(table);
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      CodedValue status = CodedValue.of((long) random.nextInt(40), randomText(random, 12));
      assertThat(table.match(status).rule()).as("rule for %s", status).isNotNull();
    }
    for (StatusMappingTable.Row row : table.rows()) {
      for (String label : row.labels()) {
        assertThat(table.match(CodedValue.of(label)).rule()).as("row for %s", label).isNotNull();
      }
    }
  }

  /** Each sample is read and decided, not refused. */
  @Test
  public void samplesAreUnderstood() {
    Integration integration = createIntegration();
    WebhookProcessor processor = processor(integration, Limits.defaults());
    assertThat(sampleDeliveries()).as("sample deliveries").isNotEmpty();

    sampleDeliveries().forEach((name, delivery) -> {
      ProcessingResult result = processor.process(alertSource(integration), delivery);
      if (NOT_UNDERSTOOD.contains(result.outcome())) {
        fail("sample %s was %s: %s%n%s", name, result.outcome(), result.message(), result.explanation().toText());
      }
    });
  }

  /** Senders retry: the same delivery twice emits no second event and changes no state. */
  @Test
  public void redeliveryIsHarmless() {
    Integration integration = createIntegration();
    sampleDeliveries().forEach((name, delivery) -> {
      WebhookProcessor processor = processor(integration, Limits.defaults());
      ProcessingResult first = processor.process(alertSource(integration), delivery);

      ProcessingResult second = processor.process(alertSource(integration), delivery);

      assertThat(second.events()).as("events of %s delivered again%n%s", name, second.explanation().toText()).isEmpty();
      assertThat(states(second)).as("state after %s delivered again", name).isEqualTo(states(first));
    });
  }

  /** The kit's alert source passes {@link WebhookProcessor#validate}, and the processor builds with it. */
  @Test
  public void theAlertSourceIsValid() {
    Integration integration = createIntegration();
    assertThat(processor(integration, Limits.defaults()).validate(alertSource(integration)))
        .as("problems of the alert source").isEmpty();
  }

  /** {@code explain} predicts {@code process} and changes nothing. */
  @Test
  public void explainPredictsProcessAndChangesNothing() {
    Integration integration = createIntegration();
    sampleDeliveries().forEach((name, delivery) -> {
      WebhookProcessor processor = processor(integration, Limits.defaults());
      ProcessingResult first = processor.explain(alertSource(integration), delivery, true);
      ProcessingResult second = processor.explain(alertSource(integration), delivery, true);

      ProcessingResult withoutFetching = processor.explain(alertSource(integration), delivery);

      ProcessingResult processed = processor.process(alertSource(integration), delivery);

      assertThat(withoutFetching.outcome()).as("explain of %s without fetching tickets", name)
          .isIn(first.outcome(), Outcome.UNDECIDED);
      assertThat(second.outcome()).as("explain of %s twice", name).isEqualTo(first.outcome());
      assertThat(processed.outcome()).as("process of %s after explain", name).isEqualTo(first.outcome());
    });
  }

  /** Untrusted bytes give documented outcomes; only UnavailableException may escape. */
  @Test
  public void arbitraryBodiesGiveOnlyDocumentedOutcomes() {
    Integration integration = createIntegration();
    WebhookProcessor processor = processor(integration, Limits.defaults());
    List<Delivery> samples = new ArrayList<>(sampleDeliveries().values());
    Random random = new Random(42);
    for (int i = 0; i < fuzzDeliveries(); i++) {
      Delivery delivery = mangle(samples.get(i % samples.size()), random, i);
      try {
        ProcessingResult result = processor.process(alertSource(integration), delivery);
        assertThat(result.message()).isNotBlank();
        assertThat(result.httpStatus()).isEqualTo(result.outcome().httpStatus());
      } catch (UnavailableException e) {
        // documented: the host answers 503
      } catch (RuntimeException e) {
        throw new AssertionError("delivery " + i + " threw " + e + " (only UnavailableException may escape)", e);
      }
    }
  }

  /**
   * Bad input is a 400 with a message: on arbitrary and mangled bodies, and on short hostile ones (deep
   * nesting, numbers beyond the limits, long runs of template syntax), the parser throws nothing but
   * {@link InvalidDeliveryException} (or {@link UnavailableException}). Anything else is a bug the
   * processor answers 400 and logs with its stack trace as an unexpected failure, so that merely bad
   * input would fill the host's log.
   */
  @Test
  public void badBodiesFailTheParserOnlyAsInvalidDeliveries() {
    Integration integration = createIntegration();
    ParseContext context = new ParseContext(alertSource(integration), Limits.defaults(), clock());
    List<Delivery> samples = new ArrayList<>(sampleDeliveries().values());
    List<Delivery> bad = new ArrayList<>();
    Random random = new Random(43);
    for (int i = 0; i < fuzzDeliveries(); i++) {
      bad.add(mangle(samples.get(i % samples.size()), random, i));
    }
    Delivery sample = samples.get(0);
    for (String body : HOSTILE_BODIES) {
      bad.add(Delivery.builder(body.getBytes(StandardCharsets.UTF_8)).headers(sample.headers()).query(sample.query())
          .build());
    }
    for (int i = 0; i < bad.size(); i++) {
      try {
        integration.parser().parse(bad.get(i), context);
      } catch (InvalidDeliveryException | UnavailableException e) {
        // a 400 with a message, or a 503
      } catch (RuntimeException e) {
        throw new AssertionError("bad delivery " + i + " made the parser throw " + e + " (only InvalidDeliveryException"
            + " or UnavailableException may; the processor logs anything else with its stack trace)", e);
      }
    }
  }

  /** Size and content type are answered before the parser sees the body. */
  @Test
  public void limitsAreAnsweredBeforeParsing() {
    Integration integration = createIntegration();
    Delivery sample = sampleDeliveries().values().iterator().next();
    WebhookProcessor tiny = processor(integration, Limits.builder().maxBodyBytes(1).build());
    Delivery big = Delivery.of(sample.headers(), "{\"x\": 1}".getBytes(StandardCharsets.UTF_8));
    Delivery odd = Delivery.of(Headers.of("Content-Type", "application/x-not-a-webhook"), sample.body());

    assertThat(tiny.process(alertSource(integration), big).outcome()).isEqualTo(Outcome.TOO_LARGE);
    assertThat(processor(integration, Limits.defaults()).process(alertSource(integration), odd).outcome())
        .isEqualTo(Outcome.UNSUPPORTED_MEDIA_TYPE);
  }

  private static List<Object> states(ProcessingResult result) {
    List<Object> states = new ArrayList<>();
    if (result.items().isEmpty()) {
      states.add(result.state());
    }
    result.items().forEach(item -> states.add(item.state()));
    return states;
  }

  private static Delivery mangle(Delivery sample, Random random, int i) {
    byte[] body = sample.body();
    byte[] mangled;
    switch (i % 5) {
      case 0 -> {
        mangled = new byte[random.nextInt(200)];
        random.nextBytes(mangled);
      }
      case 1 -> mangled = java.util.Arrays.copyOf(body, body.length == 0 ? 0 : random.nextInt(body.length));
      case 2 -> {
        mangled = body.clone();
        for (int flips = 0; flips < 3 && mangled.length > 0; flips++) {
          mangled[random.nextInt(mangled.length)] = (byte) random.nextInt(256);
        }
      }
      case 3 -> mangled = ("{\"" + randomText(random, 6) + "\": " + random.nextInt() + "}").getBytes(StandardCharsets.UTF_8);
      default -> mangled = randomText(random, 40).getBytes(StandardCharsets.UTF_8);
    }
    return Delivery.builder(mangled).headers(sample.headers()).query(sample.query()).build();
  }

  private static String randomText(Random random, int maxLength) {
    String alphabet = "aZ09 -_{}[]\":,\\éü\u00a0\u2028";
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
