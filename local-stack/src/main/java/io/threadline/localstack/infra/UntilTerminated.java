package io.threadline.localstack.infra;

import java.util.concurrent.CountDownLatch;

/** Keeps an infrastructure process alive until SIGTERM/SIGINT, then closes what it serves. */
final class UntilTerminated {

    private UntilTerminated() {
    }

    static void close(AutoCloseable resource) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("Error while stopping: " + e);
            }
            stopped.countDown();
        }));
        stopped.await();
    }
}
