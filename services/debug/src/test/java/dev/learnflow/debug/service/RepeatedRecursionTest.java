package dev.learnflow.debug.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A function that calls itself twice and remembers nothing (own examples, session 39). */
class RepeatedRecursionTest {

    @Test
    void twoCallsOfItselfOnALineAreFound() {
        assertThat(RepeatedRecursion.in("def ways(n):\n    if n < 2:\n        return 1\n    return ways(n - 1) + ways(n - 2)\n"
                + "print(ways(40))\n")).contains(new RepeatedRecursion.Found("ways", 4));
        assertThat(RepeatedRecursion.in("def paths(r, c):\n    if r == 0 or c == 0:\n        return 1\n"
                + "    return paths(r - 1, c) + paths(r, c - 1)\n")).isPresent();
    }

    @Test
    void oneCallOrRememberedResultsAreNot() {
        assertThat(RepeatedRecursion.in("def fact(n):\n    return 1 if n < 2 else n * fact(n - 1)\n")).isEmpty();
        assertThat(RepeatedRecursion.in("from functools import lru_cache\n@lru_cache\ndef ways(n):\n"
                + "    return 1 if n < 2 else ways(n - 1) + ways(n - 2)\n")).isEmpty();
        assertThat(RepeatedRecursion.in("memo = {}\ndef ways(n):\n    if n in memo:\n        return memo[n]\n"
                + "    memo[n] = 1 if n < 2 else ways(n - 1) + ways(n - 2)\n    return memo[n]\n")).isEmpty();
        // two calls after the function are its uses, not recursion
        assertThat(RepeatedRecursion.in("def ways(n):\n    return n\nprint(ways(1) + ways(2))\n")).isEmpty();
        assertThat(RepeatedRecursion.in(null)).isEmpty();
    }
}
