package io.alertbridge.cli;

/** A command line that cannot run: an unknown option, a missing value, an unreadable file. Exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
