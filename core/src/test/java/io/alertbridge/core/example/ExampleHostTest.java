package io.alertbridge.core.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExampleHostTest {

  @Test
  void walksOneTicketFromCreationToResolution() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    ExampleHost.run(new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(out.toString(StandardCharsets.UTF_8).lines().map(line -> line.substring(0, line.indexOf(",\"alertKey\""))))
        .containsExactly(
            "202 {\"outcome\":\"CREATED\"",
            "200 {\"outcome\":\"UNCHANGED\"",
            "202 {\"outcome\":\"ACCEPTED\"",
            "202 {\"outcome\":\"RESOLVED\"",
            "200 {\"outcome\":\"UNCHANGED\"",
            "400 {\"outcome\":\"REJECTED\"");
  }
}
