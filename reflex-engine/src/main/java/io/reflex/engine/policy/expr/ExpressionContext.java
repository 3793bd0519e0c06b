package io.reflex.engine.policy.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The attributes one access check (or one scope mapping) exposes to expressions.
 *
 * <p>An attribute that was never set is <em>undefined</em>, as in the original: a scope evaluated
 * while re-mapping a changed object has no {@code groups}, and an expression that reads an undefined
 * attribute is false. {@code cert_cn} and {@code user_name} are always {@code ""}.
 *
 * <p>Instances are immutable and may be shared between threads and tested against any number of
 * expressions. Work that does not depend on the expression is done at most once: {@code
 * http_headers} is title-cased on first use, {@code obj} is read through a view that converts only
 * the keys an expression touches, and {@code groups} keeps its aliased view across contexts while
 * the same immutable map is passed in.
 */
public final class ExpressionContext {

    private final Long tokenNbr;
    private final String tokenName;
    private final String ip;
    private final Map<String, String> rawHeaders;
    private final Opaque groups;
    private final String action;
    private final Boolean sensitive;
    private final String objType;
    private final boolean objSet;
    private final JsonNode rawObj;

    // Built on first use, wrapped once for the translated expressions. Racing threads may each
    // build one; the results are equal and immutable.
    private Opaque headers;
    private Opaque obj;

    private ExpressionContext(Builder b) {
        this.tokenNbr = b.tokenNbr;
        this.tokenName = b.tokenName;
        this.ip = b.ip;
        this.rawHeaders = b.httpHeaders;
        this.groups = b.groups;
        this.action = b.action;
        this.sensitive = b.sensitive;
        this.objType = b.objType;
        this.objSet = b.objSet;
        this.rawObj = b.obj;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The value of attribute {@code name}, empty when it is undefined. With {@code opaque}, dicts
     * come wrapped in {@link Opaque} for translated expressions; native CEL reads them plain.
     */
    Optional<Object> find(String name, boolean opaque) {
        Object value = switch (name) {
            case "token_nbr" -> tokenNbr;
            case "token_name" -> tokenName;
            case "ip" -> ip;
            case "http_headers" -> pick(headers(), opaque);
            case "groups" -> pick(groups, opaque);
            case "action" -> action;
            case "sensitive" -> sensitive;
            case "obj_type" -> objType;
            case "obj" -> pick(obj(), opaque);
            case "cert_cn", "user_name" -> "";
            default -> null;
        };
        return Optional.ofNullable(value);
    }

    private static Object pick(Opaque value, boolean opaque) {
        return value == null || opaque ? value : value.value();
    }

    private Opaque headers() {
        if (rawHeaders == null) {
            return null;
        }
        Opaque built = headers;
        if (built == null) {
            Map<String, Object> titled = new LinkedHashMap<>();
            rawHeaders.forEach((k, v) -> titled.put(titleCase(k), v));
            built = new Opaque(withUnderscoreAliases(titled));
            headers = built;
        }
        return built;
    }

    private Opaque obj() {
        if (!objSet) {
            return null;
        }
        Opaque built = obj;
        if (built == null) {
            built = new Opaque(JsonValues.toCel(rawObj));
            obj = built;
        }
        return built;
    }

    /** Python's {@code str.title()}, which is how the original's HTTP server spelled header names. */
    static String titleCase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            out.appendCodePoint(previousCased ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
            previousCased = Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Adds {@code a_b} for every key {@code a-b}, unless a real key already has that name. */
    static Map<String, Object> withUnderscoreAliases(Map<String, ?> map) {
        Map<String, Object> out = new HashMap<>(map);
        map.forEach((k, v) -> {
            if (k.indexOf('-') >= 0) {
                out.putIfAbsent(k.replace('-', '_'), v);
            }
        });
        return Map.copyOf(out);
    }

    /** Collects attributes; each setter defines one attribute. */
    public static final class Builder {
        private Long tokenNbr;
        private String tokenName;
        private String ip;
        private Map<String, String> httpHeaders;
        private Opaque groups;
        private String action;
        private Boolean sensitive;
        private String objType;
        private boolean objSet;
        private JsonNode obj;

        private Builder() {}

        /** The session's apikey id, 0 when anonymous. */
        public Builder tokenNbr(long tokenNbr) {
            this.tokenNbr = tokenNbr;
            return this;
        }

        public Builder tokenName(String tokenName) {
            this.tokenName = Objects.requireNonNull(tokenName, "tokenName");
            return this;
        }

        /** The raw {@code X-Forwarded-For} header when present (it may be a list), else the peer address. */
        public Builder ip(String ip) {
            this.ip = Objects.requireNonNull(ip, "ip");
            return this;
        }

        /** Request headers under any spelling; expressions see them title-cased ({@code X-Password}). */
        public Builder httpHeaders(Map<String, String> httpHeaders) {
            this.httpHeaders = Map.copyOf(httpHeaders);
            return this;
        }

        /**
         * Every group's name and its {@code _grp} member list. Groups change rarely and every check
         * needs them, so when the same deeply immutable map ({@code Map.copyOf} of {@code List.copyOf}
         * lists) is passed again, as from the engine's group cache, the view with its underscore
         * aliases is reused instead of rebuilt.
         */
        public Builder groups(Map<String, List<String>> groups) {
            this.groups = GroupsView.of(groups);
            return this;
        }

        /** {@code "read"} or {@code "write"}. */
        public Builder action(String action) {
            this.action = Objects.requireNonNull(action, "action");
            return this;
        }

        public Builder sensitive(boolean sensitive) {
            this.sensitive = sensitive;
            return this;
        }

        /** The table name: {@code Config}, {@code Grp}, ... */
        public Builder objType(String objType) {
            this.objType = Objects.requireNonNull(objType, "objType");
            return this;
        }

        /**
         * The object under check as JSON; {@code null} (or a JSON null) is Python's None. It is read
         * when expressions run, not copied, so it must not be modified afterwards.
         */
        public Builder obj(JsonNode obj) {
            this.objSet = true;
            this.obj = obj;
            return this;
        }

        public ExpressionContext build() {
            return new ExpressionContext(this);
        }
    }
}
