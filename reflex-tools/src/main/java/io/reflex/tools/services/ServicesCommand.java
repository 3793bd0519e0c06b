package io.reflex.tools.services;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reflex.client.InstanceView;
import io.reflex.client.NotFoundException;
import io.reflex.client.discovery.Discovery;
import io.reflex.tools.cli.CliException;
import io.reflex.tools.cli.GlobalOptions;
import io.reflex.tools.cli.Invocation;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code reflex services [SERVICE]}: every instance of a service (or of every service), whatever its status, the
 * equivalent of Convox's process listing. Membership is the one {@link Discovery} defines, so this lists exactly
 * the instances a link could resolve to, plus the failed and stale ones a link skips.
 */
@Command(name = "services", mixinStandardHelpOptions = true,
    description = "List the instances of a service, or of every service")
public final class ServicesCommand implements Callable<Integer> {
  @Mixin GlobalOptions global;

  @Parameters(arity = "0..1", paramLabel = "SERVICE", description = "Only this service's instances")
  String service;

  private final Invocation invocation;

  public ServicesCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    Discovery discovery = Discovery.of(invocation.client());
    List<InstanceView> instances = service == null
        ? discovery.instancesByService().values().stream().flatMap(Collection::stream).toList()
        : instancesOf(discovery, service);
    List<ObjectNode> rows = instances.stream().map(InstanceView::row).toList();
    invocation.out().rows(InstanceView.COLUMNS, rows);
    return 0;
  }

  private static List<InstanceView> instancesOf(Discovery discovery, String service) {
    try {
      return discovery.instances(service);
    } catch (NotFoundException e) {
      throw CliException.notFound("No service named " + service);
    }
  }
}
