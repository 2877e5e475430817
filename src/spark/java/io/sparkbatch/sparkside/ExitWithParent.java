package io.sparkbatch.sparkside;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs a main class, and exits this JVM when the process that started it goes away (its end of
 * standard input closes), so that a killed test run or a Ctrl-C'd {@code make run} never leaves a
 * Spark driver or executor behind. Arguments: the main class, then its arguments.
 *
 * <p>The process kubelet starts every pod's JVM through this class; what the pod's JVM runs
 * (SparkSubmit or KubernetesExecutorBackend, with the arguments the image's entrypoint would give)
 * is unchanged.
 */
public final class ExitWithParent {
  /** The exit code of a container killed by SIGTERM. */
  private static final int TERMINATED = 143;

  private ExitWithParent() {}

  public static void main(String[] args) throws Throwable {
    if (args.length == 0) {
      System.err.println("usage: ExitWithParent <main class> [arguments...]");
      System.exit(2);
    }
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (System.in.read() >= 0) {
                  // The parent never writes; any byte is ignored.
                }
              } catch (IOException e) {
                // Closed or broken: the parent is gone.
              }
              Runtime.getRuntime().halt(TERMINATED);
            },
            "exit-with-parent");
    watcher.setDaemon(true);
    watcher.start();
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
