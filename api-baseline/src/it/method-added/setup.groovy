// Core's WriteBackPolicy with a public method added.
File policy = new File(basedir, 'src/main/java/io/alertbridge/core/WriteBackPolicy.java')
policy.parentFile.mkdirs()
String text = new File(rootDir, 'core/src/main/java/io/alertbridge/core/WriteBackPolicy.java').text
int end = text.lastIndexOf('}')
policy.text = text.substring(0, end) + '''
  /** @return a method that the baseline does not have */
  public String apiBaselineProbe() {
    return "probe";
  }
}
'''
true
