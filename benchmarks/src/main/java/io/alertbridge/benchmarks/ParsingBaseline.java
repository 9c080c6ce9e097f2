package io.alertbridge.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The baselines every ratio is measured against: Jackson's {@code readTree} on the same bodies, a
 * streaming parser that reads the five fields an integration needs and skips the rest, and the HMAC
 * a signed delivery costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParsingBaseline {
  private static final byte[] SECRET = "dGhpc2lzYXRlc3RzZWNyZXQ=".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TIMESTAMP = "2025-03-04T09:15:02Z".getBytes(StandardCharsets.UTF_8);

  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonFactory factory = new JsonFactory();
  private final byte[] body2k = Bodies.zendesk(2 * 1024, "4711", "Open");
  private final byte[] body100k = Bodies.zendesk(100 * 1024, "4711", "Open");

  /** @return the tree of the 2 KB body */
  @Benchmark
  public JsonNode readTree2k() throws IOException {
    return mapper.readTree(body2k);
  }

  /** @return the tree of the 100 KB body */
  @Benchmark
  public JsonNode readTree100k() throws IOException {
    return mapper.readTree(body100k);
  }

  /** @return the five fields of the 2 KB body */
  @Benchmark
  public String[] streamingFiveFields2k() throws IOException {
    return fiveFields(body2k);
  }

  /** @return the five fields of the 100 KB body */
  @Benchmark
  public String[] streamingFiveFields100k() throws IOException {
    return fiveFields(body100k);
  }

  /** @return the signature of the 2 KB body, as a signed delivery needs it */
  @Benchmark
  public byte[] hmac2k() {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
      mac.update(TIMESTAMP);
      return mac.doFinal(body2k);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String[] fiveFields(byte[] body) throws IOException {
    String[] fields = new String[5];
    try (JsonParser parser = factory.createParser(body)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        int slot = switch (name) {
          case "id" -> 0;
          case "status" -> 1;
          case "title" -> 2;
          case "priority" -> 3;
          case "link" -> 4;
          default -> -1;
        };
        if (slot >= 0) {
          fields[slot] = parser.getText();
        } else if (value.isStructStart()) {
          parser.skipChildren();
        }
      }
    }
    return fields;
  }
}
