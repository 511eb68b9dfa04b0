package sextant.alpaca.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Alpaca's trading stream ({@code /stream}) on 127.0.0.1: a small RFC 6455 server on a raw socket, since the JDK's
 * HttpServer cannot upgrade a connection. It follows the documented protocol: the client authenticates
 * ({@code {"action":"auth","key":…,"secret":…}}, or the older {@code authenticate} with {@code key_id}/{@code secret_key})
 * and is answered on the {@code authorization} stream; it then sends {@code listen} for {@code trade_updates} and is
 * acknowledged on the {@code listening} stream. Server messages go out as binary frames, as the paper endpoint sends
 * them. {@link #available(boolean) available(false)} drops every connection and refuses new handshakes (HTTP 503), so
 * tests can cover the client's polling fallback and its reconnect.
 */
final class FakeTradeStream implements AutoCloseable {
    private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final String keyId;
    private final String secretKey;
    private final ServerSocket server;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger refusedAuth = new AtomicInteger();
    private volatile boolean available = true;
    private volatile boolean replayOnListen;

    FakeTradeStream(String keyId, String secretKey) throws IOException {
        this.keyId = keyId;
        this.secretKey = secretKey;
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::acceptLoop, "fake-alpaca-stream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Sends a trade_updates message to every listening client (and keeps it for {@link #replayOnListen}). */
    void broadcast(String message) {
        sent.add(message);
        for (Session s : sessions) {
            if (s.listening) {
                s.send(message);
            }
        }
    }

    /** Off: every connection is dropped at once (no close frame) and new handshakes get HTTP 503. */
    void available(boolean on) {
        available = on;
        if (!on) {
            dropConnections();
        }
    }

    /** Drops every connection without a close frame, as a network fault would; new connections are accepted. */
    void dropConnections() {
        for (Session s : sessions) {
            s.kill();
        }
    }

    /** When on, a client that starts listening first gets every trade update sent so far again (a redelivery). */
    void replayOnListen(boolean on) {
        replayOnListen = on;
    }

    StreamStats stats() {
        return new StreamStats((int) sessions.stream().filter(s -> s.listening).count(), handshakes.get(), refusedAuth.get());
    }

    @Override
    public void close() {
        available = false;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        dropConnections();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Session s = new Session(socket);
                Thread t = new Thread(s::run, "fake-alpaca-stream-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private final class Session {
        private final Socket socket;
        private OutputStream out;
        private volatile boolean listening;
        private boolean authorised;

        Session(Socket socket) {
            this.socket = socket;
        }

        void run() {
            try (socket) {
                InputStream in = socket.getInputStream();
                out = socket.getOutputStream();
                if (!handshake(in)) {
                    return;
                }
                sessions.add(this);
                while (true) {
                    String message = readMessage(in);
                    if (message == null) {
                        return;
                    }
                    handle(message);
                }
            } catch (IOException e) {
                // connection gone
            } finally {
                listening = false;
                sessions.remove(this);
            }
        }

        private boolean handshake(InputStream in) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return false;
                }
                if (b == '\n') {
                    String l = line.toString().strip();
                    if (l.isEmpty()) {
                        break;
                    }
                    lines.add(l);
                    line.setLength(0);
                } else {
                    line.append((char) b);
                }
            }
            Map<String, String> headers = new HashMap<>();
            for (String l : lines.subList(1, lines.size())) {
                int c = l.indexOf(':');
                if (c > 0) {
                    headers.put(l.substring(0, c).strip().toLowerCase(Locale.ROOT), l.substring(c + 1).strip());
                }
            }
            String[] request = lines.isEmpty() ? new String[0] : lines.get(0).split(" ");
            if (!available) {
                answer("503 Service Unavailable");
                return false;
            }
            if (request.length < 2 || !request[0].equals("GET") || !request[1].equals("/stream")) {
                answer("404 Not Found");
                return false;
            }
            String key = headers.get("sec-websocket-key");
            if (key == null || !"websocket".equalsIgnoreCase(headers.getOrDefault("upgrade", ""))) {
                answer("400 Bad Request");
                return false;
            }
            handshakes.incrementAndGet();
            String accept = Base64.getEncoder().encodeToString(sha1(key + WS_GUID));
            synchronized (this) {
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            return true;
        }

        private void answer(String status) throws IOException {
            out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** The next text or binary message (fragments joined), answering pings; null once the client closed. */
        private String readMessage(InputStream in) throws IOException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int b0 = readByte(in);
                int b1 = readByte(in);
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0F;
                long len = b1 & 0x7F;
                if (len == 126) {
                    len = ((long) readByte(in) << 8) | readByte(in);
                } else if (len == 127) {
                    len = 0;
                    for (int i = 0; i < 8; i++) {
                        len = (len << 8) | readByte(in);
                    }
                }
                byte[] mask = new byte[4];
                boolean masked = (b1 & 0x80) != 0;
                if (masked) {
                    readFully(in, mask);
                }
                byte[] payload = new byte[(int) len];
                readFully(in, payload);
                if (masked) {
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                }
                switch (opcode) {
                    case 0x8 -> {
                        frame(0x8, payload);
                        return null;
                    }
                    case 0x9 -> frame(0xA, payload);
                    case 0xA -> {
                        // pong: nothing to do
                    }
                    default -> {
                        message.write(payload);
                        if (fin) {
                            return message.toString(StandardCharsets.UTF_8);
                        }
                    }
                }
            }
        }

        private void handle(String text) {
            JsonNode n;
            try {
                n = mapper.readTree(text);
            } catch (IOException e) {
                send("{\"stream\":\"error\",\"data\":{\"error\":\"invalid json\"}}");
                return;
            }
            String action = n.path("action").asText("");
            switch (action) {
                case "auth", "authenticate" -> {
                    String id = action.equals("auth") ? n.path("key").asText("") : n.path("data").path("key_id").asText("");
                    String secret = action.equals("auth") ? n.path("secret").asText("")
                            : n.path("data").path("secret_key").asText("");
                    authorised = keyId.equals(id) && secretKey.equals(secret);
                    send("{\"stream\":\"authorization\",\"data\":{\"action\":\"authenticate\",\"status\":\""
                            + (authorised ? "authorized" : "unauthorized") + "\"}}");
                    if (!authorised) {
                        refusedAuth.incrementAndGet();
                        frame(0x8, new byte[0]);
                        kill();
                    }
                }
                case "listen" -> {
                    if (!authorised) {
                        send("{\"stream\":\"authorization\",\"data\":{\"action\":\"listen\",\"status\":\"unauthorized\"}}");
                        kill();
                        return;
                    }
                    boolean trade = false;
                    for (JsonNode s : n.path("data").path("streams")) {
                        trade |= s.asText().equals("trade_updates");
                    }
                    send("{\"stream\":\"listening\",\"data\":{\"streams\":[" + (trade ? "\"trade_updates\"" : "") + "]}}");
                    if (trade && !listening) {
                        if (replayOnListen) {
                            sent.forEach(this::send);
                        }
                        listening = true;
                    }
                }
                default -> send("{\"stream\":\"error\",\"data\":{\"error\":\"unknown action\"}}");
            }
        }

        void send(String message) {
            frame(0x2, message.getBytes(StandardCharsets.UTF_8));
        }

        private synchronized void frame(int opcode, byte[] payload) {
            try {
                ByteArrayOutputStream f = new ByteArrayOutputStream();
                f.write(0x80 | opcode);
                if (payload.length < 126) {
                    f.write(payload.length);
                } else if (payload.length < 65_536) {
                    f.write(126);
                    f.write(payload.length >> 8);
                    f.write(payload.length & 0xFF);
                } else {
                    f.write(127);
                    for (int i = 7; i >= 0; i--) {
                        f.write((int) ((long) payload.length >> (8 * i)) & 0xFF);
                    }
                }
                f.write(payload);
                out.write(f.toByteArray());
                out.flush();
            } catch (IOException e) {
                kill();
            }
        }

        void kill() {
            listening = false;
            try {
                socket.close();
            } catch (IOException e) {
                // gone already
            }
        }
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private static void readFully(InputStream in, byte[] buf) throws IOException {
        int off = 0;
        while (off < buf.length) {
            int r = in.read(buf, off, buf.length - off);
            if (r < 0) {
                throw new EOFException();
            }
            off += r;
        }
    }

    private static byte[] sha1(String s) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.ISO_8859_1));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
