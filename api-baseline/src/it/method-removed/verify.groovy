// The build failed on the removed method, and its message names it.
String log = new File(basedir, 'build.log').text
String named = 'io.alertbridge.core.WriteBackPolicy.withProductName(java.lang.String):METHOD_REMOVED'
if (!log.contains(named)) {
  throw new AssertionError("the build log does not name '" + named + "'")
}
