package io.alertbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class HmacTest {

  @Test
  void hmacMatchesPublishedTestVectors() {
    // RFC 4231, test case 2
    byte[] mac = Hmac.sha256("Jefe".getBytes(StandardCharsets.UTF_8),
        "what do ya want ".getBytes(StandardCharsets.UTF_8), "for nothing?".getBytes(StandardCharsets.UTF_8));

    assertThat(HexFormat.of().formatHex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    assertThat(Hmac.constantTimeEquals(mac, mac.clone())).isTrue();
    assertThat(Hmac.constantTimeEquals(mac, new byte[32])).isFalse();
  }

  @Test
  void aPreparedKeySignsAsTheOneShotHmacDoesFromManyThreads() throws Exception {
    byte[] key = "Jefe".getBytes(StandardCharsets.UTF_8);
    Hmac.Key prepared = Hmac.sha256Key(key);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<Boolean>> same = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      byte[] message = ("message " + i).getBytes(StandardCharsets.UTF_8);
      same.add(pool.submit(() -> java.util.Arrays.equals(prepared.sign(message), Hmac.sha256(key, message))));
    }
    pool.shutdown();

    for (java.util.concurrent.Future<Boolean> result : same) {
      assertThat(result.get()).isTrue();
    }
    assertThat(prepared.toString()).doesNotContain("Jefe");
  }
}
