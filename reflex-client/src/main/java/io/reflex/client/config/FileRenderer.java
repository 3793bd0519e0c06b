package io.reflex.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Computes the bytes of a {@code type: file} config (5.7 {@code write_file}); the launcher writes them.
 */
final class FileRenderer {

    private final FlattenRun run;
    private final ContentFiles files;
    private final String cfgdir;

    FileRenderer(FlattenRun run, ContentFiles files, String cfgdir) {
        this.run = run;
        this.files = files;
        this.cfgdir = cfgdir;
    }

    ConfigFile render(ObjectNode conf, JsonNode variables) {
        String config = Conf.displayName(Conf.name(conf));
        JsonNode content = conf.get(Conf.CONTENT);
        if (!Conf.truthy(content)) {
            throw new ConfigException("Object '" + config + "' missing 'content'");
        }
        String dest = destination(conf, content, config);

        byte[] bytes;
        String origin;
        if (Conf.truthy(content.get("ref"))) {
            origin = "content.ref=" + PyText.str(content.get("ref"));
            bytes = fromRef(conf, content, config);
        } else if (Conf.truthy(content.get("source"))) {
            String source = PyText.str(content.get("source"));
            requireNoParent(source, config + ".content.source");
            origin = "content.source=" + source;
            String path = cfgdir + "/" + source;
            bytes = files.read(path).orElseThrow(() -> new ConfigException("Unable to process config file: " + path));
        } else {
            throw new ConfigException("Cannot find file content for object " + config);
        }
        if ("base64".equals(content.path("encoding").asText())) {
            bytes = decodeBase64(bytes, config);
        }
        if (Conf.truthy(content.get("varsub"))) {
            String text = utf8(bytes, config);
            bytes = run.expander(variables, config).expand(text, origin).text().getBytes(StandardCharsets.UTF_8);
        }
        String path = cfgdir + "/" + dest;
        run.log("CONFIG " + config + " into " + path);
        return new ConfigFile(config, dest, path, ConfigFile.DEFAULT_MODE, bytes);
    }

    private static String destination(ObjectNode conf, JsonNode content, String config) {
        JsonNode dest = Conf.truthy(content.get("dest")) ? content.get("dest") : conf.get(Conf.FILE);
        if (!Conf.truthy(dest)) {
            throw new ConfigException("Cannot find output filename (" + config + ".content.dest)");
        }
        String name = PyText.str(dest);
        requireNoParent(name, config + ".content.dest");
        return name;
    }

    /** Both dest and source are names under cfgdir; the original checked only dest (section 9 item 8). */
    private static void requireNoParent(String fileName, String field) {
        if (fileName.contains("..")) {
            throw new ConfigException("File name cannot contain .. (" + field + ")");
        }
    }

    private static byte[] fromRef(ObjectNode conf, JsonNode content, String config) {
        JsonNode ref = content.get("ref");
        List<String> keys = new ArrayList<>();
        if (ref.isArray()) {
            ref.forEach(key -> keys.add(PyText.str(key)));
        } else {
            keys.addAll(List.of(PyText.str(ref).split("\\.", -1)));
        }
        String shown = String.join(".", keys);
        JsonNode value = Conf.dig(conf, keys).orElseThrow(() ->
                new ConfigException("Cannot find content.ref '" + shown + "' in object " + config));
        if ("application/json".equals(content.path("type").asText())) {
            return PyJson.compact(value).getBytes(StandardCharsets.US_ASCII);
        }
        if (!value.isTextual()) {
            throw new ConfigException("content.ref '" + shown + "' of object " + config
                    + " is not a string; set content.type to application/json to write it as JSON");
        }
        return value.textValue().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decodeBase64(byte[] encoded, String config) {
        try {
            return Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Content of object " + config + " is not valid base64", e);
        }
    }

    private static String utf8(byte[] bytes, String config) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException("Content of object " + config + " is not UTF-8 text, so varsub cannot apply", e);
        }
    }
}
