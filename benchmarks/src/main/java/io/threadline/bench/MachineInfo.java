package io.threadline.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The machine a run measured, printed with every result: figures mean little without it. The load average
 * matters here because the machine may be shared while the benchmark runs.
 */
public record MachineInfo(int processors, long physicalMemoryBytes, double loadAverage, long maxHeapBytes,
                          String javaVersion, String javaVm, String os) {

    public static MachineInfo current() {
        var system = ManagementFactory.getOperatingSystemMXBean();
        long physical = system instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), physical, system.getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    public String describe() {
        return String.format(Locale.ROOT,
                "%d processors, %s RAM, load average %.2f at start; Java %s (%s), benchmark max heap %s; %s",
                processors, gigabytes(physicalMemoryBytes), loadAverage, javaVersion, javaVm, gigabytes(maxHeapBytes), os);
    }

    private static String gigabytes(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
