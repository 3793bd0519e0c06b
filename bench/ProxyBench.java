import io.reflex.launcher.log.LaunchLog;
import io.reflex.launcher.proxy.Backend;
import io.reflex.launcher.proxy.ProxyServer;
import io.reflex.launcher.proxy.ProxySettings;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the redeploy proxy on 127.0.0.1:LISTEN in front of one backend on 127.0.0.1:BACKEND until killed, for
 * bench/proxy. Run with the launcher's class path: {@code java -cp LAUNCHER_CP bench/ProxyBench.java LISTEN BACKEND}.
 */
public class ProxyBench {
    public static void main(String[] args) throws InterruptedException {
        LaunchLog log = new LaunchLog() {
            @Override
            public void info(String line) {
                System.out.println(line);
            }

            @Override
            public void debug(String line) {
            }

            @Override
            public boolean debugEnabled() {
                return false;
            }
        };
        ProxyServer proxy = ProxyServer.start(
                ProxySettings.defaults(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]))), log);
        proxy.routeTo(new Backend(1, new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]))));
        System.out.println("ready");
        new CountDownLatch(1).await();
    }
}
