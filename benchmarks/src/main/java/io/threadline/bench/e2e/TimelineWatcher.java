package io.threadline.bench.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.threadline.bench.load.LoadPlan;
import io.threadline.localstack.auth.DevTokens;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Waits until every accepted message shows on its customer's timeline in customer-history-service, or until
 * the timeout, then reads the latency of each from the entries' own timestamps.
 *
 * <p>Polling reads compete with the projections for the same CPU, and on the MongoDB stand-in every
 * non-key query scans its collection, so a round walks the incomplete customers only until it meets one that
 * is still incomplete: while the pipeline is behind, a round costs a handful of requests; once it has caught
 * up, rounds sweep through the rest. Customers are checked in the order their last message was sent.
 */
public final class TimelineWatcher {

    private static final int POLLERS = 4;
    private static final long ROUND_PAUSE_MILLIS = 200;
    private static final int PAGE_LIMIT = 200;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int ERROR_SAMPLES = 5;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String customersUrl;
    private final ObjectMapper json;
    private final PrintStream progress;
    private final String agentToken = Optional.ofNullable(System.getenv("THREADLINE_HISTORY_TOKEN"))
            .orElseGet(() -> DevTokens.forRoleInRepository("agent", "bench"));
    private final AtomicInteger pollErrors = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> pollErrorSamples = new ConcurrentLinkedQueue<>();

    public TimelineWatcher(URI history, ObjectMapper json, PrintStream progress) {
        this.customersUrl = history + "/api/v1/customers";
        this.json = json;
        this.progress = progress;
    }

    /**
     * @param acceptedMessages the messages the gateway accepted; the others are not awaited
     * @param lastAnswerAt     when the load got its last answer, the start of the observed drain
     */
    public EndToEndResult await(LoadPlan plan, BitSet acceptedMessages, Instant lastAnswerAt, Duration timeout)
            throws InterruptedException {
        List<CustomerProgress> customers = customersToWatch(plan, acceptedMessages);
        List<CustomerProgress> pending = new ArrayList<>(customers);
        int expected = acceptedMessages.cardinality();
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY_NANOS;
        ExecutorService pollers = Executors.newFixedThreadPool(POLLERS, runnable -> {
            Thread thread = new Thread(runnable, "timeline-poller");
            thread.setDaemon(true);
            return thread;
        });
        Duration observedDrain = null;
        try {
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                sweep(pending, pollers, true);
                if (pending.isEmpty()) {
                    observedDrain = Duration.between(lastAnswerAt, Instant.now());
                    break;
                }
                if (System.nanoTime() >= nextProgress) {
                    CustomerProgress oldest = pending.get(0);
                    progress.printf("  end-to-end: %d/%d customers complete; waiting on %s (%d of %d visible)%n",
                            customers.size() - pending.size(), customers.size(), oldest.identity,
                            oldest.lastReading == null ? 0 : oldest.lastReading.delivered().size(), oldest.expected);
                    nextProgress += PROGRESS_EVERY_NANOS;
                }
                Thread.sleep(ROUND_PAUSE_MILLIS);
            }
            if (!pending.isEmpty()) {
                // Timed out: one full pass so the missing count is exact, not a leftover of the early stops.
                sweep(pending, pollers, false);
            }
        } finally {
            pollers.shutdownNow();
        }
        return result(customers, pending.size(), expected, observedDrain);
    }

    private static List<CustomerProgress> customersToWatch(LoadPlan plan, BitSet acceptedMessages) {
        int[] expected = new int[plan.customers()];
        int[] lastMessage = new int[plan.customers()];
        acceptedMessages.stream().forEach(message -> {
            int customer = plan.customerOf(message);
            expected[customer]++;
            lastMessage[customer] = message;
        });
        List<CustomerProgress> customers = new ArrayList<>();
        for (int customer = 0; customer < plan.customers(); customer++) {
            if (expected[customer] > 0) {
                customers.add(new CustomerProgress(plan, customer, expected[customer], lastMessage[customer]));
            }
        }
        customers.sort((a, b) -> Integer.compare(a.lastMessage, b.lastMessage));
        return customers;
    }

    /** Checks pending customers, {@link #POLLERS} at a time, and drops those found complete. */
    private void sweep(List<CustomerProgress> pending, ExecutorService pollers, boolean stopAtIncomplete)
            throws InterruptedException {
        Iterator<CustomerProgress> walk = pending.iterator();
        List<CustomerProgress> batch = new ArrayList<>(POLLERS);
        List<Future<Boolean>> checks = new ArrayList<>(POLLERS);
        List<CustomerProgress> complete = new ArrayList<>();
        boolean sawIncomplete = false;
        while (walk.hasNext() && !(stopAtIncomplete && sawIncomplete)) {
            batch.clear();
            checks.clear();
            while (walk.hasNext() && batch.size() < POLLERS) {
                CustomerProgress customer = walk.next();
                batch.add(customer);
                checks.add(pollers.submit(() -> check(customer)));
            }
            for (int i = 0; i < batch.size(); i++) {
                if (completed(checks.get(i))) {
                    complete.add(batch.get(i));
                } else {
                    sawIncomplete = true;
                }
            }
        }
        pending.removeAll(complete);
    }

    private boolean completed(Future<Boolean> check) throws InterruptedException {
        try {
            return check.get();
        } catch (ExecutionException e) {
            pollError(String.valueOf(e.getCause()));
            return false;
        }
    }

    /** Reads the customer's whole timeline afresh; complete when it holds every accepted message. */
    private boolean check(CustomerProgress customer) throws InterruptedException {
        try {
            if (customer.customerId == null) {
                HttpResponse<String> found = get(customersUrl + "/lookup?identity="
                        + URLEncoder.encode(customer.identity, StandardCharsets.UTF_8));
                if (found.statusCode() != 200) {
                    expectNotFound(found);
                    return false;
                }
                customer.customerId = json.readTree(found.body()).path("customerId").asText(null);
                if (customer.customerId == null) {
                    pollError("lookup of " + customer.identity + " answered without customerId: " + found.body());
                    return false;
                }
            }
            TimelineReading reading = new TimelineReading(customer.plan, customer.customer);
            String cursor = null;
            do {
                String url = customersUrl + "/" + URLEncoder.encode(customer.customerId, StandardCharsets.UTF_8)
                        + "/timeline?type=MESSAGE&limit=" + PAGE_LIMIT
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                HttpResponse<String> page = get(url);
                if (page.statusCode() != 200) {
                    expectNotFound(page);
                    return false;
                }
                cursor = reading.addPage(json.readTree(page.body()));
            } while (cursor != null);
            customer.lastReading = reading;
            return reading.delivered().size() >= customer.expected;
        } catch (IOException | UncheckedIOException e) {
            pollError(customer.identity + ": " + e);
            return false;
        }
    }

    /** 404 only means "not projected yet"; anything else is worth reporting. */
    private void expectNotFound(HttpResponse<String> response) {
        if (response.statusCode() != 404) {
            pollError(response.request().uri() + " -> HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        // The timeline is agents' data: read it with an agent's token (THREADLINE_HISTORY_TOKEN, else the dev key).
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + agentToken).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void pollError(String description) {
        if (pollErrors.getAndIncrement() < ERROR_SAMPLES) {
            pollErrorSamples.add(description.length() > 500 ? description.substring(0, 500) + "..." : description);
        }
    }

    private static int visible(List<CustomerProgress> customers) {
        return customers.stream().mapToInt(c -> c.lastReading == null ? 0 : c.lastReading.delivered().size()).sum();
    }

    private EndToEndResult result(List<CustomerProgress> customers, int incomplete, int expected,
                                  Duration observedDrain) {
        EndToEndLatency latency = new EndToEndLatency();
        int duplicates = 0;
        int misplaced = 0;
        int foreign = 0;
        for (CustomerProgress customer : customers) {
            if (customer.lastReading != null) {
                customer.lastReading.delivered().values().forEach(latency::add);
                duplicates += customer.lastReading.duplicateEntries();
                misplaced += customer.lastReading.misplacedEntries();
                foreign += customer.lastReading.foreignEntries();
            }
        }
        return new EndToEndResult(expected, visible(customers), incomplete, duplicates, misplaced, foreign,
                incomplete > 0, observedDrain, pollErrors.get(), List.copyOf(pollErrorSamples), latency);
    }

    /** One customer's state across rounds; touched by one poller at a time. */
    private static final class CustomerProgress {
        final LoadPlan plan;
        final int customer;
        final String identity;
        final int expected;
        final int lastMessage;
        volatile String customerId;
        volatile TimelineReading lastReading;

        CustomerProgress(LoadPlan plan, int customer, int expected, int lastMessage) {
            this.plan = plan;
            this.customer = customer;
            this.identity = plan.identityOf(customer);
            this.expected = expected;
            this.lastMessage = lastMessage;
        }
    }
}
