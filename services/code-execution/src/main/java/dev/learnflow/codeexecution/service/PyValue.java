package dev.learnflow.codeexecution.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A value built from Python literals (what {@code ast.literal_eval} can produce), with Python's {@code ==}
 * semantics: {@code 1 == 1.0 == True}, lists and tuples never equal, dicts and sets ignore order. Used to grade
 * call-style tests on the host, so expected values never enter the sandbox.
 */
public sealed interface PyValue {

    record PyNone() implements PyValue {
    }

    record PyEllipsis() implements PyValue {
    }

    record PyBool(boolean value) implements PyValue {
    }

    record PyInt(BigInteger value) implements PyValue {
    }

    record PyFloat(double value) implements PyValue {
    }

    record PyComplex(double real, double imag) implements PyValue {
    }

    record PyStr(String value) implements PyValue {
    }

    record PyBytes(byte[] value) implements PyValue {
        @Override
        public boolean equals(Object o) {
            return o instanceof PyBytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "PyBytes" + Arrays.toString(value);
        }
    }

    record PyList(List<PyValue> items) implements PyValue {
    }

    record PyTuple(List<PyValue> items) implements PyValue {
    }

    /** Keys are unique under {@link #pyEquals} (later duplicates overwrite the value, as in Python). */
    record PyDict(List<Map.Entry<PyValue, PyValue>> entries) implements PyValue {
    }

    /** Elements are unique under {@link #pyEquals}. */
    record PySet(List<PyValue> items) implements PyValue {
    }

    /** Python's {@code a == b} for literal values. */
    static boolean pyEquals(PyValue a, PyValue b) {
        if (isNumber(a) || isNumber(b)) {
            return isNumber(a) && isNumber(b) && numbersEqual(a, b);
        }
        if (a instanceof PyNone) {
            return b instanceof PyNone;
        }
        if (a instanceof PyEllipsis) {
            return b instanceof PyEllipsis;
        }
        if (a instanceof PyStr s) {
            return b instanceof PyStr t && s.value().equals(t.value());
        }
        if (a instanceof PyBytes s) {
            return b instanceof PyBytes t && Arrays.equals(s.value(), t.value());
        }
        if (a instanceof PyList s) {
            return b instanceof PyList t && sequencesEqual(s.items(), t.items());
        }
        if (a instanceof PyTuple s) {
            return b instanceof PyTuple t && sequencesEqual(s.items(), t.items());
        }
        if (a instanceof PySet s) {
            if (!(b instanceof PySet t) || s.items().size() != t.items().size()) {
                return false;
            }
            return s.items().stream().allMatch(x -> t.items().stream().anyMatch(y -> pyEquals(x, y)));
        }
        if (a instanceof PyDict s) {
            if (!(b instanceof PyDict t) || s.entries().size() != t.entries().size()) {
                return false;
            }
            for (Map.Entry<PyValue, PyValue> e : s.entries()) {
                Map.Entry<PyValue, PyValue> match = t.entries().stream()
                        .filter(f -> pyEquals(e.getKey(), f.getKey())).findFirst().orElse(null);
                if (match == null || !pyEquals(e.getValue(), match.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether Python could use the value as a dict key or set element. */
    static boolean hashable(PyValue v) {
        if (v instanceof PyList || v instanceof PyDict || v instanceof PySet) {
            return false;
        }
        if (v instanceof PyTuple t) {
            return t.items().stream().allMatch(PyValue::hashable);
        }
        return true;
    }

    private static boolean sequencesEqual(List<PyValue> a, List<PyValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!pyEquals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumber(PyValue v) {
        return v instanceof PyBool || v instanceof PyInt || v instanceof PyFloat || v instanceof PyComplex;
    }

    private static boolean numbersEqual(PyValue a, PyValue b) {
        if (a instanceof PyComplex || b instanceof PyComplex) {
            return realEqual(realPart(a), realPart(b)) && realEqual(imagPart(a), imagPart(b));
        }
        return realEqual(a, b);
    }

    private static PyValue realPart(PyValue v) {
        return v instanceof PyComplex c ? new PyFloat(c.real()) : v;
    }

    private static PyValue imagPart(PyValue v) {
        return v instanceof PyComplex c ? new PyFloat(c.imag()) : new PyInt(BigInteger.ZERO);
    }

    /** Exact comparison of bool/int/float, as Python does it (no rounding of big ints to double). */
    private static boolean realEqual(PyValue a, PyValue b) {
        if (a instanceof PyFloat x && b instanceof PyFloat y) {
            return x.value() == y.value();
        }
        if (a instanceof PyFloat x) {
            return floatEqualsInt(x.value(), integer(b));
        }
        if (b instanceof PyFloat y) {
            return floatEqualsInt(y.value(), integer(a));
        }
        return integer(a).equals(integer(b));
    }

    private static boolean floatEqualsInt(double d, BigInteger i) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return false;
        }
        return new BigDecimal(d).compareTo(new BigDecimal(i)) == 0;
    }

    private static BigInteger integer(PyValue v) {
        if (v instanceof PyBool b) {
            return b.value() ? BigInteger.ONE : BigInteger.ZERO;
        }
        return ((PyInt) v).value();
    }
}
