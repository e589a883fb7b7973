// Load client of bench/reply-latency.sh, run as a single-file program (java BurstLatency.java ...), JDK only.
// Usage: BurstLatency MODE BOT_PORT SECRET TOKEN API_PORT GROUPS PER_GROUP WAIT_SECONDS
//   Sends GROUPS x PER_GROUP signed OneBot group reports (each from a sender of its own, group ids 900000001..,
//   message ids in send order) spread evenly over one second, interleaving the groups, and times each reply from
//   the moment its report was sent until the bot's send_group_msg quoting it arrives.
//   MODE http: reports are POSTed to /webhook/onebot by 32 threads; replies arrive at a fake OneBot HTTP API this
//              program serves on API_PORT (the bot runs with reply-mode API, api-url http://127.0.0.1:API_PORT).
//   MODE ws:   one reverse WebSocket to /onebot/v11/ws (Bearer TOKEN), as NapCat connects one account; reports go
//              out as text frames, replies come back as action frames, each answered with an ok envelope and echo.
//   Waits at most WAIT_SECONDS for every reply, then prints per group the first reply's latency, p50, p99 and max,
//   the same over all replies, how many arrived, and whether replies to different members crossed (the bot handles a
//   group's members in parallel, one member's messages in order; each reply quotes what it answers).
//   Runs the burst twice with new senders and message ids: "cold" right after start, then "warm".
// Talks to 127.0.0.1 only.
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class BurstLatency {

    static final Pattern ECHO = Pattern.compile("\"echo\"\\s*:\\s*\"([^\"]+)\"");

    static final Pattern QUOTED = Pattern.compile("\"type\"\\s*:\\s*\"reply\"\\s*,\\s*\"data\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"?(\\d+)");

    static final Pattern GROUP = Pattern.compile("\"group_id\"\\s*:\\s*\"?(\\d+)");

    static final String[][] STATIONS = { { "锦江区", "三圣街道社工站" }, { "锦江区", "锦官驿街道社工站" },
            { "青羊区", "琴台路社区社工室" }, { "金牛区", "荷花池街道社工站" }, { "成华区", "猛追湾街道社工站" },
            { "龙泉驿区", "龙泉街道社工站" }, { "新都区", "大丰街道社工站" }, { "双流区", "东升街道社工站" } };

    static final long FIRST_GROUP = 900_000_001L;

    static final long FIRST_MESSAGE = 70_000_001L;

    record Report(long messageId, long groupId, String body) {
    }

    /** Send time (nanoTime) by message id, reply arrival by message id, arrival order per group. */
    static final Map<Long, Long> sentAt = new ConcurrentHashMap<>();

    static final Map<Long, Long> repliedAt = new ConcurrentHashMap<>();

    static final Map<Long, List<Long>> arrivalOrder = new ConcurrentHashMap<>();

    static volatile CountDownLatch allReplied;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int botPort = Integer.parseInt(args[1]);
        byte[] secret = args[2].getBytes(StandardCharsets.UTF_8);
        String token = args[3];
        int apiPort = Integer.parseInt(args[4]);
        int groups = Integer.parseInt(args[5]);
        int perGroup = Integer.parseInt(args[6]);
        int waitSeconds = Integer.parseInt(args[7]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpServer api = mode.equals("http") ? fakeApi(apiPort) : null;
        Answering socket = mode.equals("http") ? null : connect(client, botPort, token);
        long firstMessage = FIRST_MESSAGE;
        for (String round : List.of("cold", "warm")) {
            List<Report> reports = reports(groups, perGroup, firstMessage);
            firstMessage += reports.size();
            allReplied = new CountDownLatch(reports.size());
            System.out.println("round " + round);
            if (api != null) {
                sendOverHttp(client, botPort, secret, reports);
            }
            else {
                sendOverWebSocket(socket, reports);
            }
            report(round, reports, groups, waitSeconds);
        }
        if (api != null) {
            api.stop(0);
        }
        System.exit(0);
    }

    static List<Report> reports(int groups, int perGroup, long firstMessage) {
        List<Report> reports = new ArrayList<>();
        long messageId = firstMessage;
        for (int round = 0; round < perGroup; round++) {
            for (int g = 0; g < groups; g++) {
                long group = FIRST_GROUP + g;
                String[] station = STATIONS[(int) (messageId % STATIONS.length)];
                long user = 200_000L + messageId;
                String text = "#上报 " + station[0] + " " + station[1] + " 走访" + (1 + messageId % 90) + "户";
                String body = "{\"time\":1764300000,\"self_id\":10001000,\"post_type\":\"message\","
                        + "\"message_type\":\"group\",\"sub_type\":\"normal\",\"message_id\":" + messageId
                        + ",\"group_id\":" + group + ",\"user_id\":" + user
                        + ",\"message\":[{\"type\":\"text\",\"data\":{\"text\":\"" + text + "\"}}],"
                        + "\"sender\":{\"user_id\":" + user + ",\"nickname\":\"社工" + user
                        + "\",\"card\":\"\",\"role\":\"member\"}}";
                reports.add(new Report(messageId++, group, body));
            }
        }
        return reports;
    }

    /** Records a reply seen in an action's JSON: the message it quotes and its group. */
    static void replied(String action) {
        if (!action.contains("send_group_msg")) {
            return;
        }
        Matcher quoted = QUOTED.matcher(action);
        Matcher group = GROUP.matcher(action);
        if (quoted.find() && group.find()) {
            long messageId = Long.parseLong(quoted.group(1));
            if (repliedAt.putIfAbsent(messageId, System.nanoTime()) == null) {
                arrivalOrder.computeIfAbsent(Long.parseLong(group.group(1)), k -> new ArrayList<>());
                List<Long> order = arrivalOrder.get(Long.parseLong(group.group(1)));
                synchronized (order) {
                    order.add(messageId);
                }
                allReplied.countDown();
            }
        }
    }

    static HttpServer fakeApi(int port) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            replied("send_group_msg".equals(path.substring(path.lastIndexOf('/') + 1)) ? "send_group_msg " + body
                    : body);
            byte[] answer = "{\"status\":\"ok\",\"retcode\":0,\"data\":{\"message_id\":1}}"
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return server;
    }

    static void sendOverHttp(HttpClient client, int port, byte[] secret, List<Report> reports) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/webhook/onebot");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long start = System.nanoTime();
        long step = TimeUnit.SECONDS.toNanos(1) / reports.size();
        for (int i = 0; i < reports.size(); i++) {
            Report report = reports.get(i);
            long due = start + i * step;
            String signature = "sha1=" + hmacSha1(secret, report.body());
            pool.execute(() -> {
                waitUntil(due);
                HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("X-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(report.body()))
                    .build();
                sentAt.put(report.messageId(), System.nanoTime());
                try {
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status / 100 != 2) {
                        System.out.println("report " + report.messageId() + " got HTTP " + status);
                    }
                }
                catch (Exception e) {
                    System.out.println("report " + report.messageId() + " failed: " + e);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        System.out.printf("sent %d reports over HTTP POST in %d ms%n", reports.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    static Answering connect(HttpClient client, int port, String token) {
        Answering listener = new Answering();
        listener.socket = client.newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .header("X-Self-ID", "10001000")
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/onebot/v11/ws"), listener)
            .join();
        return listener;
    }

    static void sendOverWebSocket(Answering socket, List<Report> reports) {
        long start = System.nanoTime();
        long step = TimeUnit.SECONDS.toNanos(1) / reports.size();
        for (int i = 0; i < reports.size(); i++) {
            Report report = reports.get(i);
            waitUntil(start + i * step);
            sentAt.put(report.messageId(), System.nanoTime());
            socket.send(report.body());
        }
        System.out.printf("sent %d reports over reverse WebSocket in %d ms%n", reports.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    static void report(String round, List<Report> reports, int groups, int waitSeconds) throws InterruptedException {
        boolean all = allReplied.await(waitSeconds, TimeUnit.SECONDS);
        long[] every = latencies(reports, null);
        long[] firsts = new long[groups];
        int crossed = 0;
        System.out.println("group      replies  first_ms  p50_ms  p99_ms  max_ms  in_order");
        for (int g = 0; g < groups; g++) {
            long group = FIRST_GROUP + g;
            long[] ms = latencies(reports, group);
            List<Long> order = arrivalOrder.getOrDefault(group, List.of());
            boolean inOrder;
            synchronized (order) {
                inOrder = isSorted(order);
            }
            crossed += inOrder ? 0 : 1;
            long first = reports.stream()
                .filter(r -> r.groupId() == group)
                .findFirst()
                .map(r -> repliedAt.containsKey(r.messageId()) ? millis(r) : -1L)
                .orElse(-1L);
            firsts[g] = first;
            System.out.printf("%d %7d  %8d  %6d  %6d  %6d  %s%n", group, ms.length, first, pct(ms, 50), pct(ms, 99),
                    ms.length == 0 ? -1 : ms[ms.length - 1], inOrder ? "yes" : "crossed");
        }
        Arrays.sort(firsts);
        System.out.printf("ALL round=%s replies=%d/%d p50_ms=%d p99_ms=%d max_ms=%d first_reply_max_ms=%d groups_crossed=%d%s%n",
                round, every.length, reports.size(), pct(every, 50), pct(every, 99),
                every.length == 0 ? -1 : every[every.length - 1], firsts[firsts.length - 1], crossed,
                all ? "" : " (TIMED OUT waiting for the rest)");
    }

    static long[] latencies(List<Report> reports, Long group) {
        return reports.stream()
            .filter(r -> group == null || r.groupId() == group)
            .filter(r -> repliedAt.containsKey(r.messageId()) && sentAt.containsKey(r.messageId()))
            .mapToLong(BurstLatency::millis)
            .sorted()
            .toArray();
    }

    static long millis(Report report) {
        return TimeUnit.NANOSECONDS.toMillis(repliedAt.get(report.messageId()) - sentAt.get(report.messageId()));
    }

    static long pct(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static boolean isSorted(List<Long> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) < values.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    static void waitUntil(long due) {
        long left;
        while ((left = due - System.nanoTime()) > 0) {
            if (left > 2_000_000) {
                try {
                    Thread.sleep(left / 1_000_000 - 1);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            else {
                Thread.onSpinWait();
            }
        }
    }

    static String hmacSha1(byte[] secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers every action frame with an ok envelope and its echo; one frame at a time, as java.net.http needs. */
    static final class Answering implements WebSocket.Listener {

        volatile WebSocket socket;

        final StringBuilder partial = new StringBuilder();

        synchronized void send(String frame) {
            socket.sendText(frame, true).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                replied(frame);
                Matcher echo = ECHO.matcher(frame);
                if (echo.find()) {
                    String answer = "{\"status\":\"ok\",\"retcode\":0,\"data\":{\"message_id\":1},\"echo\":\""
                            + echo.group(1) + "\"}";
                    CompletableFuture.runAsync(() -> send(answer));
                }
            }
            webSocket.request(1);
            return null;
        }

    }

}
