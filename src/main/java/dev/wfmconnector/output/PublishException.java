package dev.wfmconnector.output;

/** An output could not take the envelopes: the caller must not acknowledge its run (watermark, replay id). */
public class PublishException extends RuntimeException {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
