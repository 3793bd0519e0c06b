/**
 * Service discovery (docs/redeploy.md, Discovery): {@link io.reflex.client.discovery.Discovery} finds a
 * service's instances and resolves its {@code links} into {@link io.reflex.client.discovery.ResolvedLink}s, whose
 * variables ({@code NAME_URL}, {@code NAME_HOST}, {@code NAME_PORT}, {@code NAME_URLS}) the launcher gives the
 * app.
 *
 * <p>A link to a service that does not exist is an {@link io.reflex.client.discovery.UnknownLinkException}: a
 * configuration error, never retried. A link whose service has no healthy instance resolves to no instances; the
 * caller decides whether that is worth a warning.
 */
package io.reflex.client.discovery;
