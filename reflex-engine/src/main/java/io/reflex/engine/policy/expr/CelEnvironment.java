package io.reflex.engine.policy.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.Program;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one CEL environment every expression compiles in: the attributes as {@code dyn} variables and
 * the {@code py_*} functions that carry Python's semantics. Compiler and runtime are built once and
 * are thread-safe; the runtime is cel-java's planner, which evaluates a compiled program without
 * re-resolving overloads on each call.
 */
final class CelEnvironment {

    private static final Logger DEBUG_LOG = LoggerFactory.getLogger("io.reflex.engine.policy.expr.debug");

    private static final CelType DYN = SimpleType.DYN;
    private static final CelType BOOL = SimpleType.BOOL;
    private static final CelType STRING = SimpleType.STRING;

    private static final CelCompiler COMPILER = compiler();
    private static final CelRuntime RUNTIME = runtime();

    private CelEnvironment() {}

    /**
     * Compiles CEL text: an operator's {@code cel:} text starting at {@code offset} in {@code source},
     * or (when {@code nativeCel} is false) the translation of the whole source. Errors in native text
     * point into what the operator wrote; a translation that CEL refuses can only be too deeply
     * nested, which has no useful column.
     */
    static Program compile(String cel, String source, int offset, boolean nativeCel) {
        CelAbstractSyntaxTree ast;
        try {
            ast = COMPILER.compile(cel).getAst();
        } catch (CelValidationException e) {
            CelIssue issue = e.getErrors().getFirst();
            if (!nativeCel) {
                throw ExpressionSyntaxException.at("expression is too complex: " + issue.getMessage(), source, 0);
            }
            int column = issue.getSourceLocation().getColumn();
            int at = offset + lineStart(cel, issue.getSourceLocation().getLine()) + Math.max(0, column);
            throw ExpressionSyntaxException.at(issue.getMessage(), source, at);
        }
        CelType result = ast.getResultType();
        if (nativeCel && !result.equals(BOOL) && !result.equals(DYN)) {
            throw ExpressionSyntaxException.at("a cel: expression must produce a bool, not " + result.name(), source, offset);
        }
        try {
            return RUNTIME.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw ExpressionSyntaxException.at(e.getMessage(), source, offset);
        }
    }

    private static int lineStart(String text, int line) {
        int start = 0;
        for (int l = 1; l < line && start >= 0; l++) {
            start = text.indexOf('\n', start) + 1;
        }
        return start;
    }

    private static CelCompiler compiler() {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.bindings());
        CelTranslator.ATTRIBUTES.forEach(name -> builder.addVar(name, DYN));
        return builder.addFunctionDeclarations(
                        function("py_truthy", BOOL, DYN),
                        function("py_eq", BOOL, DYN, DYN),
                        function("py_lt", BOOL, DYN, DYN),
                        function("py_le", BOOL, DYN, DYN),
                        function("py_gt", BOOL, DYN, DYN),
                        function("py_ge", BOOL, DYN, DYN),
                        function("py_in", BOOL, DYN, DYN),
                        function("py_is", BOOL, DYN, DYN),
                        function("py_add", DYN, DYN, DYN),
                        function("py_sub", DYN, DYN, DYN),
                        function("py_neg", DYN, DYN),
                        function("py_pos", DYN, DYN),
                        function("py_index", DYN, DYN, DYN),
                        function("py_slice", DYN, DYN, DYN, DYN, DYN),
                        function("py_getattr", DYN, DYN, STRING),
                        CelFunctionDecl.newFunctionDeclaration(
                                "py_method",
                                CelOverloadDecl.newGlobalOverload("py_method_0", DYN, DYN, STRING),
                                CelOverloadDecl.newGlobalOverload("py_method_1", DYN, DYN, STRING, DYN),
                                CelOverloadDecl.newGlobalOverload("py_method_2", DYN, DYN, STRING, DYN, DYN),
                                CelOverloadDecl.newGlobalOverload("py_method_3", DYN, DYN, STRING, DYN, DYN, DYN)),
                        regexFunction("py_re_search"),
                        regexFunction("py_re_match"),
                        regexFunction("py_re_fullmatch"),
                        function("py_pwin", BOOL, DYN, DYN, DYN),
                        function("py_pwsin", BOOL, DYN, DYN, DYN),
                        function("py_list", DYN, ListType.create(DYN)),
                        function("py_debug", DYN, ListType.create(DYN)),
                        function("py_error", DYN, STRING))
                .build();
    }

    private static CelFunctionDecl function(String name, CelType result, CelType... params) {
        return CelFunctionDecl.newFunctionDeclaration(name, CelOverloadDecl.newGlobalOverload(name, result, params));
    }

    private static CelFunctionDecl regexFunction(String name) {
        return CelFunctionDecl.newFunctionDeclaration(
                name,
                CelOverloadDecl.newGlobalOverload(name + "_2", DYN, DYN, DYN),
                CelOverloadDecl.newGlobalOverload(name + "_3", DYN, DYN, DYN, DYN));
    }

    private static CelRuntime runtime() {
        Object none = PyOps.NONE;
        Object no = Boolean.FALSE;
        List<CelFunctionBinding> bindings = new ArrayList<>(List.of(
                unary("py_truthy", no, PyOps::truthy),
                binary("py_eq", no, PyOps::eq),
                binary("py_lt", no, (a, b) -> PyOps.compare(a, b, PyOps.Order.LT)),
                binary("py_le", no, (a, b) -> PyOps.compare(a, b, PyOps.Order.LE)),
                binary("py_gt", no, (a, b) -> PyOps.compare(a, b, PyOps.Order.GT)),
                binary("py_ge", no, (a, b) -> PyOps.compare(a, b, PyOps.Order.GE)),
                binary("py_in", no, PyOps::in),
                binary("py_is", no, PyOps::is),
                binary("py_add", none, PyOps::add),
                binary("py_sub", none, PyOps::subtract),
                unary("py_neg", none, PyOps::negate),
                unary("py_pos", none, PyOps::plus),
                binary("py_index", none, PyOps::index),
                nary("py_slice", 4, none, args -> PyOps.slice(args[0], args[1], args[2], args[3])),
                nary("py_getattr", 2, none, args -> PyOps.attribute(args[0], (String) args[1])),
                unary("py_list", none, CelEnvironment::list),
                method(0),
                method(1),
                method(2),
                method(3),
                nary("py_pwin", 3, no, args -> !EvalState.failed() && PasswordChecks.pwin(args[0], args[1], args[2])),
                nary("py_pwsin", 3, no, args -> !EvalState.failed() && PasswordChecks.pwsin(args[0], args[1], args[2])),
                unary("py_debug", none, args -> {
                    if (!EvalState.failed()) {
                        DEBUG_LOG.debug("ABAC DEBUG {}", args);
                    }
                    return PyOps.NONE;
                }),
                unary("py_error", none, message -> {
                    throw new PyError((String) message);
                })));
        for (PyRegex.Mode mode : PyRegex.Mode.values()) {
            String name = "py_re_" + mode.name().toLowerCase(Locale.ROOT);
            bindings.add(binary(name + "_2", none, (p, s) -> PyRegex.apply(mode, p, s, 0L)));
            bindings.add(nary(name + "_3", 3, none, args -> PyRegex.apply(mode, args[0], args[1], args[2])));
        }
        return CelRuntimeFactory.plannerRuntimeBuilder()
                .addFunctionBindings(bindings)
                .build();
    }

    // Every binding unwraps Opaque arguments, wraps dict and list results (see Opaque), and turns a
    // PyError into an entry in EvalState plus a neutral result of the declared type (see EvalState).

    private static CelFunctionBinding unary(String id, Object onError, Function<Object, Object> fn) {
        return CelFunctionBinding.from(id, Object.class, a -> {
            try {
                return Opaque.hide(fn.apply(Opaque.unwrap(a)));
            } catch (PyError e) {
                EvalState.fail(e);
                return onError;
            }
        });
    }

    private static CelFunctionBinding binary(String id, Object onError, BiFunction<Object, Object, Object> fn) {
        return CelFunctionBinding.from(id, Object.class, Object.class, (a, b) -> {
            try {
                return Opaque.hide(fn.apply(Opaque.unwrap(a), Opaque.unwrap(b)));
            } catch (PyError e) {
                EvalState.fail(e);
                return onError;
            }
        });
    }

    private static CelFunctionBinding nary(String id, int arity, Object onError, Function<Object[], Object> fn) {
        return CelFunctionBinding.from(id, Collections.nCopies(arity, Object.class), args -> {
            Object[] plain = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                plain[i] = Opaque.unwrap(args[i]);
            }
            try {
                return Opaque.hide(fn.apply(plain));
            } catch (PyError e) {
                EvalState.fail(e);
                return onError;
            }
        });
    }

    private static CelFunctionBinding method(int arity) {
        return nary("py_method_" + arity, arity + 2, PyOps.NONE,
                args -> PyMethods.call(args[0], (String) args[1], Arrays.copyOfRange(args, 2, args.length)));
    }

    /** A list display: its items may be wrapped, the list Python code sees must not contain wrappers. */
    private static Object list(Object items) {
        List<?> source = (List<?>) items;
        List<Object> plain = new ArrayList<>(source.size());
        for (Object item : source) {
            plain.add(Opaque.unwrap(item));
        }
        return Collections.unmodifiableList(plain);
    }
}
