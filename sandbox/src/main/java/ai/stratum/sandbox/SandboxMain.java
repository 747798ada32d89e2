package ai.stratum.sandbox;

import ai.stratum.plugin.api.Platform;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox on its own: the four simulated platforms on consecutive ports from
 * {@code --port} (default 9100; 0 picks free ones), each with its demo account, until stopped.
 * <pre>
 * java -cp server/target/stratum-server.jar ai.stratum.sandbox.SandboxMain --port 9100
 * </pre>
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 9100;
        String host = "127.0.0.1";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--host" -> host = value(args, ++i, "--host");
                default -> {
                    System.err.println("usage: SandboxMain [--host 127.0.0.1] [--port 9100]");
                    System.exit(2);
                }
            }
        }
        Sandbox.Builder builder = Sandbox.builder().host(host);
        int next = port;
        for (var emulator : SandboxPlatforms.all()) {
            builder.platform(emulator, port == 0 ? 0 : next++);
        }
        Sandbox sandbox = builder.build();
        for (DemoAccounts.DemoAccount account : DemoAccounts.install(sandbox)) {
            Platform platform = account.platform();
            System.out.printf("%-8s %s  account=%s  token=%s  admin=%s/_sandbox/accounts%n", platform,
                    sandbox.endpoints(platform).api(), account.spec().accountId(), account.accessToken(),
                    sandbox.endpoints(platform).api());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args[index];
    }
}
