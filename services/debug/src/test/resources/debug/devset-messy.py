#!/usr/bin/env python3
"""Writes devset-messy.json and checks every program fails as labelled (the checks of devset-expectations.py).

Written for session 11, in the styles where the held-out bench still misses (by its totals only: expectations in
the question text, in the `error` field and as stdin/expected output; mutable default arguments, `<` against `<=`,
`is` against `==`, lists changed while looped, unhandled edge cases). The phrasings are the messy ones students
type: typos, pasted console runs with their prompts, "Expected/Got" blocks, "it says X but should be Y", several
cases in one sentence, the input typed at a prompt. The programs have odd names and redundant code. Bug lines
follow the other sets: the line that removes from the list looped over, the line that crashes on the edge case.

The last third, after the marker, is set aside: never looked at while tuning, scored in a row of its own
(it carries `after`, like the other sets' check blocks).
Usage: python3 devset-messy.py
"""
import os
import runpy
from types import SimpleNamespace

base = SimpleNamespace(**runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     "devset-expectations.py")))
base.P.clear()
add = base.add

# ---------------------------------------------------------------- mutable default argument
add("mutable_default_argument", [1], """def addItem(itm, basket=[]):
    basket.append(itm)
    Basket_size = len(basket)
    return basket
""", "question", [("call", "addItem('milk')", "addItem('eggs')", ['milk', 'eggs'], ['eggs'])],
    question="i call addItem('milk') and then addItem('eggs') for a new basket and it gives ['milk', 'eggs'] "
             "insted of just ['eggs']?? why does it remember")

add("mutable_default_argument", [1], """def log_score(s, history=[]):
    history.append(s)
    total = 0
    for h in history:
        total = total + h
    return total
""", "error", [("call", "log_score(10)", "log_score(5)", 15, 5)],
    error=">>> log_score(10)\n10\n>>> log_score(5)\n15\nthe second one should be 5, its a fresh history")

add("mutable_default_argument", [1], """def tally(word, counts={}):
    if word in counts:
        counts[word] += 1
    else:
        counts[word] = 1
    return counts
""", "question", [("call", "tally('a')", "tally('b')", {'a': 1, 'b': 1}, {'b': 1})],
    question="tally('a') gives {'a': 1} good. then tally('b') gives {'a': 1, 'b': 1} but it should be {'b': 1}")

# ---------------------------------------------------------------- wrong comparison operator
add("wrong_comparison_operator", [3], """def can_ride(height):
    ok = False
    if height > 120:
        ok = True
    return ok
""", "question", [("call", "", "can_ride(120)", False, True)],
    question="it says can_ride(120) is False but 120cm is exactly the limit so should be True, can_ride(130) works")

add("wrong_comparison_operator", [4], """def count_passes(marks):
    passes = 0
    for m in marks:
        if m > 50:
            passes = passes + 1
        else:
            passes = passes
    return passes
""", "error", [("call", "", "count_passes([50, 70, 20])", 1, 2)],
    error="Expected: 2\nGot: 1\ncount_passes([50, 70, 20])")

add("wrong_comparison_operator", [3], """x = int(input("Enter your age: "))
can_vote = "no"
if x > 18:
    can_vote = "yes"
print("Can vote:", can_vote)
""", "stdin", [("stdin", "18\n", "Can vote: no", "Can vote: yes")],
    question="Enter your age: 18\nCan vote: no\n\nshould be yes at 18")

# ---------------------------------------------------------------- is vs ==
add("is_vs_equals", [3], """def checkPassword(pw):
    secret = "OpenSesame".lower()
    if pw is secret:
        return "welcome"
    return "denied"
""", "question", [("call", "", "checkPassword('opensesame')", 'denied', 'welcome')],
    question="checkPassword('opensesame') returns denied?? the password is right, should say welcome")

add("is_vs_equals", [4], """cmd = input("> ")
cmd = cmd.strip()
cmd = cmd.lower()
if cmd is "quit":
    print("Goodbye")
else:
    print("Unknown command")
""", "stdin", [("stdin", "quit\n", "Unknown command", "Goodbye")],
    error="> quit\nUnknown command", question="typing quit doesnt quit, it should print Goodbye")

add("is_vs_equals", [3], """def same_total(a, b):
    ta = sum(a); tb = sum(b)
    if ta is tb:
        return True
    else:
        return False
""", "error", [("call", "", "same_total([500, 500], [1000])", False, True)],
    error="AssertionError\nsame_total([500, 500], [1000]) should be True, its giving False")

# ---------------------------------------------------------------- list mutated while looped
add("mutate_while_iterating", [4], """def remove_negs(numbers):
    for n in numbers:
        if n < 0:
            numbers.remove(n)
    return numbers
""", "question", [("call", "", "remove_negs([1, -2, -3, 4])", [1, -3, 4], [1, 4])],
    question="remove_negs([1, -2, -3, 4]) -> [1, -3, 4] ?? the -3 is still there. should be [1, 4]")

add("mutate_while_iterating", [5], """def drop_short(wordz):
    i = 0
    for w in wordz:
        if len(w) < 3:
            wordz.remove(w)
        i += 1
    return wordz
""", "error", [("call", "", "drop_short(['a', 'to', 'cat', 'b'])", ['to', 'cat'], ['cat'])],
    error="test failed: drop_short(['a', 'to', 'cat', 'b'])\nexpected ['cat'] but got ['to', 'cat']")

add("mutate_while_iterating", [4], """def dedupe(items):
    for x in items:
        if items.count(x) > 1:
            items.remove(x)
    return items
""", "question", [("call", "", "dedupe([5, 5, 5, 5])", [5, 5], [5])],
    question="dedupe([5,5,5,5]) returns [5, 5] while it should return [5]. "
             "dedupe([3,3]) gives [3] which is right")

# ---------------------------------------------------------------- unhandled edge case
add("unhandled_edge_case", [2], """def avg(nums):
    return sum(nums) / len(nums)
""", "error", [("raises", "", "avg([])", "ZeroDivisionError")],
    error="Traceback (most recent call last):\n  File \"main.py\", line 4, in <module>\n    print(avg([]))\n"
          "ZeroDivisionError: division by zero\nfor an empty list i want 0")

add("off_by_one_range", [4], """def biggest_gap(xs):
    xs = sorted(xs)
    gap = 0
    for i in range(len(xs)):
        if xs[i + 1] - xs[i] > gap:
            gap = xs[i + 1] - xs[i]
    return gap
""", "question", [("raises", "", "biggest_gap([1, 5, 6])", "IndexError")],
    question="biggest_gap([1, 5, 6]) should be 4 but it crashes with list index out of range")

add("unhandled_edge_case", [2], """word = input("word: ")
first = word[0]
last = word[-1]
print(first + last)
""", "stdin", [("stdin", "\n", "", "")],
    question="word: (i just pressed enter)\nit crashes with IndexError: string index out of range, should print nothing")

# ---------------------------------------------------------------- other kinds, messy phrasings
add("wrong_operator", [4], """def total_price(prices):
    t = 0
    for p in prices:
        t = t - p
    return t
""", "question", [("call", "", "total_price([2, 3])", -5, 5), ("call", "", "total_price([1])", -1, 1)],
    question="total_price([2,3]) gives -5 and total_price([1]) gives -1, should be 5 and 1")

add("missing_return", [4], """def is_even(n):
    if n % 2 == 0:
        return True
    False
""", "error", [("call", "", "is_even(3)", None, False)],
    error="is_even(3)\nExpected:\n    False\nGot nothing")

add("off_by_one_range", [3], """def sum_to(n):
    s = 0
    for i in range(n):
        s = s + i
    return s
""", "question", [("call", "", "sum_to(4)", 6, 10)],
    question="sum_to(4) it says 6 but should be 10 (1+2+3+4)")

add("wrong_comparison_operator", [3], """n = int(input("How many stars? "))
i = 1
while i < n:
    print("*", end="")
    i += 1
print()
""", "stdin", [("stdin", "3\n", "**", "***")],
    error="How many stars? 3\n**", question="i asked for 3 stars and get only 2")

add("wrong_operator", [3], """price = float(input("price: "))
qty = int(input("qty: "))
print("total", price + qty)
""", "stdin", [("stdin", "2.5\n4\n", "total 6.5", "total 10.0")],
    question="price: 2.5\nqty: 4\ntotal 6.5\n\nExpected output: total 10.0")

# marker: the programs below are set aside: never tuned on, scored in a row of their own
HELD = len(base.P)

add("mutable_default_argument", [1], """def new_team(player, team=[]):
    team.append(player)
    return len(team)
""", "question", [("call", "new_team('ann')", "new_team('bob')", 2, 1)],
    question="new_team('ann') then new_team('bob') should both be 1 (each a new team) but the 2nd says 2")

add("wrong_comparison_operator", [3], """def ticket(age):
    price = 10
    if age < 12:
        price = 5
    return price
""", "error", [("call", "", "ticket(12)", 10, 5)],
    error="FAILED test_ticket.py::test_twelve - assert 10 == 5\n ticket(12) kids up to and including 12 pay 5")

add("is_vs_equals", [3], """def greet(name):
    full = name + "!"
    if full is "Bob!":
        return "hey bob"
    return "hello stranger"
""", "question", [("call", "", "greet('Bob')", 'hello stranger', 'hey bob')],
    question="why does greet('Bob') say hello stranger, i want it to say hey bob")

add("mutate_while_iterating", [4], """def strip_zeros(lst):
    for v in lst:
        if v == 0:
            lst.remove(v)
    return lst
""", "error", [("call", "", "strip_zeros([0, 0, 5])", [0, 5], [5])],
    error="strip_zeros([0, 0, 5])\nExpected: [5]\nGot: [0, 5]")

add("unhandled_edge_case", [3], """def initials(full_name):
    parts = full_name.split(" ")
    return parts[0][0] + parts[1][0]
""", "question", [("raises", "", "initials('Cher')", "IndexError")],
    question="initials('Ada Lovelace') works (AL) but initials('Cher') crashes, should just give C")

add("wrong_comparison_operator", [3], """temp = int(input("Temperature? "))
msg = "warm"
if temp < 0:
    msg = "freezing"
print(msg)
""", "stdin", [("stdin", "0\n", "warm", "freezing")],
    question="Temperature? 0\nwarm\n\n0 degrees is freezing tho")

add("mutable_default_argument", [1], """def collect(n, seen=set()):
    seen.add(n)
    return sorted(seen)
""", "error", [("call", "collect(3)", "collect(7)", [3, 7], [7])],
    error="first call collect(3) -> [3] ok\nsecond call collect(7) -> [3, 7], expected [7]")

add("wrong_operator", [2], """def area(w, h):
    return w + h
""", "question", [("call", "", "area(3, 4)", 7, 12), ("call", "", "area(5, 2)", 7, 10)],
    question="area(3, 4) and area(5, 2) give 7 and 7, they should be 12 and 10")

add("missing_return", [5], """def classify(n):
    if n > 0:
        return "positive"
    elif n < 0:
        "negative"
    return "zero"
""", "error", [("call", "", "classify(-3)", 'zero', 'negative')],
    error="it says X but should be Y: classify(-3) says zero but should be negative")

add("unhandled_edge_case", [2], """nums = input("numbers: ").split()
biggest = int(nums[0])
for x in nums:
    if int(x) > biggest:
        biggest = int(x)
print("max:", biggest)
""", "stdin", [("stdin", "\n", "", "")],
    error="numbers: \nIndexError: list index out of range\nempty input should print max: none")

if __name__ == "__main__":
    base.P[HELD:] = [dict(p, after=True) for p in base.P[HELD:]]
    base.main("devset-messy.json")
