package sextant.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: a headless Chromium driven over the DevTools protocol (java.net.http WebSocket, 127.0.0.1 only).
 * It records every page error (uncaught exceptions, console errors, log errors) and every request that is not
 * for a file: or data: URL, so a test can assert that a page is clean and needs no network.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    /** The Chromium executable: $SEXTANT_CHROMIUM, or the first of Debian's and the usual names that exists. */
    static Optional<Path> find() {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("SEXTANT_CHROMIUM");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
                "/usr/bin/google-chrome-stable"));
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    static Chromium start(Path executable, Path userDataDir) throws Exception {
        List<String> cmd = List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + userDataDir, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "about:blank");
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> url = new CompletableFuture<>();
        StringBuilder stderr = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    } else if (!url.isDone()) {
                        stderr.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IllegalStateException("chromium exited before DevTools started:\n" + stderr));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        String ws;
        try {
            ws = url.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
        return new Chromium(p, ws);
    }

    private Chromium(Process process, String wsUrl) throws Exception {
        this.process = process;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                .buildAsync(URI.create(wsUrl), new Listener()).get(30, TimeUnit.SECONDS);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    dispatch(JSON.readTree(text));
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            ws.request(1);
            return null;
        }
    }

    private void dispatch(JsonNode msg) {
        if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
            if (f != null) {
                if (msg.has("error")) {
                    f.completeExceptionally(new IllegalStateException("DevTools error: " + msg.get("error")));
                } else {
                    f.complete(msg.path("result"));
                }
            }
            return;
        }
        String method = msg.path("method").asText();
        JsonNode params = msg.path("params");
        switch (method) {
            case "Runtime.exceptionThrown" -> errors.add("exception: " + params.path("exceptionDetails").path("exception")
                    .path("description").asText(params.path("exceptionDetails").path("text").asText()));
            case "Runtime.consoleAPICalled" -> {
                if (params.path("type").asText().equals("error") || params.path("type").asText().equals("assert")) {
                    errors.add("console." + params.path("type").asText() + ": " + params.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                if (params.path("entry").path("level").asText().equals("error")) {
                    errors.add("log: " + params.path("entry").path("text").asText() + " "
                            + params.path("entry").path("url").asText());
                }
            }
            case "Network.requestWillBeSent" -> {
                String u = params.path("request").path("url").asText();
                if (!u.startsWith("file:") && !u.startsWith("data:") && !u.equals("about:blank")) {
                    requests.add(u);
                }
            }
            default -> {
            }
        }
        events.add(msg);
    }

    JsonNode send(String sessionId, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
        return f.get(60, TimeUnit.SECONDS);
    }

    /** A tab showing {@code url}, returned once its load event fired. */
    Tab open(String url, int width, int height) throws Exception {
        String target = send(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        String session = send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        for (String domain : List.of("Runtime.enable", "Log.enable", "Page.enable", "Network.enable")) {
            send(session, domain, Map.of());
        }
        send(session, "Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        int seen = events.size();
        send(session, "Page.navigate", Map.of("url", url));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (int i = seen; i < events.size(); i++) {
                JsonNode e = events.get(i);
                if (e.path("method").asText().equals("Page.loadEventFired") && e.path("sessionId").asText().equals(session)) {
                    return new Tab(session);
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("page did not load within 60 s: " + url);
    }

    /** One attached tab. */
    final class Tab {
        private final String session;

        private Tab(String session) {
            this.session = session;
        }

        /** Evaluates a JavaScript expression and returns its JSON value; a thrown exception fails the call. */
        JsonNode eval(String expression) throws Exception {
            JsonNode r = send(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                    "awaitPromise", true));
            if (r.has("exceptionDetails")) {
                throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
            }
            return r.path("result").path("value");
        }

        /** A PNG of the whole page (or its top {@code maxHeight} pixels) at {@code scale}. */
        void screenshot(Path file, int maxHeight, double scale) throws Exception {
            int width = eval("document.documentElement.scrollWidth").asInt();
            int height = Math.min(maxHeight, eval("document.documentElement.scrollHeight").asInt());
            JsonNode r = send(session, "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", scale)));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode(r.path("data").asText()));
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The browser is killed below either way.
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
