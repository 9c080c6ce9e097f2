package io.alertbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertbridge.core.Delivery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryFilesTest {
  @TempDir
  Path dir;

  private String write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    return file.toString();
  }

  @Test
  void keepsTheBodyOfARecordedRequestByteForByte() throws IOException {
    String file = write("a.http", "Content-Type: application/json\r\nX-Token: t\r\n\r\n{\"id\": 1}\n\n");

    Delivery delivery = DeliveryFiles.read(file);

    assertThat(delivery.headers().first("x-token")).hasValue("t");
    assertThat(delivery.mediaType()).hasValue("application/json");
    assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\": 1}\n\n");
  }

  @Test
  void sendsBareBodiesWithTheContentTypeOfTheirExtension() throws IOException {
    Delivery json = DeliveryFiles.read(write("a.json", "{}"));
    Delivery form = DeliveryFiles.read(write("a.form", "id=1&number=T1"));

    assertThat(json.mediaType()).hasValue("application/json");
    assertThat(form.mediaType()).hasValue("application/x-www-form-urlencoded");
    assertThat(new String(form.body(), StandardCharsets.UTF_8)).isEqualTo("id=1&number=T1");
  }

  @Test
  void refusesAHeaderLineWithoutAColon() throws IOException {
    String file = write("bad.http", "Content-Type application/json\n\n{}");

    assertThatThrownBy(() -> DeliveryFiles.read(file)).isInstanceOf(UsageException.class)
        .hasMessage(file + ": not a recorded HTTP request: expected a header line \"Name: value\", got "
            + "\"Content-Type application/json\"");
  }
}
