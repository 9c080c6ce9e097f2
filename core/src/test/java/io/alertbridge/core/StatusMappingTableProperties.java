package io.alertbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertbridge.core.LifecycleRule.WhenAbsent;
import io.alertbridge.core.LifecycleRule.WhenOpen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class StatusMappingTableProperties {

  @Property
  void tablesReadFromJsonEqualTablesBuiltInCode(@ForAll("tables") StatusMappingTable built) {
    StatusMappingTable read = StatusMappingTable.fromJson(built.toJson());

    assertThat(read).isEqualTo(built);
    assertThat(read.hashCode()).isEqualTo(built.hashCode());
  }

  @Property
  void everyStatusMatchesExactlyOneRule(@ForAll("tables") StatusMappingTable table,
      @ForAll("labels") String label, @ForAll("ids") long id) {
    StatusMappingTable.Match match = table.match(CodedValue.of(id, label));

    assertThat(match.rule()).isNotNull();
    if (match.index() >= 0) {
      StatusMappingTable.Row row = table.rows().get(match.index());
      boolean byLabel = row.labels().stream().anyMatch(l -> Labels.normalize(l).equals(Labels.normalize(label)));
      assertThat(byLabel || row.ids().contains(id)).isTrue();
    } else {
      assertThat(match.rule()).isEqualTo(table.otherwise());
    }
  }

  @Provide
  Arbitrary<StatusMappingTable> tables() {
    Arbitrary<LifecycleRule> rules = Combinators.combine(Arbitraries.of(WhenAbsent.class), Arbitraries.of(WhenOpen.class))
        .as(LifecycleRule::of);
    Arbitrary<List<List<String>>> labelRows = labels().set().ofMaxSize(12).map(ArrayList::new).map(StatusMappingTableProperties::split);
    return Combinators.combine(labelRows, ids().set().ofMaxSize(4), rules.list().ofSize(8), rules)
        .as((rows, ids, ruleList, otherwise) -> {
          StatusMappingTable.Builder builder = StatusMappingTable.builder();
          List<Long> idList = new ArrayList<>(ids);
          for (int i = 0; i < rows.size(); i++) {
            List<Long> rowIds = i < idList.size() ? List.of(idList.get(i)) : List.of();
            if (!rows.get(i).isEmpty() || !rowIds.isEmpty()) {
              builder.row(new StatusMappingTable.Row(rows.get(i), rowIds, ruleList.get(i % ruleList.size())));
            }
          }
          return builder.otherwise(otherwise).build();
        });
  }

  @Provide
  Arbitrary<String> labels() {
    return Arbitraries.strings().withChars("abcXYZ -_ü").ofMinLength(1).ofMaxLength(8)
        .filter(s -> !Labels.normalize(s).isEmpty());
  }

  @Provide
  Arbitrary<Long> ids() {
    return Arbitraries.longs().between(0, 20);
  }

  /** Splits distinct labels into up to four rows, dropping labels that fold to one already taken. */
  private static List<List<String>> split(List<String> labels) {
    Set<String> folded = new HashSet<>();
    List<List<String>> rows = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>()));
    for (int i = 0; i < labels.size(); i++) {
      if (folded.add(Labels.normalize(labels.get(i)))) {
        rows.get(i % 4).add(labels.get(i));
      }
    }
    return rows;
  }
}
