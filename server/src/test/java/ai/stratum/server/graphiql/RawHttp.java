package ai.stratum.server.graphiql;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line byte for byte. HTTP client libraries may normalise {@code ..} out of a
 * path before sending it; a traversal test has to put it on the wire as an attacker would.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** The status code the server answers to {@code GET rawPath}. */
    static int statusOf(URL server, String rawPath) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String request = "GET " + rawPath + " HTTP/1.1\r\nHost: " + server.getHost() + "\r\nConnection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return Integer.parseInt(statusLine(socket.getInputStream()).split(" ")[1]);
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString().trim();
    }
}
