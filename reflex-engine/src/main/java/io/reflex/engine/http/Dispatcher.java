package io.reflex.engine.http;

/** Routes one parsed request to the feature that answers it. */
@FunctionalInterface
public interface Dispatcher {
    Response dispatch(ApiRequest request) throws Exception;
}
