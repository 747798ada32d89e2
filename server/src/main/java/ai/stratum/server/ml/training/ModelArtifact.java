package ai.stratum.server.ml.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A trained model as stored: which model it is, the version of the input encoding it was trained on,
 * the few numbers it needs beside the trees (such as the conformal interval's width), and the trees in
 * their library's own format. What the registry's {@code artifact} column and the default-model resources
 * hold.
 *
 * @param type            the model
 * @param encodingVersion the input encoding's version at training time
 * @param properties      named numbers and texts the model needs, in a stable order
 * @param payload         the trees
 */
public record ModelArtifact(ModelType type, int encodingVersion, Map<String, String> properties, byte[] payload) {

    private static final byte[] MAGIC = "STRATUM-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;

    public ModelArtifact {
        Objects.requireNonNull(type, "type");
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** @return a property that must be there */
    public String property(String name) {
        String value = properties.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the " + type + " model artifact has no '" + name + "'");
        }
        return value;
    }

    /** @return the artifact as bytes */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(type.name());
            out.writeInt(encodingVersion);
            out.writeInt(properties.size());
            for (Map.Entry<String, String> property : properties.entrySet()) {
                out.writeUTF(property.getKey());
                out.writeUTF(property.getValue());
            }
            out.writeInt(payload.length);
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes what {@link #toBytes()} wrote
     * @return the artifact
     * @throws IllegalArgumentException when the bytes are not an artifact of this format
     */
    public static ModelArtifact fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException("not a Stratum model artifact");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("model artifact format " + format + " is not " + FORMAT);
            }
            ModelType type = ModelType.valueOf(in.readUTF());
            int encodingVersion = in.readInt();
            int count = in.readInt();
            Map<String, String> properties = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                properties.put(in.readUTF(), in.readUTF());
            }
            int length = in.readInt();
            if (length < 0 || length > bytes.length) {
                throw new IllegalArgumentException("model artifact payload length " + length + " is impossible");
            }
            byte[] payload = in.readNBytes(length);
            if (payload.length != length) {
                throw new IllegalArgumentException("model artifact is truncated");
            }
            return new ModelArtifact(type, encodingVersion, properties, payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("model artifact is truncated or corrupt", e);
        }
    }
}
