package dev.wfmconnector.simulator.pubsub;

import com.google.protobuf.ByteString;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.Map;

/**
 * Event payloads in Avro binary encoding, the format of {@code ProducerEvent.payload}. Field values given as Java
 * objects are converted to the schema's types: instants to epoch milliseconds, numbers widened, text to strings.
 */
final class AvroPayloads {

    static final String CREATED_DATE = "CreatedDate";
    static final String CREATED_BY_ID = "CreatedById";

    private AvroPayloads() {
    }

    /**
     * A record of {@code schema} from field values by API name; {@code CreatedDate} and {@code CreatedById} are
     * filled in when the schema has them and {@code fields} does not; other fields left out take their defaults.
     */
    static GenericRecord record(Schema schema, Map<String, Object> fields, Instant createdDate, String createdById) {
        for (String name : fields.keySet()) {
            if (schema.getField(name) == null) {
                throw new IllegalArgumentException("No field " + name + " in " + schema.getFullName());
            }
        }
        Map<String, Object> values = new HashMap<>(fields);
        values.putIfAbsent(CREATED_DATE, createdDate);
        values.putIfAbsent(CREATED_BY_ID, createdById);
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            if (values.containsKey(field.name())) {
                record.put(field.pos(), convert(field.schema(), values.get(field.name()), field.name()));
            } else if (field.hasDefaultValue()) {
                record.put(field.pos(), GenericData.get().getDefaultValue(field));
            } else {
                throw new IllegalArgumentException("Field " + field.name() + " of " + schema.getFullName() + " is required");
            }
        }
        return record;
    }

    static ByteString encode(GenericRecord record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
            return ByteString.copyFrom(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes one record; fails when the payload does not match the schema or has bytes left over. */
    static GenericRecord decode(Schema schema, ByteString payload) throws IOException {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload.toByteArray(), null);
        GenericRecord record = new GenericDatumReader<GenericRecord>(schema).read(null, decoder);
        if (!decoder.isEnd()) {
            throw new IOException("payload has bytes after the record");
        }
        return record;
    }

    private static Object convert(Schema type, Object value, String name) {
        if (value == null) {
            if (type.isNullable()) {
                return null;
            }
            throw new IllegalArgumentException("Field " + name + " may not be null");
        }
        Schema target = type;
        if (type.isUnion()) {
            target = type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
        }
        return switch (target.getType()) {
            case LONG -> value instanceof TemporalAccessor time ? Instant.from(time).toEpochMilli() : number(value, name).longValue();
            case INT -> number(value, name).intValue();
            case DOUBLE -> number(value, name).doubleValue();
            case FLOAT -> number(value, name).floatValue();
            case STRING -> value.toString();
            default -> value;
        };
    }

    private static Number number(Object value, String name) {
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException("Field " + name + " needs a number, not " + value.getClass().getSimpleName());
    }
}
