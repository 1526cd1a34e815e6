package fixtures;

import java.beans.XMLDecoder;
import java.io.*;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;

class Deser {
    Object read(InputStream body) throws Exception {
        // ruleid: java-object-input-stream
        Object o = new ObjectInputStream(body).readObject();
        // ruleid: java-object-input-stream
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(body))) {
            return in.readObject();
        }
    }

    Object filtered(InputStream body) throws Exception {
        // ok: java-object-input-stream
        ObjectInputStream in = new ObjectInputStream(body);
        in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.example.dto.*;!*"));
        return in.readObject();
    }

    Object allowList(InputStream body) throws Exception {
        // ok: java-object-input-stream
        ObjectInputStream in = new ObjectInputStream(body) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                if (!desc.getName().startsWith("com.example.dto.")) throw new InvalidClassException(desc.getName());
                return super.resolveClass(desc);
            }
        };
        // ok: java-object-input-stream
        ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream());
        // ok: java-object-input-stream
        ValidatingObjectInputStream v = new ValidatingObjectInputStream(body);
        return in.readObject();
    }

    Object beans(InputStream upload) {
        // ruleid: java-xmldecoder
        XMLDecoder d = new XMLDecoder(upload);
        // ok: java-xmldecoder
        XMLEncoder e = new XMLEncoder(System.out);
        return d.readObject();
    }

    void jackson(ObjectMapper mapper) {
        // ruleid: java-jackson-default-typing
        mapper.enableDefaultTyping();
        // ruleid: java-jackson-default-typing
        mapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
        // ok: java-jackson-default-typing
        mapper.activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfSubType("com.example.").build());
    }

    static class Envelope {
        // ruleid: java-jackson-default-typing
        @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
        public Object payload;

        // ok: java-jackson-default-typing
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
        public Object named;

        // ok: java-jackson-default-typing
        @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
        public Shape shape;
    }
}
