/**
 * Config flattening for Launch Assist (reference section 5): {@link io.reflex.client.config.ConfigFlattener}
 * turns a config hierarchy into a {@link io.reflex.client.config.LaunchPlan}.
 *
 * <p>Output is byte-compatible with the Python original, so files and environments of deployed
 * services do not change when the launcher is replaced. Where section 9 of the reference says
 * not to copy the original, this package deliberately differs:
 * <ul>
 *   <li>Reference loops in {@code %{...}} fail with {@link io.reflex.client.config.VariableCycleException}
 *       naming the chain ({@code a -> b -> c -> b}); the original hung. A variable's reference to
 *       itself still resolves to empty, as the vectors require.</li>
 *   <li>Objects under a procvar path stay JSON objects (the docs' intent, vector {@code docs_variant});
 *       scalars and arrays still become Python text ({@code True}, {@code None}, {@code [1, 'a']}),
 *       which the vectors require and deployed files contain.</li>
 *   <li>Missing variables still become empty, and are also returned as
 *       {@link io.reflex.client.config.MissingVariable} so callers can refuse to launch.</li>
 *   <li>{@code content.source} gets the same {@code ..} check as {@code content.dest}.</li>
 *   <li>Every variable name with characters outside {@code [A-Za-z0-9_]} also gets its underscore
 *       alias; the original's form-feed junk variable is never produced.</li>
 *   <li>Values built from secret variables are flagged ({@link io.reflex.client.config.EnvVar#sensitive()})
 *       and no type here prints a secret in {@code toString()}.</li>
 * </ul>
 */
package io.reflex.client.config;
