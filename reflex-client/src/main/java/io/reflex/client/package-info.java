/**
 * The Reflex engine client SDK: one entry point, {@link io.reflex.client.ReflexClient}, plus the values it
 * takes and returns.
 *
 * <p>Choices a reviewer would otherwise re-argue:
 *
 * <ul>
 *   <li>Objects stay JSON trees ({@link io.reflex.client.ReflexObject}) with thin typed views, because users add
 *       their own fields and a read-edit-write cycle must never lose or reorder them.
 *   <li>Failures are unchecked and sealed under {@link io.reflex.client.ReflexException}: the CLI and the
 *       console map each subtype to one exit code or sentence, and transport failures
 *       ({@link io.reflex.client.EngineUnreachableException}) stay apart from refusals by the engine.
 *       Framework error pages in HTML keep the kind of their status (a 415 page is a validation error, a 404
 *       page not-found); a non-JSON success or any 5xx is an {@link io.reflex.client.EngineErrorException}.
 *   <li>Only idempotent calls (GET, HEAD, PUT, DELETE) are retried, and only on connection failures and
 *       502/503/504; a 401 leads to one new sign-in and one repeat, for every method, since the engine did not
 *       act on the refused call.
 *   <li>The watch feed is parsed by a small line parser over OkHttp's streaming body instead of
 *       {@code okhttp-sse}: reconnection with {@code Last-Event-ID}, backoff and the polling fallback need the
 *       connection loop in our hands anyway, and it saves a dependency.
 *   <li>Everything under {@code io.reflex.client.internal} is implementation, not API.
 * </ul>
 */
package io.reflex.client;
