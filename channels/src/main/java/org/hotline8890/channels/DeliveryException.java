package org.hotline8890.channels;

/** A delivery failed. Permanent failures (no such address, a refused number) are not retried. */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public DeliveryException(String message, boolean permanent) {
        this(message, permanent, null);
    }

    public boolean isPermanent() {
        return permanent;
    }
}
