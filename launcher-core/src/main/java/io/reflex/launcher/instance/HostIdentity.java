package io.reflex.launcher.instance;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The host name and IPv4 addresses an instance is registered under (6.6). The host name comes from the kernel,
 * not from a DNS lookup, which can stall a container start for seconds.
 *
 * @param hostname  the kernel's host name, possibly empty
 * @param addresses IPv4 addresses of the non-loopback interfaces, interfaces in name order
 */
public record HostIdentity(String hostname, List<String> addresses) {

    public static HostIdentity current() {
        return new HostIdentity(kernelHostname(), ipv4Addresses());
    }

    /** {@code <service>-<hostname>}, or the first address with dots as dashes when there is no host name. */
    public String instanceName(String service) {
        if (!hostname.isEmpty()) {
            return service + "-" + hostname;
        }
        return service + "-" + (addresses.isEmpty() ? "unknown" : addresses.getFirst().replace('.', '-').replace(':', '-'));
    }

    private static String kernelHostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static List<String> ipv4Addresses() {
        List<String> found = new ArrayList<>();
        try {
            List<NetworkInterface> interfaces = NetworkInterface.networkInterfaces()
                    .filter(nic -> !isLoopback(nic))
                    .sorted(Comparator.comparing(NetworkInterface::getName))
                    .toList();
            for (NetworkInterface nic : interfaces) {
                nic.inetAddresses().filter(Inet4Address.class::isInstance).map(InetAddress::getHostAddress)
                        .forEach(found::add);
            }
        } catch (SocketException e) {
            return List.of();
        }
        return found;
    }

    private static boolean isLoopback(NetworkInterface nic) {
        try {
            return nic.isLoopback();
        } catch (SocketException e) {
            return true;
        }
    }
}
