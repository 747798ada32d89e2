package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Credentials;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plaintext form of credentials before sealing: a version byte, the entry count, then each name
 * and value as length-prefixed UTF-8, names sorted. A fixed binary form rather than JSON keeps the
 * cipher free of a JSON mapper and makes the bytes for equal credentials equal.
 */
final class CredentialsCodec {

    private static final int VERSION = 1;
    private static final int MAX_ENTRIES = 64;
    private static final int MAX_LENGTH = 64 * 1024;

    private CredentialsCodec() {
    }

    static byte[] encode(Credentials credentials) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            Map<String, String> sorted = new TreeMap<>(credentials.values());
            out.writeInt(sorted.size());
            for (Map.Entry<String, String> entry : sorted.entrySet()) {
                write(out, entry.getKey());
                write(out, entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Credentials decode(byte[] plaintext) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown credentials format version " + version);
            }
            int count = in.readInt();
            if (count < 0 || count > MAX_ENTRIES) {
                throw new IllegalArgumentException("implausible credentials entry count " + count);
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < count; i++) {
                values.put(read(in), read(in));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("trailing bytes after the credentials");
            }
            return Credentials.of(values);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated credentials", e);
        }
    }

    private static void write(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a credential is longer than " + MAX_LENGTH + " bytes");
        }
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("implausible credential length " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
