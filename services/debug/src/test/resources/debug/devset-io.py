#!/usr/bin/env python3
"""Writes devset-io.json and checks every program fails as labelled (the checks of devset-expectations.py).

Written for session 10 from what the held-out bench's misses suggested (by their totals only): programs that read
input() and print, the typed input and the output stated in everyday words, as "input / expected output" labels or
as a pasted console run (in the question or in the error field); bugs that show on a second call or after setup
(mutable default arguments); boundary comparisons said in words ("exactly 90 gets a B"); `is` against `==` with
texts and large numbers; lists changed while a loop walks them; and expectations only in the error field, in the
shapes tools print them (AssertionError with a message, "Expected: ... Got: ...", unittest and pytest failure
output). The last block, after the marker, was written after the changes, as a check of how far they carry.
Usage: python3 devset-io.py
"""
import os
import runpy
from types import SimpleNamespace

# the checks and the writer of devset-expectations.py (its own programs are not run: it is not __main__ here)
base = SimpleNamespace(**runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     "devset-expectations.py")))
base.P.clear()
add = base.add


def definitions_only():
    """The last program's checks run its definitions alone (its own calls at the bottom would run twice)."""
    code = base.P[-1]["code"]
    base.P[-1]["run"] = "\n".join(l for l in code.splitlines() if not l or l[0] in " \t" or l.startswith(("def ", "class ")))


def tested(category, bug_lines, code, tests, checks, question="", error=None, fix=None, kind="error"):
    """A program with its test lines appended: the checks run the program alone."""
    add(category, bug_lines, code + tests, kind, checks, question=question, error=error, fix=fix)
    base.P[-1]["run"] = code


# ---------------------------------------------------------------- stdin: typed input and printed output in words
add("wrong_operator", [3], """a = int(input("first number: "))
b = int(input("second number: "))
print("sum:", a - b)
""", "stdin", [("stdin", "3\n4\n", "sum: -1", "sum: 7")],
    question="input: 3 4\nexpected output: 7\nbut it shows sum: -1")

add("integer_division", [5], """n = int(input("how many numbers? "))
total = 0
for i in range(n):
    total += int(input())
print("average is", total // n)
""", "stdin", [("stdin", "2\n3\n4\n", "average is 3", "3.5")],
    question="when I enter 2 then 3 and 4 it says average is 3 but it should be 3.5")

add("wrong_comparison_operator", [3], """score = int(input("score: "))
grade = "C"
if score > 90:
    grade = "A"
elif score > 80:
    grade = "B"
print("grade:", grade)
""", "stdin", [("stdin", "90\n", "grade: B", "grade: A")],
    question="grades of exactly 90 get a B, 90 should be an A")

add("off_by_one_range", [3], """n = int(input())
total = 0
for i in range(1, n):
    total += i
print(total)
""", "stdin", [("stdin", "5\n", "10", "15")],
    question="when I enter 5 it prints 10 but should print 15 (1+2+3+4+5)")

add("wrong_initial_value", [2], """n = int(input("n: "))
fact = 0
for i in range(1, n + 1):
    fact = fact * i
print(fact)
""", "stdin", [("stdin", "4\n", "0", "24")],
    question="```\nn: 4\n0\n```\nthe factorial of 4 is 24 not 0, what am i doing wrong")

add("is_vs_equals", [2], """answer = input("Do you want to continue? ")
if answer is "yes":
    print("continuing")
else:
    print("bye")
""", "stdin", [("stdin", "yes\n", "bye", "continuing")],
    question="I type yes but it prints bye every time. it should say continuing")

add("str_int_comparison", [3], """a = input("a: ")
b = input("b: ")
if a > b:
    print(a, "is bigger")
else:
    print(b, "is bigger")
""", "stdin", [("stdin", "9\n10\n", "9 is bigger", "10 is bigger")],
    question="Sample run:\na: 9\nb: 10\n9 is bigger\n\n10 is obviously bigger than 9??")

add("accumulator_reset_in_loop", [3], """words = input("sentence: ").split()
for w in words:
    longest = ""
    if len(w) > len(longest):
        longest = w
print("longest word:", longest)
""", "stdin", [("stdin", "a wonderful day\n", "longest word: day", "wonderful")],
    question="input: a wonderful day\nexpected output: longest word: wonderful\nactual output: longest word: day")

add("inverted_condition", [2], """n = int(input("Enter a number: "))
if n % 2 == 1:
    print(n, "is even")
else:
    print(n, "is odd")
""", "stdin", [("stdin", "6\n", "6 is odd", "6 is even")],
    error="Enter a number: 6\n6 is odd", question="its the wrong way round, 6 is even")

add("early_break", [5], """count = int(input("how many? "))
nums = []
for i in range(count):
    nums.append(int(input()))
    break
print(sum(nums))
""", "stdin", [("stdin", "3\n1\n2\n3\n", "1", "6")],
    question="Input:\n3\n1\n2\n3\nExpected Output:\n6\nMy Output:\n1")

add("wrong_comparison_operator", [4], """temps = input("temperatures: ").split()
hot = 0
for t in temps:
    if int(t) > 30:
        hot += 1
print(hot, "hot days")
""", "stdin", [("stdin", "28 30 31 35\n", "2 hot days", "3 hot days")],
    question="30 degrees counts as hot too. for 28 30 31 35 it says 2 hot days but I want 3")

add("missing_return", [3], """def ask_age():
    age = int(input("age? "))
    age + 1

print("next year you are", ask_age())
""", "stdin", [("stdin", "15\n", "None", "16")],
    question="if i put 15 it prints next year you are None, should be 16")

add("unhandled_edge_case", [4], """line = input("numbers: ")
nums = [int(x) for x in line.split()]
total = sum(nums)
print("mean:", total / len(nums))
""", "stdin", [("stdin", "\n", "", "mean: 0")],
    question="if I just press enter without typing numbers it crashes, it should print mean: 0")

add("str_int_comparison", [4], """secret = 7
guess = input("guess: ")
tries = 1
while guess != secret:
    guess = input("guess again: ")
    tries += 1
print("got it in", tries)
""", "stdin", [("stdin", "7\n", "", "got it in 1")],
    question="I enter 7 straight away and it keeps asking guess again, it should say got it in 1")

add("wrong_operator", [2], """miles = float(input("miles: "))
km = miles / 1.609
print(round(km, 2), "km")
""", "stdin", [("stdin", "10\n", "6.22 km", "16.09 km")],
    error="Expected: 16.09 km\nGot: 6.22 km", question="input 10")

# ---------------------------------------------------------------- second calls and setup (mutable defaults)
add("mutable_default_argument", [1], """def add_item(item, basket=[]):
    basket.append(item)
    print("added", item)
    return basket

first = add_item('a')
print(add_item('b'))
""", "question", [("call", "add_item('a')", "add_item('b')", ['a', 'b'], ['b'])],
    question="the second time I call add_item('b') I get ['a', 'b'] instead of ['b']")
definitions_only()

add("mutable_default_argument", [1], """def new_student(name, marks=[]):
    return {"name": name, "marks": marks}

s1 = new_student("ana")
s1["marks"].append(80)
s2 = new_student("ben")
print(s2["marks"])
""", "question", [("call", "s1 = new_student('ana'); s1['marks'].append(80)", "new_student('ben')['marks']", [80],
                   [])],
    question="ben never got a mark but his marks list prints [80], it should be empty")
definitions_only()

add("mutable_default_argument", [1], """def tally(word, seen={}):
    seen[word] = seen.get(word, 0) + 1
    return seen[word]

print(tally("cat"))
print(tally("dog"))
print(tally("cat"))
""", "question", [("call", "tally('cat'); tally('dog')", "tally('cat')", 2, 2)],
    question="this is supposed to count words within one call only but the third print gives 2, I expected 1 "
             "because every call should start fresh")
base.P[-1]["checks"] = [("call", "tally('cat'); tally('dog')", "tally('cat')", 2, 1)]
definitions_only()

add("mutable_default_argument", [2], """class Bag:
    def __init__(self, things=[]):
        self.things = things

    def put(self, x):
        self.things.append(x)

a = Bag()
a.put("pen")
b = Bag()
print(len(b.things))
""", "error", [("call", "a = Bag(); a.put('pen'); b = Bag()", "len(b.things)", 1, 0)],
    error="AssertionError: new bag should be empty\nassert len(b.things) == 0")
definitions_only()

# ---------------------------------------------------------------- boundaries said in words
add("wrong_comparison_operator", [2], """def count_passed(scores):
    passed = [s for s in scores if s > 50]
    return len(passed)
""", "question", [("call", "", "count_passed([40, 50, 70])", 1, 2)],
    question="count_passed([40, 50, 70]) doesn't count the 50 even though 50 is a pass, so it should be 2")

add("wrong_comparison_operator", [2], """def in_range(x, lo, hi):
    return lo < x < hi
""", "question", [("call", "", "in_range(10, 1, 10)", False, True)],
    question="in_range(10, 1, 10) should include 10 but it says False")

add("wrong_comparison_operator", [3], """def count_down(n):
    out = []
    while n > 1:
        out.append(n)
        n -= 1
    return out
""", "question", [("call", "", "count_down(3)", [3, 2], [3, 2, 1])],
    question="count_down(3) stops at 2, the 1 is missing")

add("wrong_comparison_operator", [2], """def ticket_price(age):
    if age < 12:
        return 5
    return 10
""", "error", [("call", "", "ticket_price(12)", 10, 5)],
    error="FAILED test_tickets.py::test_twelve - assert 10 == 5\n +  where 10 = ticket_price(12)")

# ---------------------------------------------------------------- is against ==
add("is_vs_equals", [3], """def same_total(a, b):
    total_a = sum(a)
    return total_a is sum(b)
""", "question", [("call", "", "same_total([500, 500], [1000])", False, True)],
    question="same_total([500, 500], [1000]) gives False, both add up to 1000")

add("is_vs_equals", [4], """def find_user(users, name):
    for u in users:
        full = u["first"] + " " + u["last"]
        if full is name:
            return u
    return None
""", "error", [("call", "", "find_user([{'first': 'Ada', 'last': 'Lovelace'}], 'Ada Lovelace')", None,
                {'first': 'Ada', 'last': 'Lovelace'})],
    error="Expected: {'first': 'Ada', 'last': 'Lovelace'}\nGot: None\n"
          "call: find_user([{'first': 'Ada', 'last': 'Lovelace'}], 'Ada Lovelace')")

add("is_vs_equals", [3], """def is_palindrome(word):
    backwards = word[::-1]
    return backwards is word
""", "doctest", [("call", "", "is_palindrome('noon')", False, True)],
    error="Failed example:\n    is_palindrome('noon')\nExpected:\n    True\nGot:\n    False")

# ---------------------------------------------------------------- changing the list the loop walks
add("mutate_while_iterating", [4], """def remove_evens(nums):
    for n in nums:
        if n % 2 == 0:
            nums.remove(n)
            print("removed", n)
    return nums
""", "question", [("call", "", "remove_evens([2, 4, 6, 7])", [4, 7], [7])],
    question="remove_evens([2, 4, 6, 7]) should leave just [7] but 4 is still there")

add("mutate_while_iterating", [4], """def drop_short(words):
    for w in words:
        if len(w) < 3:
            words.remove(w)
    return words
""", "error", [("call", "", "drop_short(['a', 'to', 'cat', 'is'])", ['to', 'cat'], ['cat'])],
    error="Traceback (most recent call last):\n  File \"test_words.py\", line 5, in test_drop\n"
          "    assert drop_short(['a', 'to', 'cat', 'is']) == ['cat']\nAssertionError")

add("mutate_while_iterating", [5], """cart = ["apple", "bread", "bread", "milk"]
item = input("remove which item? ")
for thing in cart:
    if thing == item:
        cart.remove(thing)
print(cart)
""", "stdin", [("stdin", "bread\n", "['apple', 'bread', 'milk']", "['apple', 'milk']")],
    question="when i type bread it only removes one of them, I get ['apple', 'bread', 'milk'] but want "
             "['apple', 'milk']")

# ---------------------------------------------------------------- the error field in tools' shapes
add("off_by_one_range", [3], """def squares(n):
    out = []
    for i in range(1, n):
        out.append(i * i)
    return out
""", "error", [("call", "", "squares(3)", [1, 4], [1, 4, 9])],
    error="F\n======================================================================\n"
          "FAIL: test_three (test_squares.TestSquares)\n"
          "----------------------------------------------------------------------\n"
          "Traceback (most recent call last):\n  File \"test_squares.py\", line 6, in test_three\n"
          "    self.assertEqual(squares(3), [1, 4, 9])\nAssertionError: Lists differ: [1, 4] != [1, 4, 9]\n")

add("return_in_loop", [5], """def total_price(prices):
    total = 0
    for p in prices:
        total += p
        return total
""", "error", [("call", "", "total_price([3, 4, 5])", 3, 12)],
    error="    def test_total():\n>       assert total_price([3, 4, 5]) == 12\nE       assert 3 == 12\n"
          "E        +  where 3 = total_price([3, 4, 5])")

add("wrong_variable_returned", [6], """def total_cost(prices, tax):
    subtotal = 0
    for p in prices:
        subtotal += p
    total = subtotal * (1 + tax)
    return subtotal
""", "error", [("call", "", "total_cost([10, 20], 0.5)", 30, 45.0)],
    error="E       assert 30 == 45.0")

add("wrong_operator", [5], """def count_vowels(s):
    n = 0
    for ch in s:
        if ch in "aeiou":
            n = 1
    return n
""", "error", [("call", "", "count_vowels('banana')", 1, 3)],
    error="count_vowels('banana'): expected 3, got 1")

add("unhandled_edge_case", [2], """def first_word(sentence):
    return sentence.split()[0]
""", "error", [("raises", "", "first_word('')", "IndexError")],
    error="IndexError: list index out of range\nwhen the sentence is empty it should give ''")

add("missing_return", [5], """def grade(score):
    if score >= 50:
        return "pass"
    else:
        "fail"
""", "error", [("call", "", "grade(30)", None, "fail")],
    error="AssertionError: expected 'fail' for grade(30) but got None")

add("print_instead_of_return", [3], """def double(x):
    result = x * 2
    print(result)
""", "error", [("call", "", "double(4)", None, 8)],
    error="Expected: 8\nGot: None")

# marker: the programs below were written after the changes, as a check
AFTER = len(base.P)

add("mutable_default_argument", [1], """def make_order(dish, order=[]):
    order.append(dish)
    return order
""", "question", [("call", "make_order('soup')", "make_order('soup')", ['soup', 'soup'], ['soup'])],
    question="make_order('soup') is fine the first time but when I call it again I get ['soup', 'soup'], I only "
             "ordered one soup")

add("wrong_comparison_operator", [3], """age = int(input("How old are you? "))
price = 12
if age > 65:
    price = 6
print("Your ticket costs", price)
""", "stdin", [("stdin", "65\n", "Your ticket costs 12", "Your ticket costs 6")],
    question="How old are you? 65\nYour ticket costs 12\n\nat 65 you are a senior, it should cost 6")

add("wrong_operator", [4], """def word_lengths(words):
    lengths = {}
    for w in words:
        lengths[len(w)] = 1
    return lengths
""", "error", [("call", "", "word_lengths(['hi', 'yo', 'cat'])", {2: 1, 3: 1}, {2: 2, 3: 1})],
    error="E       AssertionError: assert {2: 1, 3: 1} == {2: 2, 3: 1}\n"
          "E        +  where {2: 1, 3: 1} = word_lengths(['hi', 'yo', 'cat'])")

add("is_vs_equals", [3], """big = 1000
n = int(input())
if n * 10 is big:
    print("exactly a thousand")
else:
    print("not a thousand")
""", "stdin", [("stdin", "100\n", "not a thousand", "exactly a thousand")],
    error="Input: 100\nExpected: exactly a thousand\nActual: not a thousand")

add("mutate_while_iterating", [4], """def clean(names):
    for name in names:
        if name == "":
            names.remove(name)
    return names
""", "question", [("call", "", "clean(['ann', '', '', 'bo'])", ['ann', '', 'bo'], ['ann', 'bo'])],
    question="clean(['ann', '', '', 'bo']) still has an empty string in it: ['ann', '', 'bo']")

add("off_by_one_range", [2], """n = int(input("rows: "))
for i in range(1, n):
    print("#" * i)
""", "stdin", [("stdin", "3\n", "#\n##\n", "###")],
    question="rows: 3 gives me\n#\n##\nbut it should print\n#\n##\n###")

add("missing_return", [6], """def biggest(a, b):
    if a > b:
        return a
    elif b > a:
        return b
    a
""", "error", [("call", "", "biggest(4, 4)", None, 4)],
    error="biggest(4, 4)\nExpected: 4\nGot: None")

if __name__ == "__main__":
    base.P[AFTER:] = [dict(p, after=True) for p in base.P[AFTER:]]
    base.main("devset-io.json")
