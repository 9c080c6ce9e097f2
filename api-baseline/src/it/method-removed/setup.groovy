// Core's WriteBackPolicy without withProductName(String), which no other class of core calls.
File policy = new File(basedir, 'src/main/java/io/alertbridge/core/WriteBackPolicy.java')
policy.parentFile.mkdirs()
String text = new File(rootDir, 'core/src/main/java/io/alertbridge/core/WriteBackPolicy.java').text
String signature = '  public WriteBackPolicy withProductName(String productName) {\n'
int start = text.indexOf(signature)
if (start < 0) {
  throw new IllegalStateException("core's WriteBackPolicy has no withProductName(String) any more: remove another public method here")
}
int end = text.indexOf('\n  }\n', start) + '\n  }\n'.length()
policy.text = text.substring(0, start) + text.substring(end)
true
