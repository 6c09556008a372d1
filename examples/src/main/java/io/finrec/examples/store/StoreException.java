package io.finrec.examples.store;

/** A failure of the bank database (I/O, SQL, an incompatible schema), naming the database file. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the database file */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @param message what went wrong, naming the database file */
    public StoreException(String message) {
        super(message);
    }
}
