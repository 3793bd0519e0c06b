package io.reflex.engine.policy.expr;

import io.reflex.engine.policy.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A precedence-climbing parser for the Python expression subset. It accepts exactly what Python's
 * grammar accepts for these constructs, and names the valid Python it leaves out (lambda, {@code *},
 * comprehensions, ...) instead of calling it a syntax error.
 */
final class Parser {

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int COMPARE = 4;
    private static final int BIT_OR = 5;
    private static final int BIT_XOR = 6;
    private static final int BIT_AND = 7;
    private static final int SHIFT = 8;
    private static final int ADD = 9;
    private static final int MULTIPLY = 10;

    private static final int MAX_DEPTH = 100;

    private static final Set<String> KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
            "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
            "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    private final String src;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private Parser(String src) {
        this.src = src;
        this.tokens = Lexer.tokenize(src);
    }

    static Node parse(String src) {
        Parser parser = new Parser(src);
        Node root = parser.expression();
        parser.expect(Kind.END, "");
        return root;
    }

    private Node expression() {
        enter();
        if (peek().isKeyword("lambda")) {
            throw error("lambda is not allowed", peek());
        }
        Node node = binary(OR);
        if (peek().isKeyword("if")) {
            throw error("conditional expressions (x if c else y) are not supported", peek());
        }
        if (peek().isKeyword("for") || peek().isKeyword("async")) {
            throw error("comprehensions are not supported", peek());
        }
        depth--;
        return node;
    }

    private Node binary(int minPrecedence) {
        Node left = unary(minPrecedence);
        while (true) {
            Token op = peek();
            int precedence = precedence(op);
            if (precedence < minPrecedence) {
                return left;
            }
            if (precedence == COMPARE) {
                left = comparison(left);
                continue;
            }
            if (precedence != OR && precedence != AND && precedence != ADD) {
                throw error("operator '" + op.text() + "' is not supported", op);
            }
            next++;
            Node right = binary(precedence + 1);
            left = precedence == ADD ? new Node.Arith(op.text(), left, right) : new Node.BoolOp(precedence == AND, left, right);
        }
    }

    /** The binding strength of {@code t} as a binary operator, or 0 when it is not one. */
    private int precedence(Token t) {
        if (t.kind() == Kind.NAME) {
            return switch (t.text()) {
                case "or" -> OR;
                case "and" -> AND;
                case "in", "is" -> COMPARE;
                case "not" -> peekAt(1).isKeyword("in") ? COMPARE : 0;
                default -> 0;
            };
        }
        if (t.kind() != Kind.OP) {
            return 0;
        }
        return switch (t.text()) {
            case "<", ">", "==", ">=", "<=", "!=" -> COMPARE;
            case "|" -> BIT_OR;
            case "^" -> BIT_XOR;
            case "&" -> BIT_AND;
            case "<<", ">>" -> SHIFT;
            case "+", "-" -> ADD;
            case "*", "/", "//", "%", "@" -> MULTIPLY;
            default -> 0;
        };
    }

    private Node comparison(Node first) {
        List<String> ops = new ArrayList<>();
        List<Node> operands = new ArrayList<>();
        while (precedence(peek()) == COMPARE) {
            Token op = tokens.get(next++);
            String text = op.text();
            if (text.equals("not")) {
                next++;
                text = "not in";
            } else if (text.equals("is") && peek().isKeyword("not")) {
                next++;
                text = "is not";
            }
            ops.add(text);
            operands.add(binary(COMPARE + 1));
        }
        return new Node.Compare(first, List.copyOf(ops), List.copyOf(operands));
    }

    private Node unary(int minPrecedence) {
        Token t = peek();
        if (t.isKeyword("not")) {
            if (minPrecedence > NOT) {
                throw error("invalid syntax", t);
            }
            next++;
            enter();
            Node operand = binary(NOT);
            depth--;
            return new Node.Not(operand);
        }
        if (t.isOp("-") || t.isOp("+")) {
            next++;
            enter();
            Node operand = unary(MULTIPLY + 1);
            depth--;
            return new Node.Unary(t.text(), operand);
        }
        if (t.isOp("~")) {
            throw error("operator '~' is not supported", t);
        }
        Node node = postfix(atom());
        if (peek().isOp("**")) {
            throw error("operator '**' is not supported", peek());
        }
        return node;
    }

    private Node atom() {
        Token t = tokens.get(next);
        switch (t.kind()) {
            case END -> throw error("unexpected EOF while parsing", t);
            case NUMBER -> {
                next++;
                return new Node.Const(t.value());
            }
            case STRING -> {
                StringBuilder joined = new StringBuilder();
                while (peek().kind() == Kind.STRING) {
                    joined.append((String) tokens.get(next++).value());
                }
                return new Node.Const(joined.toString());
            }
            case NAME -> {
                next++;
                return switch (t.text()) {
                    case "True" -> new Node.Const(Boolean.TRUE);
                    case "False" -> new Node.Const(Boolean.FALSE);
                    case "None" -> new Node.Const(null);
                    case "lambda" -> throw error("lambda is not allowed", t);
                    default -> {
                        if (KEYWORDS.contains(t.text())) {
                            throw error("invalid syntax", t);
                        }
                        yield new Node.Name(t.text());
                    }
                };
            }
            default -> {
                if (t.isOp("(")) {
                    next++;
                    return parenthesised();
                }
                if (t.isOp("[")) {
                    next++;
                    return new Node.Sequence(items("]"));
                }
                if (t.isOp("{")) {
                    throw error("dict and set literals are not supported", t);
                }
                throw error("invalid syntax", t);
            }
        }
    }

    /** {@code ()} and {@code (a, b)} are tuples; {@code (a)} is just {@code a}, so {@code ('Instance')} stays a string. */
    private Node parenthesised() {
        if (peek().isOp(")")) {
            next++;
            return new Node.Sequence(List.of());
        }
        Node first = expression();
        if (peek().isOp(")")) {
            next++;
            return first;
        }
        expect(Kind.OP, ",");
        List<Node> items = new ArrayList<>();
        items.add(first);
        items.addAll(items(")"));
        return new Node.Sequence(List.copyOf(items));
    }

    /** Comma-separated expressions up to {@code close}, with Python's optional trailing comma. */
    private List<Node> items(String close) {
        List<Node> items = new ArrayList<>();
        while (!peek().isOp(close)) {
            items.add(expression());
            if (!peek().isOp(close)) {
                expect(Kind.OP, ",");
            }
        }
        next++;
        return List.copyOf(items);
    }

    private Node postfix(Node node) {
        while (true) {
            Token t = peek();
            if (t.isOp("(")) {
                next++;
                node = new Node.Call(node, arguments());
            } else if (t.isOp("[")) {
                next++;
                node = subscript(node);
            } else if (t.isOp(".")) {
                next++;
                Token name = peek();
                if (name.kind() != Kind.NAME || KEYWORDS.contains(name.text())) {
                    throw error(name.kind() == Kind.END ? "unexpected EOF while parsing" : "invalid syntax", name);
                }
                next++;
                node = new Node.Attr(node, name.text());
            } else {
                return node;
            }
        }
    }

    private List<Node> arguments() {
        List<Node> args = new ArrayList<>();
        while (!peek().isOp(")")) {
            if (peek().isOp("*") || peek().isOp("**")) {
                throw error("argument unpacking is not supported", peek());
            }
            if (peek().kind() == Kind.NAME && peekAt(1).isOp("=")) {
                throw error("keyword arguments are not supported", peek());
            }
            args.add(expression());
            if (!peek().isOp(")")) {
                expect(Kind.OP, ",");
            }
        }
        next++;
        return List.copyOf(args);
    }

    private Node subscript(Node value) {
        Node lower = peek().isOp(":") ? null : expression();
        if (!peek().isOp(":")) {
            if (peek().isOp(",")) {
                throw error("tuple subscripts are not supported", peek());
            }
            expect(Kind.OP, "]");
            return new Node.Index(value, lower);
        }
        next++;
        Node upper = peek().isOp(":") || peek().isOp("]") ? null : expression();
        Node step = null;
        if (peek().isOp(":")) {
            next++;
            step = peek().isOp("]") ? null : expression();
        }
        expect(Kind.OP, "]");
        return new Node.Slice(value, lower, upper, step);
    }

    /** Bounds recursion so a hostile text gets a syntax error, not a StackOverflowError. */
    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("expression is nested too deeply", peek());
        }
    }

    private void expect(Kind kind, String text) {
        Token t = peek();
        if (t.kind() != kind || !t.text().equals(text)) {
            throw error(t.kind() == Kind.END ? "unexpected EOF while parsing" : "invalid syntax", t);
        }
        next++;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private ExpressionSyntaxException error(String reason, Token at) {
        return ExpressionSyntaxException.at(reason, src, at.offset());
    }
}
