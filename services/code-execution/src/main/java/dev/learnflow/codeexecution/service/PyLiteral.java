package dev.learnflow.codeexecution.service;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses Python literal syntax the way {@code ast.literal_eval} accepts it: None/True/False/..., ints (with
 * underscores, 0x/0o/0b), floats, complex ({@code 1+2j}), strings and bytes with prefixes, escapes and implicit
 * concatenation, tuples, lists, dicts, sets and {@code set()}, a sign on numbers. Used for a test's expected
 * value (a bad one is a 400 before anything runs) and for the canonical value the sandbox reports (untrusted, so
 * size and depth are bounded and every failure is a {@link LiteralException}).
 */
public final class PyLiteral {

    /** The text is not a Python literal. */
    public static final class LiteralException extends Exception {
        LiteralException(String message) {
            super(message);
        }
    }

    private static final int MAX_LENGTH = 256 * 1024;
    private static final int MAX_DEPTH = 200;
    /** CPython refuses longer decimal integer literals (sys.int_info.default_max_str_digits). */
    private static final int MAX_DECIMAL_DIGITS = 4_300;

    private final String s;
    private int pos;
    private int depth;

    private PyLiteral(String s) {
        this.s = s;
    }

    public static PyValue parse(String text) throws LiteralException {
        if (text == null) {
            throw new LiteralException("no value");
        }
        if (text.length() > MAX_LENGTH) {
            throw new LiteralException("value too long");
        }
        PyLiteral p = new PyLiteral(text);
        p.skipSpace();
        if (p.atEnd()) {
            throw new LiteralException("empty value");
        }
        PyValue v = p.expression();
        p.skipSpace();
        if (!p.atEnd()) {
            throw p.error("unexpected '" + p.s.charAt(p.pos) + "'");
        }
        return v;
    }

    /** Whether the text is a Python literal. */
    public static boolean isLiteral(String text) {
        try {
            parse(text);
            return true;
        } catch (LiteralException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------ grammar

    /** {@code a} or the tuple {@code a, b,} (a bare comma makes a tuple, as in Python). */
    private PyValue expression() throws LiteralException {
        PyValue first = single();
        skipSpace();
        if (!peek(',')) {
            return first;
        }
        List<PyValue> items = new ArrayList<>();
        items.add(first);
        while (peek(',')) {
            pos++;
            skipSpace();
            if (atEnd() || peek(')')) {
                break;
            }
            items.add(single());
            skipSpace();
        }
        return new PyValue.PyTuple(List.copyOf(items));
    }

    /** One element: a value, a signed number, or {@code real ± imaginary} (the only arithmetic allowed). */
    private PyValue single() throws LiteralException {
        PyValue left = signedOrAtom();
        skipSpace();
        if ((peek('+') || peek('-')) && (left instanceof PyValue.PyInt || left instanceof PyValue.PyFloat)) {
            boolean minus = s.charAt(pos) == '-';
            pos++;
            skipSpace();
            PyValue right = atom();
            if (!(right instanceof PyValue.PyComplex c) || c.real() != 0.0) {
                throw error("only 'real + imaginary' is allowed between numbers");
            }
            return new PyValue.PyComplex(realValue(left), minus ? -c.imag() : c.imag());
        }
        return left;
    }

    private PyValue signedOrAtom() throws LiteralException {
        skipSpace(); // a value may follow ':' after spaces, e.g. {'a': -1}
        if (peek('+') || peek('-')) {
            boolean minus = s.charAt(pos) == '-';
            pos++;
            skipSpace();
            if (atEnd() || !(Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                throw error("a sign must precede a number");
            }
            PyValue n = number();
            return minus ? negate(n) : n;
        }
        return atom();
    }

    private PyValue atom() throws LiteralException {
        skipSpace();
        if (atEnd()) {
            throw error("unexpected end");
        }
        char c = s.charAt(pos);
        if (c == '(') {
            return enter(() -> {
                if (emptyBrackets(')')) {
                    return new PyValue.PyTuple(List.of());
                }
                PyValue inner = expression();
                skipSpace();
                expect(')');
                return inner;
            });
        }
        if (c == '[') {
            return enter(() -> {
                pos++;
                List<PyValue> items = items(']');
                return new PyValue.PyList(List.copyOf(items));
            });
        }
        if (c == '{') {
            return enter(this::dictOrSet);
        }
        if (c == '.' && s.startsWith("...", pos)) {
            pos += 3;
            return new PyValue.PyEllipsis();
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (c == '\'' || c == '"' || isStringPrefixStart()) {
            return strings();
        }
        if (Character.isLetter(c) || c == '_') {
            String word = identifier();
            switch (word) {
                case "None":
                    return new PyValue.PyNone();
                case "True":
                    return new PyValue.PyBool(true);
                case "False":
                    return new PyValue.PyBool(false);
                case "set":
                    skipSpace();
                    expect('(');
                    skipSpace();
                    expect(')');
                    return new PyValue.PySet(List.of());
                default:
                    throw error("'" + word + "' is not a literal");
            }
        }
        throw error("unexpected '" + c + "'");
    }

    private List<PyValue> items(char close) throws LiteralException {
        List<PyValue> items = new ArrayList<>();
        skipSpace();
        while (!peek(close)) {
            items.add(single());
            skipSpace();
            if (peek(',')) {
                pos++;
                skipSpace();
            } else if (!peek(close)) {
                throw error("expected ',' or '" + close + "'");
            }
        }
        pos++;
        return items;
    }

    private PyValue dictOrSet() throws LiteralException {
        if (emptyBrackets('}')) {
            return new PyValue.PyDict(List.of());
        }
        PyValue first = single();
        skipSpace();
        if (peek(':')) {
            List<Map.Entry<PyValue, PyValue>> entries = new ArrayList<>();
            pos++;
            putEntry(entries, first, single());
            skipSpace();
            while (peek(',')) {
                pos++;
                skipSpace();
                if (peek('}')) {
                    break;
                }
                PyValue key = single();
                skipSpace();
                expect(':');
                putEntry(entries, key, single());
                skipSpace();
            }
            expect('}');
            return new PyValue.PyDict(List.copyOf(entries));
        }
        List<PyValue> items = new ArrayList<>();
        addElement(items, first);
        while (peek(',')) {
            pos++;
            skipSpace();
            if (peek('}')) {
                break;
            }
            addElement(items, single());
            skipSpace();
        }
        expect('}');
        return new PyValue.PySet(List.copyOf(items));
    }

    private void putEntry(List<Map.Entry<PyValue, PyValue>> entries, PyValue key, PyValue value)
            throws LiteralException {
        if (!PyValue.hashable(key)) {
            throw error("unhashable dict key");
        }
        for (int i = 0; i < entries.size(); i++) {
            if (PyValue.pyEquals(entries.get(i).getKey(), key)) {
                // Python keeps the first key object and the last value.
                entries.set(i, new AbstractMap.SimpleImmutableEntry<>(entries.get(i).getKey(), value));
                return;
            }
        }
        entries.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
    }

    private void addElement(List<PyValue> items, PyValue v) throws LiteralException {
        if (!PyValue.hashable(v)) {
            throw error("unhashable set element");
        }
        if (items.stream().noneMatch(x -> PyValue.pyEquals(x, v))) {
            items.add(v);
        }
    }

    // ---------------------------------------------------------------------------------------------- numbers

    private PyValue number() throws LiteralException {
        int start = pos;
        if (s.startsWith("0x", pos) || s.startsWith("0X", pos)) {
            return radix(16, "0123456789abcdefABCDEF");
        }
        if (s.startsWith("0o", pos) || s.startsWith("0O", pos)) {
            return radix(8, "01234567");
        }
        if (s.startsWith("0b", pos) || s.startsWith("0B", pos)) {
            return radix(2, "01");
        }
        String intPart = digits();
        boolean isFloat = false;
        String frac = "";
        String exp = "";
        if (peek('.')) {
            pos++;
            isFloat = true;
            frac = peekDigit() ? digits() : "";
            if (intPart.isEmpty() && frac.isEmpty()) {
                throw error("bad number");
            }
        }
        if (peek('e') || peek('E')) {
            int save = pos;
            pos++;
            String sign = "";
            if (peek('+') || peek('-')) {
                sign = String.valueOf(s.charAt(pos));
                pos++;
            }
            if (!peekDigit()) {
                pos = save;
                throw error("bad exponent");
            }
            exp = "e" + sign + digits();
            isFloat = true;
        }
        boolean imaginary = false;
        if (peek('j') || peek('J')) {
            pos++;
            imaginary = true;
        }
        if (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
            throw error("bad number");
        }
        if (intPart.isEmpty() && !isFloat) {
            throw error("bad number at " + start);
        }
        if (isFloat || imaginary) {
            double d = Double.parseDouble((intPart.isEmpty() ? "0" : intPart) + "." + (frac.isEmpty() ? "0" : frac)
                    + exp);
            return imaginary ? new PyValue.PyComplex(0.0, d) : new PyValue.PyFloat(d);
        }
        if (intPart.length() > 1 && intPart.chars().anyMatch(ch -> ch != '0') && intPart.charAt(0) == '0') {
            throw error("leading zeros in a decimal integer");
        }
        if (intPart.length() > MAX_DECIMAL_DIGITS) {
            throw error("integer literal too long");
        }
        return new PyValue.PyInt(new BigInteger(intPart));
    }

    /** Digits with single underscores between them; returns the digits without underscores. */
    private String digits() throws LiteralException {
        StringBuilder b = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c >= '0' && c <= '9') {
                b.append(c);
                pos++;
            } else if (c == '_' && b.length() > 0 && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1))) {
                pos++;
            } else {
                break;
            }
        }
        return b.toString();
    }

    private PyValue radix(int radix, String allowed) throws LiteralException {
        pos += 2;
        StringBuilder b = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (allowed.indexOf(c) >= 0) {
                b.append(c);
                pos++;
            } else if (c == '_' && pos + 1 < s.length() && allowed.indexOf(s.charAt(pos + 1)) >= 0) {
                pos++;
            } else {
                break;
            }
        }
        if (b.isEmpty() || pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)))) {
            throw error("bad base-" + radix + " number");
        }
        if (b.length() > 20_000) {
            throw error("integer literal too long");
        }
        return new PyValue.PyInt(new BigInteger(b.toString(), radix));
    }

    private static boolean isNumeric(PyValue v) {
        return v instanceof PyValue.PyInt || v instanceof PyValue.PyFloat || v instanceof PyValue.PyComplex;
    }

    private static double realValue(PyValue v) {
        if (v instanceof PyValue.PyInt i) {
            return i.value().doubleValue();
        }
        if (v instanceof PyValue.PyFloat f) {
            return f.value();
        }
        return ((PyValue.PyComplex) v).real();
    }

    private static PyValue negate(PyValue v) {
        if (v instanceof PyValue.PyInt i) {
            return new PyValue.PyInt(i.value().negate());
        }
        if (v instanceof PyValue.PyFloat f) {
            return new PyValue.PyFloat(-f.value());
        }
        PyValue.PyComplex c = (PyValue.PyComplex) v;
        return new PyValue.PyComplex(-c.real(), -c.imag());
    }

    // ---------------------------------------------------------------------------------------------- strings

    private boolean isStringPrefixStart() {
        int i = pos;
        int letters = 0;
        while (i < s.length() && letters < 3 && "rRbBuU".indexOf(s.charAt(i)) >= 0) {
            i++;
            letters++;
        }
        return letters > 0 && i < s.length() && (s.charAt(i) == '\'' || s.charAt(i) == '"');
    }

    /** One or more adjacent string literals, concatenated; str and bytes cannot mix. */
    private PyValue strings() throws LiteralException {
        StringBuilder text = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Boolean isBytes = null;
        while (true) {
            skipSpace();
            if (atEnd() || !(s.charAt(pos) == '\'' || s.charAt(pos) == '"' || isStringPrefixStart())) {
                break;
            }
            String prefix = "";
            while ("rRbBuU".indexOf(s.charAt(pos)) >= 0) {
                prefix += Character.toLowerCase(s.charAt(pos));
                pos++;
            }
            if (!List.of("", "r", "u", "b", "br", "rb").contains(prefix)) {
                throw error("bad string prefix '" + prefix + "'");
            }
            boolean b = prefix.contains("b");
            if (isBytes != null && isBytes != b) {
                throw error("cannot mix bytes and str literals");
            }
            isBytes = b;
            String body = stringBody(prefix.contains("r"), b);
            if (b) {
                for (int i = 0; i < body.length(); i++) {
                    bytes.write(body.charAt(i));
                }
            } else {
                text.append(body);
            }
        }
        return Boolean.TRUE.equals(isBytes) ? new PyValue.PyBytes(bytes.toByteArray())
                : new PyValue.PyStr(text.toString());
    }

    /** The literal's content; for bytes every char is 0..255. */
    private String stringBody(boolean raw, boolean isBytes) throws LiteralException {
        char quote = s.charAt(pos);
        boolean triple = s.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos);
            if (c == quote && (!triple || s.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                return b.toString();
            }
            if (c == '\n' && !triple) {
                throw error("newline in a string");
            }
            if (isBytes && c > 127) {
                throw error("bytes can only contain ASCII characters");
            }
            if (c != '\\') {
                b.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= s.length()) {
                throw error("unterminated string");
            }
            char e = s.charAt(pos + 1);
            if (raw) {
                b.append('\\').append(e); // a raw string keeps the backslash (it still cannot end the string)
                pos += 2;
                continue;
            }
            pos += 2;
            switch (e) {
                case '\n' -> { }
                case '\\' -> b.append('\\');
                case '\'' -> b.append('\'');
                case '"' -> b.append('"');
                case 'a' -> b.append('\u0007');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'v' -> b.append('\u000b');
                case 'x' -> b.append((char) hex(2));
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int value = e - '0';
                    for (int i = 0; i < 2 && pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '7'; i++) {
                        value = value * 8 + (s.charAt(pos++) - '0');
                    }
                    if (isBytes) {
                        b.append((char) (value & 0xFF));
                    } else {
                        b.appendCodePoint(value);
                    }
                }
                case 'u', 'U', 'N' -> {
                    if (isBytes) {
                        b.append('\\').append(e);
                    } else if (e == 'N') {
                        b.appendCodePoint(namedCharacter());
                    } else {
                        int cp = hex(e == 'u' ? 4 : 8);
                        if (!Character.isValidCodePoint(cp)) {
                            throw error("illegal Unicode character");
                        }
                        b.appendCodePoint(cp);
                    }
                }
                default -> b.append('\\').append(e);
            }
        }
    }

    private int hex(int count) throws LiteralException {
        if (pos + count > s.length()) {
            throw error("truncated escape");
        }
        int value = 0;
        for (int i = 0; i < count; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0) {
                throw error("truncated escape");
            }
            value = value * 16 + d;
        }
        pos += count;
        return value;
    }

    private int namedCharacter() throws LiteralException {
        if (!peek('{')) {
            throw error("malformed \\N escape");
        }
        int end = s.indexOf('}', pos);
        if (end < 0 || end - pos > 100) {
            throw error("malformed \\N escape");
        }
        String name = s.substring(pos + 1, end);
        pos = end + 1;
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            throw error("unknown Unicode character name");
        }
    }

    // ------------------------------------------------------------------------------------------------ basics

    private interface Body {
        PyValue parse() throws LiteralException;
    }

    private PyValue enter(Body body) throws LiteralException {
        if (++depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
        try {
            return body.parse();
        } finally {
            depth--;
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
            pos++;
        }
        return s.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
                pos += 2;
            } else {
                break;
            }
        }
    }

    private boolean atEnd() {
        return pos >= s.length();
    }

    /** Steps over an opening bracket; true, having stepped over {@code close} too, if only space stands between. */
    private boolean emptyBrackets(char close) {
        pos++;
        skipSpace();
        if (peek(close)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private boolean peekDigit() {
        return pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128;
    }

    private void expect(char c) throws LiteralException {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private LiteralException error(String message) {
        return new LiteralException(message + " at position " + pos);
    }
}
