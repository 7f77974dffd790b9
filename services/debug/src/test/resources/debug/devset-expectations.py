#!/usr/bin/env python3
"""Writes devset-expectations.json and checks that every program fails as its student says.

Each program carries, besides the DevSetTest record (category, bugLines, question, error, code, kind, fix), a
check that this script runs with python3 and that is not written to the JSON:
  ("call", setup, expr, actual, expected)  exec code (+ setup), eval expr: must equal actual, and actual != expected
  ("stdin", typed, actual_out, expected_out) run the program with typed as stdin: its output must contain
                                             actual_out and must not contain expected_out
Usage: python3 devset-expectations.py   (writes the JSON next to itself, exits 1 when a check fails)
"""
import contextlib
import io
import json
import os
import sys

P = []


def add(category, bug_lines, code, kind, checks, question="", error=None, fix=None):
    P.append(dict(category=category, bugLines=bug_lines, question=question, error=error, code=code, kind=kind,
                  fix=fix, checks=checks))


# ---------------------------------------------------------------- question: call written out, many verbs/orders
add("integer_division", [5], """def avrage(nums):
    total=0
    for n in nums:
        total+=n
    return total//len(nums)
print(avrage([1,2]))
""", "question", [("call", "", "avrage([1,2])", 1, 1.5)],
    question="i expected 1.5 for avrage([1,2]) but i get 1 ??", fix="return total/len(nums)")

add("wrong_operator", [5], """def count_letters(word):
    counts = {}
    for ch in word:
        if ch in counts:
            counts[ch] = 1
        else:
            counts[ch] = 1
    return counts
""", "question", [("call", "", "count_letters('aab')", {'a': 1, 'b': 1}, {'a': 2, 'b': 1})],
    question="count_letters('aab') => {'a': 1, 'b': 1} but should be {'a': 2, 'b': 1}", fix="counts[ch] += 1")

add("wrong_comparison_operator", [4], """def my_max(lst):
    best = lst[0]
    for x in lst:
        if x < best:
            best = x
    return best
""", "question", [("call", "", "my_max([3, 9, 2])", 2, 9)],
    question="my_max([3, 9, 2]) == 2 ?? should be 9", fix="if x > best:")

add("inverted_condition", [2], """def absolute(n):
    if n > 0:
        return -n
    return n
""", "question", [("call", "", "absolute(-4)", -4, 4)],
    question="absolute(-4) spits out -4, its supposed to be 4", fix="if n < 0:")

add("print_instead_of_return", [3], """def add_tax(price):
    result = price * 1.2
    print("price with tax", result)
print(add_tax(10))
""", "question", [("call", "", "add_tax(10)", None, 12.0)],
    question="add_tax(10) gives None, I want 12.0", fix="return result")

add("inverted_condition", [2], """def is_even(n):
    if n % 2 == 1:
        return True
    else:
        return False
""", "question", [("call", "", "is_even(4)", False, True)],
    question="is_even(4) comes out as False when it should be True", fix="if n % 2 == 0:")

add("integer_division", [2], """def discount(price, percent=10):
    return price - price * percent // 100
""", "question", [("call", "", "discount(price=15, percent=10)", 14, 13.5)],
    question="discount(price=15, percent=10) is 14 but it should be 13.5",
    fix="return price - price * percent / 100")

add("shadowed_if_chain", [2], """def grade(score):
    if score >= 50:
        return "C"
    elif score >= 70:
        return "B"
    elif score >= 90:
        return "A"
    else:
        return "F"
""", "question", [("call", "", "grade(95)", "C", "A"), ("call", "", "grade(75)", "C", "B")],
    question="grade(95) gives C, should be A. grade(75) gives C too, should be B. grade(30) is F which is right")

add("wrong_initial_value", [2], """def factorial(n):
    f = 0
    for i in range(1, n + 1):
        f = f * i
    return f
""", "question", [("call", "", "factorial(5)", 0, 120)],
    question="for n=5 my factorial gives 0 and not 120", fix="f = 1")

add("wrong_operator", [5], """def square(x):
    return x * x

def cube(x):
    return x * x * 3

print(square(3))
print(cube(3))
""", "question", [("call", "", "cube(2)", 12, 8)],
    question="square works fine but cube(2) says 12, should be 8", fix="return x * x * x")

add("wrong_comparison_operator", [5], """class BankAccount:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount < self.balance:
            self.balance -= amount
        return self.balance

acc = BankAccount(50)
print(acc.withdraw(50))
""", "question", [("call", "", "BankAccount(50).withdraw(50)", 50, 0)],
    question="BankAccount(50).withdraw(50) gives 50 instead of 0, i have exactly 50 so it should let me",
    fix="if amount <= self.balance:")

add("mutable_default_argument", [1], """def add_item(item, basket=[]):
    basket.append(item)
    return basket

print(add_item("apple"))
print(add_item("pear"))
""", "question", [("stdin", "", "['apple', 'pear']", None)],
    question="the second call add_item('pear') gives ['apple', 'pear'] but I want just ['pear']")

add("print_instead_of_return", [3], """def double_all(xs):
    for x in xs:
        print(x * 2)

res = double_all([1, 2])
print(res)
""", "question", [("call", "", "double_all([1, 2])", None, [2, 4])],
    question="double_all([1,2]) should give back [2, 4] but res is None")

add("wrong_operator", [2], """def celsius(f):
    return f - 32 * 5 / 9
print(celsius(212))
""", "question", [("call", "", "celsius(212)", 194.22222222222223, 100.0)],
    question="celsius(212) should be 100.0 but it prints 194.22222222222223", fix="return (f - 32) * 5 / 9")

add("wrong_operator", [5], """def sum_digits(n):
    s = 0
    while n > 0:
        s += n % 10
        n = n // 100
    return s
""", "question", [("call", "", "sum_digits(1234)", 6, 10)],
    question="sum_digits(1234) the answer is 10 but mine says 6", fix="n = n // 10")

add("off_by_one_range", [3], """def total(nums):
    t = 0
    for i in range(len(nums) - 1):
        t = t + nums[i]
    return t

print(total([4, 5, 6]))
""", "question", [("call", "", "total([4, 5, 6])", 9, 15)],
    question="It outputs 9 for total([4, 5, 6]). correct answer is 15", fix="for i in range(len(nums)):")

add("return_in_loop", [5], """def find_negatives(numbers):
    negs = []
    for num in numbers:
        if num < 0:
            negs.append(num)
            return negs
    return negs
""", "question", [("call", "", "find_negatives([-1, 2, -3])", [-1], [-1, -3])],
    question="Why does find_negatives([-1, 2, -3]) return [-1]? the correct output is [-1, -3]")

add("wrong_variable_returned", [6], """def longest(words):
    best = ""
    for w in words:
        if len(w) > len(best):
            best = w
    return w
""", "question", [("call", "", "longest(['hi', 'hello', 'yo'])", 'yo', 'hello')],
    question="longest(['hi', 'hello', 'yo']) -> 'yo' (should be 'hello')", fix="return best")

add("is_vs_equals", [3], """def same_list(a, b):
    # check if two lists have same stuff
    return a is b
""", "question", [("call", "", "same_list([1, 2], [1, 2])", False, True)],
    question="same_list([1, 2], [1, 2]) returns False?? I expected True obviously")

add("sort_result_used", [2], """def top_two(scores):
    ordered = scores.sort(reverse=True)
    return ordered[:2]
""", "question", [("raises", "", "top_two([3, 8, 5])", "TypeError")],
    question="top_two([3, 8, 5]) should return [8, 5] but it crashes with TypeError 'NoneType' object is not subscriptable")

add("early_break", [6], """def has_vowel(word):
    found = False
    for letter in word:
        if letter in "aeiou":
            found = True
        break
    return found
""", "question", [("call", "", "has_vowel('sky')", False, False), ("call", "", "has_vowel('tree')", False, True)],
    question="has_vowel('sky') is False which is fine but has_vowel('tree') is also False, should be True")

add("index_vs_element", [4], """def sum_list(lst):
    s = 0
    for item in range(len(lst)):
        s = s + item
    return s
""", "question", [("call", "", "sum_list([10, 20, 30])", 3, 60)],
    question="I want sum_list([10, 20, 30]) to be 60. Instead I get 3.", fix="s = s + lst[item]")

add("boolean_precedence", [2], """def is_weekend(day):
    if day == "sat" or "sun":
        return True
    return False
""", "question", [("call", "", "is_weekend('mon')", True, False)],
    question="is_weekend(\"mon\") gives True. expected False", fix='if day == "sat" or day == "sun":')

add("accumulator_reset_in_loop", [4], """def count_words(sentences):
    total = 0
    for s in sentences:
        total = 0
        total += len(s.split())
    return total
""", "question", [("call", "", "count_words(['a b', 'c d e'])", 3, 5)],
    question="count_words(['a b', 'c d e']) gives me 3 when its supposed to be 5")

add("missing_return", [5], """def bigger(a, b):
    if a > b:
        return a
    else:
        b
""", "question", [("call", "", "bigger(2, 7)", None, 7)],
    question="bigger(2, 7) prints None, it should be 7 (bigger(9,1) gives 9 which is correct)", fix="return b")

add("off_by_one_range", [3], """def countdown(n):
    out = []
    for i in range(n, 0, -1):
        out.append(i)
    return out
""", "question", [("call", "", "countdown(3)", [3, 2, 1], [3, 2, 1, 0])],
    question="Expected [3, 2, 1, 0] from countdown(3), got [3, 2, 1]", fix="for i in range(n, -1, -1):")

add("wrong_comparison_operator", [4], """def count_passing(marks):
    passed = 0
    for m in marks:
        if m > 50:
            passed += 1
    return passed
""", "question", [("call", "", "count_passing([50, 70, 20])", 1, 2)],
    question="hi! my count_passing function: count_passing([50, 70, 20]) → 1. expected answer 2 because 50 is a pass",
    fix="if m >= 50:")

add("unhandled_edge_case", [5], """def average(values):
    total = 0
    for v in values:
        total += v
    return total / len(values)
""", "question", [("raises", "", "average([])", "ZeroDivisionError")],
    question="average([]) should return 0 instead of crashing")

add("wrong_operator", [4], """def fahrenheit_list(temps):
    res = []
    for t in temps:
        res.append(t * 9 / 5 - 32)
    return res
""", "question", [("call", "", "fahrenheit_list([0, 100])", [-32.0, 148.0], [32.0, 212.0])],
    question="fahrenheit_list([0, 100]) gives [-32.0, 148.0]. Should be [32.0, 212.0]",
    fix="res.append(t * 9 / 5 + 32)")

add("inverted_condition", [4], """def remove_short(words, n):
    kept = []
    for w in words:
        if len(w) < n:
            kept.append(w)
    return kept
""", "question", [("call", "", "remove_short(['a', 'abcd', 'xyz'], 3)", ['a'], ['abcd', 'xyz'])],
    question="remove_short(['a', 'abcd', 'xyz'], 3) outputs ['a'] but the expected output is ['abcd', 'xyz']")

add("wrong_initial_value", [2], """def smallest(nums):
    low = 0
    for n in nums:
        if n < low:
            low = n
    return low
""", "question", [("call", "", "smallest([5, 3, 8])", 0, 3)],
    question="smallest([5, 3, 8]) returns 0 , wanted 3", fix="low = nums[0]")

add("off_by_one_range", [3], """def first_n_evens(n):
    evens = []
    for i in range(1, n):
        evens.append(i * 2)
    return evens
""", "question", [("call", "", "first_n_evens(3)", [2, 4], [2, 4, 6])],
    question="when I call first_n_evens(3) the result is [2, 4] but the task says it must be [2, 4, 6]",
    fix="for i in range(1, n + 1):")

add("str_int_comparison", [3], """def oldest(ages):
    best = ages[0]
    for a in ages:
        if a > best:
            best = a
    return best

print(oldest(["9", "35", "12"]))
""", "question", [("call", "", "oldest(['9', '35', '12'])", '9', '35')],
    question="oldest(['9', '35', '12']) returns '9' but 35 is bigger??")

add("wrong_operator", [3], """def percent(part, whole):
    # percentage
    return part / whole * 10
""", "question", [("call", "", "percent(1, 4)", 2.5, 25.0)],
    question="percent(1,4)  shoud give 25.0 but gives 2.5", fix="return part / whole * 100")

add("return_in_loop", [6], """def all_positive(nums):
    for n in nums:
        if n <= 0:
            return False
        else:
            return True
""", "question", [("call", "", "all_positive([1, -2])", True, False)],
    question="Why is all_positive([1, -2]) True?!  -2 isnt positive. Should return False")

add("off_by_one_range", [3], """def reverse_str(s):
    r = ''
    for i in range(len(s) - 1, 0, -1):
        r += s[i]
    return r
""", "question", [("call", "", "reverse_str('abc')", 'cb', 'cba')],
    question="reverse_str(\"abc\") returns \"cb\" not \"cba\"", fix="for i in range(len(s) - 1, -1, -1):")

add("wrong_comparison_operator", [3], """def in_range(x, lo, hi):
    # inclusive both ends
    return lo < x < hi
""", "question", [("call", "", "in_range(5, 5, 10)", False, True)],
    question="in_range(5, 5, 10) is False but both ends should count so True", fix="return lo <= x <= hi")

add("wrong_variable_returned", [5], """def vowels_in(text):
    v = 0
    for c in text.lower():
        if c in 'aeiou': v += 1
    return len(text)
""", "question", [("call", "", "vowels_in('Banana')", 6, 3)],
    question="vowels_in('Banana') should equal 3 but I keep getting 6", fix="return v")

add("mutable_default_argument", [1], """def log(msg, history=[]):
    history.append(msg)
    return len(history)

log("start")
print(log("again"))
""", "question", [("stdin", "", "2", None)],
    question="log('again') returns 2 but its a fresh call so I expected 1")

# ---------------------------------------------------------------- question: the function implied, code pasted
add("off_by_one_range", [3], """def fib(n):
    a, b = 0, 1
    for _ in range(n + 1):
        a, b = b, a + b
    return a
""", "question", [("call", "", "fib(6)", 13, 8)],
    question="my fibonacci is one too far, for 6 i get 13 but the 6th fib is 8", fix="for _ in range(n):")

add("wrong_initial_value", [2], """def product(nums):
    p = 0
    for x in nums:
        p *= x
    return p
""", "question", [("call", "", "product([2, 3, 4])", 0, 24)],
    question="product of [2, 3, 4] should be 24 but it always says 0", fix="p = 1")

add("integer_division", [3], """def half(x):
    # half of a number
    return x // 2
""", "question", [("call", "", "half(7)", 3, 3.5)],
    question="half of 7 comes out as 3, expected 3.5", fix="return x / 2")

add("accumulator_reset_in_loop", [3], """def running_total(nums):
    for n in nums:
        s = 0
        s = s + n
    return s
""", "question", [("call", "", "running_total([1, 2, 3])", 3, 6)],
    question="```python\ndef running_total(nums):\n    for n in nums:\n        s = 0\n        s = s + n\n    return s\n```\nrunning_total([1, 2, 3]) returns 3 but should be 6")

add("missing_return", [5], """def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        hi
    return x
""", "question", [("call", "", "clamp(15, 0, 10)", 15, 10)],
    question="clamp(15, 0, 10) -> 15 , expected 10. clamp(-3, 0, 10) -> 0 is ok", fix="return hi")

add("off_by_one_range", [2], """def squares(n):
    return [i * i for i in range(n)]
""", "question", [("call", "", "squares(3)", [0, 1, 4], [1, 4, 9])],
    question="squares(3) = [0, 1, 4]\nexpected = [1, 4, 9]", fix="return [i * i for i in range(1, n + 1)]")

# ---------------------------------------------------------------- error field: autograder / pytest / unittest text
add("off_by_one_range", [3], """def power(base, exp):
    result = 1
    for i in range(1, exp):
        result = result * base
    return result
""", "error", [("call", "", "power(2, 3)", 4, 8)], error="power(2, 3) returned 4, expected 8.",
    fix="for i in range(exp):")

add("wrong_comparison_operator", [4], """def count_big(nums, limit):
    c = 0
    for n in nums:
        if n >= limit:
            c += 1
    return c
""", "error", [("call", "", "count_big([1, 5, 9], 5)", 2, 1)],
    error="    def test_count_big():\n>       assert count_big([1, 5, 9], 5) == 1\nE       assert 2 == 1\nE        +  where 2 = count_big([1, 5, 9], 5)\n\ntest_main.py:4: AssertionError",
    fix="if n > limit:")

add("integer_division", [2], """def median_of_two(a, b):
    return (a + b) // 2
""", "error", [("call", "", "median_of_two(3, 4)", 3, 3.5)],
    error="FAIL: test_median (test_stats.TestStats)\nTraceback (most recent call last):\n  File \"test_stats.py\", line 6, in test_median\n    self.assertEqual(median_of_two(3, 4), 3.5)\nAssertionError: 3 != 3.5",
    fix="return (a + b) / 2")

add("wrong_initial_value", [2], """def count_a(s):
    n = 1
    for ch in s:
        if ch == 'a':
            n += 1
    return n
""", "error", [("call", "", "count_a('banana')", 4, 3)],
    error="Test failed: count_a('banana')\n  expected: 3\n  actual:   4", fix="n = 0")

add("return_in_loop", [5], """def index_of(items, target):
    for i in range(len(items)):
        if items[i] == target:
            return i
        return -1
""", "error", [("call", "", "index_of([4, 7, 9], 9)", -1, 2)],
    error="Expected index_of([4, 7, 9], 9) to be 2, but got -1")

add("off_by_one_range", [3], """def sum_to(n):
    s = 0
    for k in range(n):
        s += k
    return s
""", "error", [("call", "", "sum_to(4)", 6, 10)],
    error="Wrong answer on test 2: input n=4, expected output 10, your output 6", fix="for k in range(n + 1):")

add("is_vs_equals", [3], """def check_password(pw):
    secret = "".join(["hunter", "2"])
    if pw is secret:
        return "ok"
    return "denied"
""", "error", [("call", "", "check_password('hunter2')", 'denied', 'ok')],
    error="check_password('hunter2'): got 'denied' but expected 'ok'", fix="if pw == secret:")

add("print_instead_of_return", [3], """def area(w, h):
    a = w * h
    print(a)

""", "error", [("call", "", "area(3, 4)", None, 12)],
    error="AssertionError: area(3, 4) should be 12, was None")

add("sort_result_used", [2], """def sorted_copy(xs):
    result = list(xs).sort()
    return result
""", "error", [("call", "", "sorted_copy([3, 1, 2])", None, [1, 2, 3])],
    error="sorted_copy([3,1,2]) expected [1, 2, 3] got None")

add("wrong_operator", [3], """def avg3(a, b, c):
    # average of three
    return a + b + c / 3
""", "error", [("call", "", "avg3(3, 6, 9)", 12.0, 6.0)],
    error="test_avg3 FAILED: avg3(3, 6, 9) -> expected 6.0, received 12.0", fix="return (a + b + c) / 3")

add("inverted_condition", [4], """def only_odds(nums):
    res = []
    for n in nums:
        if n % 2 == 0:
            res.append(n)
    return res
""", "error", [("call", "", "only_odds([1, 2, 3])", [2], [1, 3])],
    error="only_odds([1,2,3])\nExpected: [1, 3]\nActual: [2]", fix="if n % 2 != 0:")

add("early_break", [5], """def sum_until_negative(nums):
    s = 0
    for n in nums:
        s += n
        break
        if n < 0:
            break
    return s
""", "error", [("call", "", "sum_until_negative([1, 2, -1, 5])", 1, 2)],
    error="AssertionError: assert 1 == 2")

add("boolean_precedence", [2], """def is_teen(age):
    return not age < 13 or age > 19
""", "error", [("call", "", "is_teen(25)", True, False)],
    error="is_teen(25)  # got True, want False")

add("wrong_comparison_operator", [2], """def can_vote(age):
    if age > 18:
        return True
    return False
""", "error", [("call", "", "can_vote(18)", False, True)],
    error="can_vote(18) == True failed (returned False)", fix="if age >= 18:")

add("mutable_default_argument", [1], """def make_team(name, members=[]):
    members.append(name)
    return members

team_a = make_team("ann")
team_b = make_team("bob")
print(team_b)
""", "error", [("stdin", "", "['ann', 'bob']", None)],
    error="expected ['bob'] but was ['ann', 'bob']")

add("index_vs_element", [4], """def max_index(nums):
    best = 0
    for i in range(len(nums)):
        if nums[i] > best:
            best = i
    return best
""", "error", [("call", "", "max_index([5, 1, 9, 2])", 2, 2), ("call", "", "max_index([40, 1, 3])", 2, 0)],
    error="Failed: max_index([40, 1, 3]) returned 2, should have returned 0", fix="if nums[i] > nums[best]:")

add("str_int_comparison", [2], """def add_strings(a, b):
    return a + b
""", "error", [("call", "", "add_strings('3', '4')", '34', 7)],
    error="add_strings('3','4') gave '34', expected 7")

add("off_by_one_range", [4], """class Stack:
    def __init__(self):
        self.items = []
    def peek(self):
        return self.items[len(self.items) - 2]
    def push(self, x):
        self.items.append(x)
""", "error", [("call", "s = Stack(); s.push(1); s.push(2)", "s.peek()", 1, 2)],
    error="s = Stack(); s.push(1); s.push(2); s.peek() returned 1, expected 2")

# ---------------------------------------------------------------- stdin: typed input, printed output
add("str_int_comparison", [2], """n = input("enter number: ")
if n > "10":
    print("big")
else:
    print("small")
""", "stdin", [("stdin", "9\n", "big", "small")],
    question="when i type 9 it says big, it should say small")

add("off_by_one_range", [3], """rows = int(input())
for r in range(rows):
    print("*" * r)
""", "stdin", [("stdin", "3\n", "\n*\n**\n", "***")],
    question="I enter 3 and expect\n*\n**\n***\nbut i get only two rows of stars and an empty line",
    fix="for r in range(1, rows + 1):")

add("str_int_comparison", [3], """a = input("first: ")
b = input("second: ")
print(a + b)
""", "stdin", [("stdin", "3\n4\n", "34", "7")],
    question="if i type 3 and 4 it should print 7 but prints 34")

add("wrong_operator", [2], """km = float(input("km? "))
miles = km * 1.609
print("miles:", miles)
""", "stdin", [("stdin", "10\n", "16.09", "6.21")],
    question="i put in 10 km and it says miles: 16.09, it should be about 6.21", fix="miles = km / 1.609")

add("shadowed_if_chain", [3], """temp = int(input("Temperature: "))

if temp > 10:
    print("warm")
elif temp > 25:
    print("hot")
else:
    print("cold")
""", "stdin", [("stdin", "30\n", "warm", "hot")],
    question="Temperature: 30 -> prints warm, expected hot")

add("loop_condition_never_changes", [4], """count = int(input())
i = 0
while i < count:
    print("hello")
""", "stdin", [("stdin", "2\n", "hello", None)],
    question="I type 2 and want hello printed twice but it prints hello forever")

add("accumulator_reset_in_loop", [4], """n = int(input("how many numbers: "))
for k in range(n):
    x = int(input())
    total = 0
    total = total + x
print("sum is", total)
""", "stdin", [("stdin", "3\n5\n6\n7\n", "sum is 7", "sum is 18")],
    question="Input:\n3\n5\n6\n7\nExpected output: sum is 18\nMy output: sum is 7")

add("integer_division", [3], """a = int(input())
b = int(input())
print(a // b)
""", "stdin", [("stdin", "7\n2\n", "3", "3.5")],
    question="input 7 then 2, output is 3 but correct output is 3.5", fix="print(a / b)")

add("wrong_comparison_operator", [3], """word = input("password: ")

if len(word) > 8:
    print("strong")
else:
    print("weak")
""", "stdin", [("stdin", "abcdefgh\n", "weak", "strong")],
    question="passwords with 8 letters should be strong. i typed abcdefgh and it said weak",
    fix="if len(word) >= 8:")

add("off_by_one_range", [3], """n = int(input("n = "))
s = 0
for i in range(1, n):
    s = s + i
print(s)
""", "stdin", [("stdin", "5\n", "10", "15")],
    question="sample input\n5\nsample output\n15\nbut mine prints 10", fix="for i in range(1, n + 1):")

add("wrong_operator", [4], """nums = input("numbers: ").split()
total = 0
for x in nums:
    total = int(x)
print(total)
""", "stdin", [("stdin", "1 2 3\n", "3", "6")],
    question="typed 1 2 3 and got 3... should add up to 6", fix="total = total + int(x)")

add("inverted_condition", [3], """name = input("name: ")
guests = ["ann", "bo", "cy"]
if name not in guests:
    print("welcome", name)
else:
    print("sorry, not on the list")
""", "stdin", [("stdin", "bo\n", "sorry, not on the list", "welcome bo")],
    question="if I enter bo it says \"sorry, not on the list\" but bo is on the list, it should print welcome bo",
    fix="if name in guests:")

add("str_int_comparison", [2], """age = input("age: ")
if age == 18:
    print("adult now")
else:
    print("not yet")
""", "stdin", [("stdin", "18\n", "not yet", "adult now")],
    error="expected output: adult now\nactual output: not yet\n(input was 18)")

add("off_by_one_range", [3], """word = input()
out = ""
for i in range(1, len(word)):
    out = out + word[i] + "-"
print(out)
""", "stdin", [("stdin", "cat\n", "a-t-", "c-a-t-")],
    question="for cat it should print c-a-t- but i get a-t-", fix="for i in range(len(word)):")


# ---------------------------------------------------------------- second batch, written after the parser changes
# (a check of how far they generalise; not tuned on): code pasted in the question as it is, an interpreter session,
# more wordings. For code in the question the record's code is empty; the checks run the code given here.
PASTED = []


def pasted(category, bug_lines, code, question, checks, fix=None, wrap=None):
    q = wrap(code) if wrap else question.replace("{code}", code)
    add(category, bug_lines, "", "question", checks, question=q, fix=fix)
    P[-1]["run"] = code


pasted("integer_division", [2], """def avg(l):
    return sum(l)//len(l)
print(avg([1,2]))""", "hey can someone help\n{code}\nprints 1 but it should be 1.5 right??",
       [("call", "", "avg([1,2])", 1, 1.5)], fix="return sum(l)/len(l)")

pasted("off_by_one_range", [3], """def count_up(n):
    out = []
    for i in range(1, n):
        out.append(i)
    return out""", "", [("call", "", "count_up(4)", [1, 2, 3], [1, 2, 3, 4])],
       wrap=lambda c: ">>> " + c.replace("\n", "\n... ") + "\n...\n>>> count_up(4)\n[1, 2, 3]\n"
       "the 4 is missing, i need [1, 2, 3, 4]", fix="for i in range(1, n + 1):")

pasted("wrong_comparison_operator", [4], """def longest_word(words):
    best = ''
    for w in words:
        if len(w) < len(best):
            best = w
    return best""", "```Python\n{code}\n```\nlongest_word(['a', 'abc', 'ab']) should obviously be 'abc'. Mine: ''",
       [("call", "", "longest_word(['a', 'abc', 'ab'])", '', 'abc')], fix="if len(w) > len(best):")

pasted("wrong_initial_value", [2], """def maximum(nums):
    m = 0
    for n in nums:
        if n > m:
            m = n
    return m""", "{code}\n\nmaximum([-5, -2, -9]) gives 0??? all numbers are negative so answer must be -2",
       [("call", "", "maximum([-5, -2, -9])", 0, -2)], fix="m = nums[0]")

add("wrong_operator", [3], """def area_of_circle(r):
    pi = 3.14159
    return pi * r * 2
""", "question", [("call", "", "area_of_circle(10)", 3.14159 * 10 * 2, 314.159)],
    question="area_of_circle(10) is 62.8318 ... thats the circumference not the area (314.159)")

add("accumulator_reset_in_loop", [4], """def count_vowels(s):
    vowels = 'aeiou'
    for ch in s:
        n = 0
        if ch in vowels:
            n += 1
    return n
""", "question", [("call", "", "count_vowels('education')", 0, 5)],
    question="Hello, count_vowels(\"education\") -> 0. There are 5 vowels in education.")

add("early_break", [6], """def contains(lst, x):
    for item in lst:
        if item == x:
            return True
        else:
            break
    return False
""", "error", [("call", "", "contains([1, 2, 3], 3)", False, True)],
    error="contains([1, 2, 3], 3)  ->  False   (want: True)")

add("off_by_one_range", [3], """word = input("word: ")
count = 0
for i in range(len(word) - 1):
    if word[i] == "s":
        count = count + 1
print(count)
""", "stdin", [("stdin", "mess\n", "1", "2")],
    question="word: mess\n1\n\nthere are two s in mess!")

add("wrong_operator", [2], """def to_minutes(hours, mins):
    return hours * 100 + mins
""", "question", [("call", "", "to_minutes(2, 30)", 230, 150)],
    question="to_minutes(2, 30) ... 230?? 2 hours 30 min is 150 minutes")

add("inverted_condition", [3], """def filter_adults(ages):
    res = []
    for a in ages:
        if a < 18:
            res.append(a)
    return res
""", "question", [("call", "", "filter_adults([12, 30, 17, 45])", [12, 17], [30, 45])],
    question="I'm testing filter_adults([12, 30, 17, 45]), the output I get is [12, 17] whereas I needed [30, 45]")


def run_call(code, setup, expr):
    env = {"__name__": "__check__"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(code, env)
        if setup:
            exec(setup, env)
        return eval(expr, env)


def run_stdin(code, typed):
    import subprocess
    try:
        r = subprocess.run([sys.executable, "-c", code], input=typed, capture_output=True, text=True, timeout=1)
        return r.stdout
    except subprocess.TimeoutExpired as e:
        out = e.stdout or b""
        return out.decode() if isinstance(out, bytes) else out


def main(name="devset-expectations.json"):
    bad = 0
    for i, p in enumerate(P):
        for check in p["checks"]:
            if check[0] == "call":
                _, setup, expr, actual, expected = check
                try:
                    got = run_call(p.get("run") or p["code"], setup, expr)
                except Exception as e:  # noqa
                    got = e
                if got != actual or type(got) is not type(actual):
                    print(f"#{i} {expr}: got {got!r}, stated actual {actual!r}, expected {expected!r}")
                    bad += 1
            elif check[0] == "raises":
                _, setup, expr, exc = check
                try:
                    got = run_call(p["code"], setup, expr)
                    print(f"#{i} {expr}: no {exc}, got {got!r}")
                    bad += 1
                except Exception as e:  # noqa
                    if type(e).__name__ != exc:
                        print(f"#{i} {expr}: {e!r} is not {exc}")
                        bad += 1
            else:
                _, typed, actual_out, expected_out = check
                out = run_stdin(p["code"], typed)
                if actual_out not in out or (expected_out and expected_out in out):
                    print(f"#{i} stdin {typed!r}: output {out[:80]!r}")
                    bad += 1
        if not any(c[0] != "call" or c[3] != c[4] for c in p["checks"]) or p["kind"] == "stdin" and not p["code"].count("input("):
            print(f"#{i} no check shows a failure")
            bad += 1
        lines = (p.get("run") or p["code"]).splitlines()
        for b in p["bugLines"]:
            if not (0 < b <= len(lines)) or not lines[b - 1].strip():
                print(f"#{i} bug line {b} is not a line of the program")
                bad += 1
    out = [{k: v for k, v in p.items() if k not in ("checks", "run") and not (k == "fix" and v is None)} for p in P]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"{len(P)} programs, {bad} failed checks -> {path}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
