// Load client of bench/ws-ingest.sh, run as a single-file program (java OneBotLoad.java ...), JDK only.
// Usage: OneBotLoad MODE PORT TOKEN FILE CONNECTIONS
//   MODE http: CONNECTIONS threads POST the events of FILE ("<X-Signature>\t<body>" lines, ingest/events.py) to
//              /webhook/onebot, thread k taking lines k, k+CONNECTIONS, ...; prints "DONE ok2xx=.. other=.."
//   MODE ws:   CONNECTIONS reverse WebSockets to /onebot/v11/ws (Bearer TOKEN, one account) send the same slices as
//              text frames and answer every action frame the bot sends with an ok envelope and its echo; prints
//              "SENT frames=.." when all are sent, then keeps answering until it is stopped (by pid).
// Talks to 127.0.0.1 only.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class OneBotLoad {

    static final Pattern ECHO = Pattern.compile("\"echo\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        String token = args[2];
        List<String> lines = Files.readAllLines(Path.of(args[3]));
        int connections = Integer.parseInt(args[4]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        if (mode.equals("http")) {
            http(client, port, lines, connections);
        }
        else {
            ws(client, port, token, lines, connections);
        }
    }

    static void http(HttpClient client, int port, List<String> lines, int connections) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong other = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        URI uri = URI.create("http://127.0.0.1:" + port + "/webhook/onebot");
        for (int k = 0; k < connections; k++) {
            int slice = k;
            Thread thread = new Thread(() -> {
                for (int i = slice; i < lines.size(); i += connections) {
                    String line = lines.get(i);
                    int tab = line.indexOf('\t');
                    HttpRequest request = HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .header("X-Signature", line.substring(0, tab))
                        .POST(HttpRequest.BodyPublishers.ofString(line.substring(tab + 1)))
                        .build();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status / 100 == 2 ? ok : other).incrementAndGet();
                    }
                    catch (Exception e) {
                        other.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("DONE ok2xx=" + ok + " other=" + other);
    }

    static void ws(HttpClient client, int port, String token, List<String> lines, int connections) throws Exception {
        AtomicLong answered = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < connections; k++) {
            int slice = k;
            Answering listener = new Answering(answered);
            WebSocket socket = client.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .header("X-Self-ID", "10001000")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/onebot/v11/ws"), listener)
                .join();
            listener.socket = socket;
            Thread thread = new Thread(() -> {
                for (int i = slice; i < lines.size(); i += connections) {
                    String line = lines.get(i);
                    listener.send(line.substring(line.indexOf('\t') + 1));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("SENT frames=" + lines.size());
        while (true) {
            Thread.sleep(1000);
            System.out.println("ANSWERED actions=" + answered);
        }
    }

    /** Answers every action frame; sends one frame at a time, as java.net.http requires. */
    static final class Answering implements WebSocket.Listener {

        final AtomicLong answered;

        volatile WebSocket socket;

        final StringBuilder partial = new StringBuilder();

        Answering(AtomicLong answered) {
            this.answered = answered;
        }

        synchronized void send(String frame) {
            socket.sendText(frame, true).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                Matcher echo = ECHO.matcher(partial);
                if (echo.find()) {
                    String answer = "{\"status\":\"ok\",\"retcode\":0,\"data\":{\"message_id\":1},\"echo\":\""
                            + echo.group(1) + "\"}";
                    CompletableFuture.runAsync(() -> send(answer));
                    answered.incrementAndGet();
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

    }

}
