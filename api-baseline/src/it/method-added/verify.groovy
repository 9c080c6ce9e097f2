// The build passed, and the check saw the new method.
String diff = new File(basedir, 'target/japicmp/api-baseline.diff').text
String added = '+++  NEW METHOD: PUBLIC(+) java.lang.String apiBaselineProbe()'
if (!diff.contains(added)) {
  throw new AssertionError("target/japicmp/api-baseline.diff does not list '" + added + "':\n" + diff)
}
