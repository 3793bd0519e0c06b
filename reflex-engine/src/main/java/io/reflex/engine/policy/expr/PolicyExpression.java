package io.reflex.engine.policy.expr;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import dev.cel.runtime.Program;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compiled ABAC policy or scope expression.
 *
 * <p>Operators write the original engine's Python-style expressions ({@code token_name in
 * groups.dev_team and not sensitive}); they are parsed here and translated to CEL, which then
 * compiles and runs them in Google's cel-java sandbox: no loops, no I/O, only the functions this
 * package declares. A text that starts with {@code cel:} is taken as native CEL over the same
 * attributes and functions. See {@code docs/policy-expressions.md} for the language.
 *
 * <p>Instances are immutable and thread-safe; compile once and {@link #test} on every request.
 */
public final class PolicyExpression {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyExpression.class);

    /** The original refused any text containing this, string literals included. */
    private static final Pattern LAMBDA = Pattern.compile("lambda ", Pattern.CASE_INSENSITIVE);

    private static final String CEL_PREFIX = "cel:";

    private final String source;
    private final String cel;
    private final Program program;
    private final boolean nativeCel;

    private PolicyExpression(String source, String cel, Program program, boolean nativeCel) {
        this.source = source;
        this.cel = cel;
        this.program = program;
        this.nativeCel = nativeCel;
    }

    /**
     * Parses, translates and compiles {@code source}. This is the validation the engine runs when a
     * policy or scope is written; names, keys and types are only checked when the expression runs.
     *
     * @throws ExpressionSyntaxException when the text does not parse, uses a construct the language
     *     leaves out, or contains {@code lambda }
     */
    public static PolicyExpression compile(String source) {
        return compile(source, false);
    }

    /**
     * Compiles a filter for the command line's {@code list -e} and {@code slice}: the same language, except that
     * attribute access reads any dict ({@code obj.lane}), as the original command line's objects allowed. Filters
     * only pick what to show, so they may be more lenient than policies, which must not widen on upgrade.
     */
    public static PolicyExpression compileFilter(String source) {
        return compile(source, true);
    }

    private static PolicyExpression compile(String source, boolean attributesOnAnyDict) {
        Objects.requireNonNull(source, "source");
        Matcher lambda = LAMBDA.matcher(source);
        if (lambda.find()) {
            throw ExpressionSyntaxException.at("lambda is not allowed", source, lambda.start());
        }
        String trimmed = source.stripLeading();
        if (trimmed.startsWith(CEL_PREFIX)) {
            int offset = source.length() - trimmed.length() + CEL_PREFIX.length();
            String cel = source.substring(offset);
            return new PolicyExpression(source, cel, CelEnvironment.compile(cel, source, offset, true), true);
        }
        String cel = CelTranslator.translate(Parser.parse(source), attributesOnAnyDict);
        return new PolicyExpression(source, cel, CelEnvironment.compile(cel, source, 0, false), false);
    }

    /**
     * Evaluates the expression against {@code context}: true only when it yields a truthy value.
     * Any error (an undefined name, a missing key, a type error) makes it false and is logged at
     * debug level, as the original engine did; this method never throws.
     */
    public boolean test(ExpressionContext context) {
        EvalState state = EvalState.begin();
        try {
            boolean opaque = !nativeCel;
            Object result = program.eval((CelVariableResolver) name -> context.find(name, opaque));
            if (state.error() != null) {
                LOG.debug("policy expression is false after an error: {} ({})", source, state.error());
                return false;
            }
            return Boolean.TRUE.equals(result);
        } catch (CelEvaluationException | RuntimeException e) {
            LOG.debug("policy expression is false after an error: {} ({})", source, e.getMessage());
            return false;
        } catch (StackOverflowError e) {
            // java.util.regex recurses per repetition, so a pattern like (a|b)* on a long header
            // can overflow; the stack has unwound here and the expression is simply false
            LOG.debug("policy expression is false after a stack overflow: {}", source);
            return false;
        }
    }

    /** The text as the operator wrote it. */
    public String source() {
        return source;
    }

    /** The CEL the expression runs as; for tests and the documentation's examples. */
    String cel() {
        return cel;
    }

    @Override
    public String toString() {
        return "PolicyExpression[" + source + "]";
    }
}
