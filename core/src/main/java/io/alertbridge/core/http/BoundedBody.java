package io.alertbridge.core.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads the body of a tool's API answer into bytes, at most a given number of them (an integration passes
 * {@link io.alertbridge.core.Limits#maxApiAnswerBytes()}): a longer body, by its declared {@code
 * Content-Length} or by what arrives, ends the exchange at once with {@link TooLarge}. Of an answer with any
 * status but 2xx, at most {@code maxErrorBytes} (0 unless given) are kept and the rest is not read: enough
 * for the tool's error message. {@link #abort()} ends the body
 * when the exchange's time is up, which closes the connection. One instance per exchange:
 *
 * <pre>{@code
 * BoundedBody body = new BoundedBody(limits.maxApiAnswerBytes());
 * CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, body);
 * try {
 *   HttpResponse<byte[]> response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
 * } catch (TimeoutException e) {
 *   body.abort();
 *   exchange.cancel(true);
 * }
 * }</pre>
 */
public final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {
  private final int maxBytes;
  private final int maxErrorBytes;
  private volatile Subscriber subscriber;

  /** The body is longer than the bound; the message says by how much, as far as known. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }

  /**
   * @param maxBytes the most bytes read, positive
   * @throws IllegalArgumentException when it is not positive
   */
  public BoundedBody(int maxBytes) {
    this(maxBytes, 0);
  }

  /**
   * @param maxBytes the most bytes read of a 2xx answer, positive
   * @param maxErrorBytes the most bytes kept of any other answer; what follows is not read
   * @throws IllegalArgumentException when {@code maxBytes} is not positive or {@code maxErrorBytes} negative
   */
  public BoundedBody(int maxBytes, int maxErrorBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    if (maxErrorBytes < 0) {
      throw new IllegalArgumentException("maxErrorBytes must not be negative, got " + maxErrorBytes);
    }
    this.maxBytes = maxBytes;
    this.maxErrorBytes = maxErrorBytes;
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    int status = info.statusCode();
    boolean read = status >= 200 && status <= 299;
    OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
    Subscriber created = new Subscriber(read ? maxBytes : maxErrorBytes, !read);
    if (!read && maxErrorBytes == 0) {
      created.result.complete(new byte[0]);
    } else if (declared.isPresent() && declared.getAsLong() > maxBytes) {
      created.result.completeExceptionally(new TooLarge("its Content-Length is " + declared.getAsLong() + " bytes"));
    }
    subscriber = created;
    return created;
  }

  /** Ends the exchange's body, if it has started: the connection is closed and nothing more is read. */
  public void abort() {
    Subscriber current = subscriber;
    if (current != null) {
      current.abort();
    }
  }

  /** Collects the body, or cancels it as soon as its result is decided otherwise. */
  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int maxBytes;
    /** Keep the first bytes and stop, rather than fail, when more arrive. */
    private final boolean keepStart;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private byte[] bytes;
    private int length;

    Subscriber(int maxBytes, boolean keepStart) {
      this.maxBytes = maxBytes;
      this.keepStart = keepStart;
      this.bytes = new byte[Math.min(8192, Math.max(1, maxBytes))];
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (result.isDone()) {
        subscription.cancel();
      } else {
        subscription.request(1);
      }
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        subscription.cancel();
        return;
      }
      for (ByteBuffer buffer : buffers) {
        int remaining = buffer.remaining();
        if ((long) length + remaining > maxBytes && keepStart) {
          subscription.cancel();
          int kept = maxBytes - length;
          bytes = Arrays.copyOf(bytes, maxBytes);
          buffer.get(bytes, length, kept);
          result.complete(bytes);
          return;
        }
        if ((long) length + remaining > maxBytes) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge("more than " + maxBytes + " bytes arrived"));
          return;
        }
        if (length + remaining > bytes.length) {
          bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, Math.max(2L * bytes.length, length + remaining)));
        }
        buffer.get(bytes, length, remaining);
        length += remaining;
      }
      subscription.request(1);
    }

    @Override
    public synchronized void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public synchronized void onComplete() {
      result.complete(Arrays.copyOf(bytes, length));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    synchronized void abort() {
      result.completeExceptionally(new IOException("aborted"));
      if (subscription != null) {
        subscription.cancel();
      }
    }
  }
}
