package io.reflex.engine.http;

/** A handler's answer: a complete {@link Reply}, or a {@link Streaming} body such as the watch feed. */
public sealed interface Response permits Reply, Streaming {}
