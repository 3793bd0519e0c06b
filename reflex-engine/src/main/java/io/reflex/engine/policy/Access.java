package io.reflex.engine.policy;

/** What a request does to an object; {@code admin} mappings grant both. */
public enum Access {
    READ("read"),
    WRITE("write");

    private final String attribute;

    Access(String attribute) {
        this.attribute = attribute;
    }

    /** The value policies see as {@code action}. */
    public String attribute() {
        return attribute;
    }
}
