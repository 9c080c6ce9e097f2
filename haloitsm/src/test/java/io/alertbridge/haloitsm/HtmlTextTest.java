package io.alertbridge.haloitsm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "a<br>b|a\\nb",
      "a<BR/>b<br />c|a\\nb\\nc",
      "<p>first</p><p>second</p>|first\\nsecond",
      "<div>one</div><div>two</div>|one\\ntwo",
      "one<br><br>two|one\\n\\ntwo",
      "<ul><li>disk</li><li>cpu</li></ul>|disk\\ncpu",
      "<b>bold</b> and <span style=\"color:red\">red</span>|bold and red",
      "Tom &amp; Jerry &lt;3 &gt; &quot;x&quot; &#39;y&#39; &apos;z&apos;|Tom & Jerry <3 > \"x\" 'y' 'z'",
      "a&nbsp;b&#160;c&#xE9;|a b cé",
      "5 < 7 and 9 > 8|5 < 7 and 9 > 8",
      "fish & chips; &unknown; &#xZZ;|fish & chips; &unknown; &#xZZ;",
      "<script>alert(1)</script>safe<style>p{}</style>|safe",
      "<!-- hidden -->shown|shown",
      "line\\r\\nnext\\rlast|line\\nnext\\nlast",
      "'  <p>  padded  </p>  '|padded",
      "<td>a</td><td>b</td>|a b",
      "unclosed <b|unclosed <b",
      "'<p></p><p></p>'|''",
  })
  void convertsHtmlToText(String html, String text) {
    assertThat(HtmlText.toText(unescape(html))).isEqualTo(unescape(text));
  }

  private static String unescape(String csv) {
    return csv.replace("\\r", "\r").replace("\\n", "\n");
  }

  @Test
  void keepsTheFixtureDetailsReadable() {
    String details = "Datto RMM alert: disk usage 96.2%<br>Device: SRV-FS01<br>Site: Zürich HQ\r\nThreshold: 95%";

    assertThat(HtmlText.toText(details))
        .isEqualTo("Datto RMM alert: disk usage 96.2%\nDevice: SRV-FS01\nSite: Zürich HQ\nThreshold: 95%");
  }

  @Test
  void manyUnterminatedTagsAndEntitiesStayLinear() {
    String hostile = "<script>".repeat(20_000) + "&".repeat(200_000) + "<!--";

    assertThat(HtmlText.toText(hostile)).isEmpty();
    assertThat(HtmlText.toText("&".repeat(200_000))).hasSize(200_000);
  }
}
