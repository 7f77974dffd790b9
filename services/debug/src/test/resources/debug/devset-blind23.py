#!/usr/bin/env python3
"""Blind dev set of buggy beginner programs (blind23; session 23, written by a helper who had seen neither the debug
service, its sets nor the tutor bench; every third program is the hold-out, "after": true; one program equal to a tutor-bench program is
dropped unread, so 59 are written).

Every program is verified before the JSON is written:
  * the fixed program (bug lines replaced by `fix`) runs as a whole without crashing/hanging;
  * the buggy program shows the wrong behaviour the student describes and the fixed one the expected one;
  * assert kind: buggy file fails with AssertionError, fixed passes;
  * doctest kind: `python3 -m doctest` fails on buggy, passes on fixed;
  * error kind: the pasted text is produced by really running the buggy program.
Bug lines are marked in the source below with a trailing "#@@" marker that is stripped.
Nothing is written if any check fails.
"""
import collections
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_JSON = os.path.join(HERE, "devset-blind23.json")
TIMEOUT = 6
PY = sys.executable or "python3"

ITEMS = []


def item(**kw):
    ITEMS.append(kw)


# ---------------------------------------------------------------- accumulator_reset_in_loop
item(
    name="lab5_avg.py", sdir="/home/maya/cs101/lab5/",
    category="accumulator_reset_in_loop", kind="question",
    code=r'''# Lab 5 - average of the class
def class_average(grades):
    for g in grades:  #@@
        total = 0  #@@
        total = total + g
    avg = total / len(grades)
    return avg

print(class_average([80, 90, 100]))
''',
    fix="    total = 0\n    for g in grades:",
    question="my class_average([80, 90, 100]) gives 33.333333333333336 but the average of those is 90?? i checked with a calculator twice",
    check={"call": "class_average([80, 90, 100])", "bad": "33.333333333333336", "good": "90.0"},
    mention=["33.333333333333336", "90"],
)

item(
    name="wordcount.py", sdir="/home/jake/python/hw6/",
    category="accumulator_reset_in_loop", kind="error",
    code=r'''# count how many times a word shows up in ALL the sentences
sentences = ["the cat sat on the mat", "i like the dog", "The end"]

def count_word(sents, word):
    for s in sents:  #@@
        count = 0  #@@
        for w in s.lower().split():
            if w == word:
                count += 1
        # print(s, count)
    return count

print("'the' appears", count_word(sentences, "the"), "times")
''',
    fix="    count = 0\n    for s in sents:",
    question="why does it say 1 time?? 'the' is in there way more than once, i counted 4 by hand",
    check={"run": True, "bad": ["appears 1 times"], "good": ["appears 4 times"]},
    error_has=["'the' appears 1 times"],
)

# ---------------------------------------------------------------- boolean_precedence
item(
    name="grades_ab.py", sdir="/home/lena/intro_prog/week4/",
    category="boolean_precedence", kind="question",
    code=r'''def count_good(grades):
    """count how many students got an A or a B"""
    n = 0
    for g in grades:
        if g == "A" or "B":  #@@
            n += 1
    return n

letters = ["A", "C", "B", "F", "D", "A"]
print(count_good(letters))
''',
    fix='        if g == "A" or g == "B":',
    question="count_good returns 6 for my list [\"A\", \"C\", \"B\", \"F\", \"D\", \"A\"], it should be 3. it seems to just count everything no matter what letter it is",
    check={"call": 'count_good(["A", "C", "B", "F", "D", "A"])', "bad": "6", "good": "3"},
    mention=["6", "3"],
)

item(
    name="discounts.py", sdir="/home/omar/hw/",
    category="boolean_precedence", kind="assert",
    code=r'''def final_price(total, member, on_sale):
    # members or big orders (over $100) get 10% off
    # but sale items never get the discount!!
    if member or total > 100 and not on_sale:  #@@
        total = total * 0.9
    return round(total, 2)


assert final_price(50, False, False) == 50
assert final_price(200, False, False) == 180
assert final_price(50, True, False) == 45
assert final_price(50, True, True) == 50
print("all good")
''',
    fix="    if (member or total > 100) and not on_sale:",
    question="the last assert fails and i dont get why, the other 3 pass",
)

item(
    name="funfact.py", sdir="/home/sam/Desktop/python/",
    category="boolean_precedence", kind="stdin",
    code=r'''name = input("What's your name? ")
print("Hi " + name + "!")

answer = input("Do you want a fun fact? (yes/no) ")
if answer == "no" or "n":  #@@
    print("Ok, bye " + name)
else:
    print("Fun fact: octopuses have three hearts.")
''',
    stdin="Sam\nyes\n",
    fix='if answer == "no" or answer == "n":',
    question="I type Sam and then yes, but it prints \"Ok, bye Sam\" instead of the fun fact. I wanted it to print the octopus fact when i say yes. it says bye no matter what i type",
    check={"run": True, "bad": ["Ok, bye Sam"], "good": ["Fun fact: octopuses have three hearts."]},
    mention=["Ok, bye Sam", "yes"],
)

# ---------------------------------------------------------------- early_break
item(
    name="budget.py", sdir="/home/priya/cs1/",
    category="early_break", kind="question",
    code=r'''def buy_what_fits(prices, budget):
    # go through the shoping list and buy everything we can still afford
    bought = []
    for p in prices:
        if p > budget:
            break  #@@
        bought.append(p)
        budget = budget - p
    return bought

print(buy_what_fits([5, 20, 3, 2], 12))
''',
    fix="            continue",
    question="buy_what_fits([5, 20, 3, 2], 12) gives [5] but after the 20 (too expensive) i still have 7 dollars so the 3 and the 2 should be bought too, expected [5, 3, 2]",
    check={"call": "buy_what_fits([5, 20, 3, 2], 12)", "bad": "[5]", "good": "[5, 3, 2]"},
    mention=["[5]", "[5, 3, 2]"],
)

item(
    name="quiz_avg.py", sdir="/home/tom/school/compsci/",
    category="early_break", kind="stdin",
    code=r'''# average of 3 quiz scores, ignore junk input
total = 0
count = 0
while count < 3:
    s = input("score: ")
    if not s.isdigit():
        print("not a number, skipping")
        break  #@@
    total += int(s)
    count += 1

if count > 0:
    print("average:", total / count)
''',
    stdin="80\nx\n95\n71\n",
    fix="        continue",
    question="I typed 80, then x by accident, then it said not a number, skipping and immediately printed average: 80.0 without asking for the other scores. i was going to type 95 and 71 so it should be 82.0",
    check={"run": True, "bad": ["average: 80.0"], "good": ["average: 82.0"]},
    mention=["average: 80.0", "82.0"],
)

# ---------------------------------------------------------------- index_vs_element
item(
    name="scores.py", sdir="/home/maya/hw4/",
    category="index_vs_element", kind="error",
    code=r'''# hw4 - total and average of test scores
scores = [88, 92, 75, 60]

def total(scores):
    t = 0
    for s in scores:
        t = t + scores[s]  #@@
    return t

print("total:", total(scores))
print("average:", total(scores) / len(scores))
''',
    fix="        t = t + s",
    question="what does list index out of range mean?? my list has 4 scores in it",
    check={"run": True, "bad": ["IndexError"], "good": ["total: 315"]},
    error_has=["IndexError: list index out of range"],
)

item(
    name="names.py", sdir="/home/carla/py/",
    category="index_vs_element", kind="question",
    code=r'''def names_with_a(names):
    result = []
    for i, name in enumerate(names):
        #print(i, name)
        if name[0] == "A":
            result.append(i)  #@@
    return result

class_list = ["Ann", "Bob", "Alex", "Carla"]
print(names_with_a(class_list))
''',
    fix="            result.append(name)",
    question="names_with_a([\"Ann\", \"Bob\", \"Alex\", \"Carla\"]) gives me [0, 2]. where do the numbers come from? i want the actual names ['Ann', 'Alex']",
    check={"call": 'names_with_a(["Ann", "Bob", "Alex", "Carla"])', "bad": "[0, 2]", "good": "['Ann', 'Alex']"},
    mention=["[0, 2]", "['Ann', 'Alex']"],
)

item(
    name="evens.py", sdir="/home/ben/python/unit3/",
    category="index_vs_element", kind="doctest",
    code=r'''def count_evens(nums):
    """Count how many numbers in the list are even.

    >>> count_evens([2, 4, 5, 7])
    2
    >>> count_evens([1, 3, 6])
    1
    >>> count_evens([])
    0
    """
    count = 0
    for i in range(len(nums)):
        if i % 2 == 0:  #@@
            count += 1
    return count
''',
    fix="        if nums[i] % 2 == 0:",
    question="first doctest passes but the second one says 2?",
)

# ---------------------------------------------------------------- integer_division
item(
    name="temps.py", sdir="/home/lena/intro_prog/week2/",
    category="integer_division", kind="question",
    code=r'''def f_to_c(f):
    c = (f - 32) * 5 // 9  #@@
    return c

#print(f_to_c(32))
print(f_to_c(100))
''',
    fix="    c = (f - 32) * 5 / 9",
    question="f_to_c(100) returns 37 but google says 100F is 37.78 C. why does it cut off the decimals??",
    check={"call": "f_to_c(100)", "bad": "37", "good": "37.77777777777778"},
    mention=["37", "37.78"],
)

item(
    name="avg_input.py", sdir="/home/nico/uni/prog1/",
    category="integer_division", kind="stdin",
    code=r'''n = int(input("How many numbers? "))
total = 0
for i in range(n):
    total += float(input("Number: "))

average = total // n  #@@
print("Average:", average)
''',
    stdin="2\n3\n4\n",
    fix="average = total / n",
    question="I entered 2, then the numbers 3 and 4, and it printed Average: 3.0. shouldnt it be 3.5? i even used float() on the inputs",
    check={"run": True, "bad": ["Average: 3.0"], "good": ["Average: 3.5"]},
    mention=["Average: 3.0", "3.5"],
)

item(
    name="quizgrader.py", sdir="/home/omar/hw/",
    category="integer_division", kind="assert",
    code=r'''# quiz grader
def percent(correct, total):
    return correct // total * 100  #@@

def grade_report(name, correct, total):
    return name + ": " + str(percent(correct, total)) + "%"

assert percent(20, 20) == 100
assert percent(3, 4) == 75
print(grade_report("maria", 3, 4))
''',
    fix="    return correct / total * 100",
    question="",
)

# ---------------------------------------------------------------- inverted_condition
item(
    name="passing.py", sdir="/home/priya/cs1/",
    category="inverted_condition", kind="question",
    code=r'''def passed(scores, cutoff=60):
    """returns the scores that passed"""
    result = []
    for s in scores:
        if s < cutoff:  #@@
            result.append(s)
    return result

print(passed([55, 70, 60, 90, 42]))
''',
    fix="        if s >= cutoff:",
    question="passed([55, 70, 60, 90, 42]) gives [55, 42]... those are literally the ones that FAILED lol. expected [70, 60, 90]",
    check={"call": "passed([55, 70, 60, 90, 42])", "bad": "[55, 42]", "good": "[70, 60, 90]"},
    mention=["[55, 42]", "[70, 60, 90]"],
)

item(
    name="dedupe.py", sdir="/home/jake/python/hw7/",
    category="inverted_condition", kind="error",
    code=r'''import unittest

def unique(items):
    # keep the first time we see each thing, drop repeats
    seen = []
    for x in items:
        if x in seen:  #@@
            seen.append(x)
    return seen

class TestUnique(unittest.TestCase):
    def test_numbers(self):
        self.assertEqual(unique([1, 2, 2, 3, 1]), [1, 2, 3])

    def test_empty(self):
        self.assertEqual(unique([]), [])

if __name__ == "__main__":
    unittest.main()
''',
    fix="        if x not in seen:",
    question="my unique() always gives back an empty list, test output below",
    check={"run": True, "bad": ["FAILED (failures=1)"], "good": ["OK"]},
    error_has=["AssertionError: Lists differ: [] != [1, 2, 3]", "FAILED (failures=1)"],
)

# ---------------------------------------------------------------- is_vs_equals
item(
    name="login.py", sdir="/home/sam/Desktop/python/",
    category="is_vs_equals", kind="stdin",
    code=r'''# tiny login thing for cs club
user = input("username: ")
if user is "admin":  #@@
    print("Welcome back, boss")
else:
    print("Access denied for", user)
''',
    stdin="admin\n",
    fix='if user == "admin":',
    question="I type admin and it says Access denied for admin. I spelled it right i promise. it should say Welcome back, boss. also there is some SyntaxWarning thing at the top idk what that is",
    check={"run": True, "bad": ["Access denied for admin", "SyntaxWarning"], "good": ["Welcome back, boss"]},
    mention=["admin", "Access denied for admin", "Welcome back, boss"],
)

item(
    name="palindrome.py", sdir="/home/ben/python/unit5/",
    category="is_vs_equals", kind="doctest",
    code=r'''def is_palindrome(word):
    """Check if a word reads the same backwards.

    >>> is_palindrome("racecar")
    True
    >>> is_palindrome("Level")
    True
    >>> is_palindrome("hello")
    False
    """
    word = word.lower()
    backwards = word[::-1]
    #print(word, backwards)
    return backwards is word  #@@
''',
    fix="    return backwards == word",
    question="racecar should be True?",
)

# ---------------------------------------------------------------- loop_condition_never_changes
item(
    name="digits.py", sdir="/home/carla/py/",
    category="loop_condition_never_changes", kind="question",
    code=r'''def digit_sum(n):
    total = 0
    while n > 0:
        total += n % 10
        n // 10  #@@
    return total

print(digit_sum(123))
''',
    fix="        n = n // 10",
    question="when i call digit_sum(123) nothing happens, the program just sits there forever and i have to close the terminal. it should give 6 (1+2+3)",
    check={"call": "digit_sum(123)", "bad": "timeout", "good": "6"},
    mention=["digit_sum(123)", "6"],
)

item(
    name="savings.py", sdir="/home/maya/cs101/lab6/",
    category="loop_condition_never_changes", kind="error",
    code=r'''# how many years until my savings double?
balance = 1000
rate = 0.05
years = 0

while balance < 2000:
    new_balance = balance + balance * rate  #@@
    years = years + 1
    #print(years, new_balance)

print("It takes", years, "years to double")
''',
    fix="    balance = balance + balance * rate",
    question="it never prints anything, i waited like 5 min then pressed ctrl+c and got this. is my computer too slow?",
    check={"run": True, "bad": [], "good": ["It takes 15 years to double"]},
    error_mode="sigint",
    error_has=["KeyboardInterrupt"],
)

# ---------------------------------------------------------------- missing_return
item(
    name="lettergrade.py", sdir="/home/tom/school/compsci/",
    category="missing_return", kind="question",
    code=r'''def letter_grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        "F"  #@@

for s in [95, 83, 61, 40]:
    print(s, letter_grade(s))
''',
    fix='        return "F"',
    question="every grade works except the failing ones. letter_grade(40) gives None instead of F",
    check={"call": "letter_grade(40)", "bad": "None", "good": "'F'"},
    mention=["letter_grade(40)", "None"],
)

item(
    name="rooms.py", sdir="/home/lena/intro_prog/week6/",
    category="missing_return", kind="error",
    code=r'''def area(w, h):
    a = w * h  #@@

rooms = [(3, 4), (5, 2.5), (2, 2)]
total = 0
for w, h in rooms:
    total += area(w, h)
print("Total floor area:", total)
''',
    fix="    return w * h",
    question="why is it NoneType? area just multiplies two numbers",
    check={"run": True, "bad": ["TypeError"], "good": ["Total floor area: 28.5"]},
    error_has=["TypeError: unsupported operand type(s) for +=: 'int' and 'NoneType'"],
)

# ---------------------------------------------------------------- mutable_default_argument
item(
    name="carts.py", sdir="/home/priya/cs1/project/",
    category="mutable_default_argument", kind="error",
    code=r'''def add_item(item, cart=[]):  #@@
    cart.append(item)
    return cart

alice = add_item("apple")
alice = add_item("milk", alice)
bob = add_item("banana")

print("Alice's cart:", alice)
print("Bob's cart:", bob)
''',
    fix="def add_item(item, cart=None):\n    if cart is None:\n        cart = []",
    question="bob never added apple or milk, why are they in his cart?? and alice has a banana",
    check={"run": True, "bad": ["Bob's cart: ['apple', 'milk', 'banana']"], "good": ["Bob's cart: ['banana']", "Alice's cart: ['apple', 'milk']"]},
    error_has=["Bob's cart: ['apple', 'milk', 'banana']"],
)

item(
    name="student.py", sdir="/home/jake/python/hw8/",
    category="mutable_default_argument", kind="question",
    code=r'''class Student:
    def __init__(self, name, grades=[]):  #@@
        self.name = name
        self.grades = grades

    def add_grade(self, g):
        self.grades.append(g)

    def average(self):
        return sum(self.grades) / len(self.grades)

ana = Student("Ana")
ben = Student("Ben")
ana.add_grade(90)
ben.add_grade(70)
print(ana.name, ana.average())
print(ben.name, ben.average())
''',
    fix="    def __init__(self, name, grades=None):\n        if grades is None:\n            grades = []",
    question="Ana only got a 90 and Ben only got a 70 but it prints Ana 80.0 and Ben 80.0. are they sharing grades somehow?? should be Ana 90.0 and Ben 70.0",
    check={"run": True, "bad": ["Ana 80.0", "Ben 80.0"], "good": ["Ana 90.0", "Ben 70.0"]},
    mention=["Ana 80.0", "Ben 80.0", "Ana 90.0", "Ben 70.0"],
)

item(
    name="tally.py", sdir="/home/omar/hw/",
    category="mutable_default_argument", kind="assert",
    code=r'''def tally(words, counts={}):  #@@
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts

assert tally(["a", "b", "a"]) == {"a": 2, "b": 1}
assert tally(["c"]) == {"c": 1}
print("tests passed")
''',
    fix="def tally(words, counts=None):\n    if counts is None:\n        counts = {}",
    question="second assert fails but the first one passes, they are basically the same test",
)

# ---------------------------------------------------------------- mutate_while_iterating
item(
    name="failing.py", sdir="/home/nico/uni/prog1/",
    category="mutate_while_iterating", kind="question",
    code=r'''def remove_failing(scores):
    for s in scores:  #@@
        if s < 50:
            scores.remove(s)
    return scores

print(remove_failing([40, 45, 80, 30]))
''',
    fix="    for s in scores[:]:",
    question="remove_failing([40, 45, 80, 30]) returns [45, 80]. 45 is under 50 so why does it stay in?? it removes 40 and 30 fine. i expect [80]",
    check={"call": "remove_failing([40, 45, 80, 30])", "bad": "[45, 80]", "good": "[80]"},
    mention=["[45, 80]", "[80]"],
)

item(
    name="inventory.py", sdir="/home/carla/py/",
    category="mutate_while_iterating", kind="error",
    code=r'''# remove stuff we're out of
stock = {"pens": 10, "erasers": 0, "rulers": 5, "glue": 0}

for item in stock:  #@@
    if stock[item] == 0:
        del stock[item]

print("In stock:", stock)
''',
    fix="for item in list(stock):",
    question="what does changed size during iteration mean? i just want to delete the ones that are 0",
    check={"run": True, "bad": ["RuntimeError"], "good": ["In stock: {'pens': 10, 'rulers': 5}"]},
    error_has=["RuntimeError: dictionary changed size during iteration"],
)

item(
    name="shortwords.py", sdir="/home/ben/python/unit4/",
    category="mutate_while_iterating", kind="assert",
    code=r'''def remove_short_words(words):
    """removes words with less then 3 letters"""
    for w in words:  #@@
        if len(w) < 3:
            words.remove(w)
    return words


def test_remove_short():
    assert remove_short_words(["hi", "a", "cat", "dog"]) == ["cat", "dog"]

def test_nothing_to_remove():
    assert remove_short_words(["apple", "pie"]) == ["apple", "pie"]

test_nothing_to_remove()
test_remove_short()
''',
    fix="    for w in list(words):",
    question="why does test_remove_short fail",
)

# ---------------------------------------------------------------- off_by_one_range
item(
    name="timestable.py", sdir="/home/sam/Desktop/python/",
    category="off_by_one_range", kind="stdin",
    code=r'''n = int(input("Which times table? "))
print("The", n, "times table:")
for i in range(1, 10):  #@@
    print(n, "x", i, "=", n * i)
''',
    stdin="7\n",
    fix="for i in range(1, 11):",
    question="I typed 7, it prints 7 x 1 = 7 up to 7 x 9 = 63 and then stops. it should go all the way to 7 x 10 = 70",
    check={"run": True, "bad": [], "good": ["7 x 10 = 70"]},
    mention=["7 x 9 = 63", "7 x 10 = 70"],
)

item(
    name="sortcheck.py", sdir="/home/tom/school/compsci/",
    category="off_by_one_range", kind="error",
    code=r'''def is_sorted(lst):
    for i in range(len(lst)):  #@@
        if lst[i] > lst[i + 1]:
            return False
    return True

print(is_sorted([3, 1, 2]))
print(is_sorted([1, 2, 2, 5]))
''',
    fix="    for i in range(len(lst) - 1):",
    question="first one prints False correctly then it crashes on the list that IS sorted??",
    check={"run": True, "bad": ["IndexError"], "good": ["False\nTrue"]},
    error_has=["False", "IndexError: list index out of range"],
)

item(
    name="reverse.py", sdir="/home/lena/intro_prog/week5/",
    category="off_by_one_range", kind="doctest",
    code=r'''def reverse(s):
    """Reverse a string without slicing (teacher said no [::-1])

    >>> reverse("abc")
    'cba'
    >>> reverse("racecar")
    'racecar'
    """
    out = ""
    for i in range(len(s) - 1, 0, -1):  #@@
        out += s[i]
    return out
''',
    fix="    for i in range(len(s) - 1, -1, -1):",
    question="",
)

# ---------------------------------------------------------------- print_instead_of_return
item(
    name="shop.py", sdir="/home/maya/cs101/lab7/",
    category="print_instead_of_return", kind="error",
    code=r'''def discount(price, percent_off):
    new_price = price - price * percent_off / 100
    print(new_price)  #@@

shirt = discount(80, 25)
hat = discount(20, 50)
total = shirt + hat
print("You pay:", total)
''',
    fix="    return new_price",
    question="it prints 60.0 and 10.0 so the discount function works... then it crashes when i add them up??",
    check={"run": True, "bad": ["TypeError"], "good": ["You pay: 70.0"]},
    error_has=["60.0", "10.0", "TypeError: unsupported operand type(s) for +: 'NoneType' and 'NoneType'"],
)

item(
    name="initials.py", sdir="/home/priya/cs1/",
    category="print_instead_of_return", kind="question",
    code=r'''def get_initials(full_name):
    parts = full_name.split()
    initials = ""
    for p in parts:
        initials += p[0].upper()
    print(initials)  #@@

names = ["ada lovelace", "alan turing", "grace brewster hopper"]
result = [get_initials(n) for n in names]
print(result)
''',
    fix="    return initials",
    question="it prints AL, AT and GBH on seperate lines which looks right but then the list at the end is [None, None, None]. i want it to be ['AL', 'AT', 'GBH']",
    check={"run": True, "bad": ["[None, None, None]"], "good": ["['AL', 'AT', 'GBH']"]},
    mention=["[None, None, None]", "['AL', 'AT', 'GBH']"],
)

item(
    name="convert.py", sdir="/home/jake/python/hw2/",
    category="print_instead_of_return", kind="assert",
    code=r'''def celsius_to_f(c):
    f = c * 9 / 5 + 32
    print(f)  #@@

assert celsius_to_f(100) == 212
assert celsius_to_f(0) == 32
''',
    fix="    return f",
    question="it literally prints 212.0 right before the assert fails, how is that not equal to 212",
)

# ---------------------------------------------------------------- recursion_no_base_case
item(
    name="fact.py", sdir="/home/nico/uni/prog1/recursion/",
    category="recursion_no_base_case", kind="error",
    code=r'''# factorial using recursion (lab 7)
def factorial(n):
    # n! = n * (n-1)!
    return n * factorial(n - 1)  #@@

print(factorial(5))
''',
    fix="    if n <= 1:\n        return 1\n    return n * factorial(n - 1)",
    question="factorial(5) should be 120, instead i get this huge error",
    check={"run": True, "bad": ["RecursionError"], "good": ["120"]},
    error_has=["RecursionError: maximum recursion depth exceeded"],
)

item(
    name="evens_down.py", sdir="/home/carla/py/recursion/",
    category="recursion_no_base_case", kind="question",
    code=r'''def evens_down(n):
    # list of numbers from n down to 0/1 going by 2
    if n == 0:  #@@
        return [0]  #@@
    return [n] + evens_down(n - 2)

print(evens_down(6))
print(evens_down(5))
''',
    fix="    if n < 2:\n        return [n]",
    question="evens_down(6) gives [6, 4, 2, 0] like it should, but evens_down(5) crashes with RecursionError: maximum recursion depth exceeded. for 5 i want [5, 3, 1]",
    check={"call": "evens_down(5)", "bad": "raise:RecursionError: maximum recursion depth exceeded", "good": "[5, 3, 1]"},
    mention=["RecursionError: maximum recursion depth exceeded", "[5, 3, 1]"],
)

# ---------------------------------------------------------------- return_in_loop
item(
    name="allpass.py", sdir="/home/tom/school/compsci/",
    category="return_in_loop", kind="question",
    code=r'''def all_passed(scores):
    # True if evry score is 50 or more
    for s in scores:
        if s < 50:
            return False
        return True  #@@

print(all_passed([70, 40, 90]))
''',
    fix="    return True",
    question="all_passed([70, 40, 90]) says True but 40 is a fail!",
    check={"call": "all_passed([70, 40, 90])", "bad": "True", "good": "False"},
    mention=["all_passed([70, 40, 90])", "True"],
)

item(
    name="test_cart.py", sdir="/home/sam/projects/cart/",
    category="return_in_loop", kind="error",
    code=r'''# cart stuff for the project


def cart_total(items):
    total = 0
    for name in items:
        total += items[name]
        return total  #@@


def test_total():
    cart = {"notebook": 3.50, "pencils": 1.25, "backpack": 25.00}
    assert cart_total(cart) == 29.75


def test_empty():
    assert cart_total({}) == 0
''',
    fix="    return total",
    question="both my tests fail, the total one gets 3.5 which is just the notebook?",
    check={"run": False},
    error_mode="pytest",
    error_has=["2 failed", "assert 3.5 == 29.75", "assert None == 0"],
)

item(
    name="countchar.py", sdir="/home/ben/python/unit4/",
    category="return_in_loop", kind="doctest",
    code=r'''def count_char(text, ch):
    """Count how many times ch appears in text.

    >>> count_char("banana", "a")
    3
    >>> count_char("apple", "p")
    2
    """
    n = 0
    for c in text:
        if c == ch:
            n += 1
        return n  #@@
''',
    fix="    return n",
    question="doctest says Got: 0 for both",
)

# ---------------------------------------------------------------- shadowed_if_chain
item(
    name="shipping.py", sdir="/home/lena/intro_prog/week3/",
    category="shadowed_if_chain", kind="question",
    code=r'''def shipping_cost(weight):
    # 10 kg or less = $5, heavier = $12
    if weight > 0:  #@@
        return 5
    elif weight > 10:
        return 12
    else:
        return 0

print(shipping_cost(3))
print(shipping_cost(15))
''',
    fix="    if 0 < weight <= 10:",
    question="shipping_cost(15) should be 12 since its over 10kg but it gives 5. shipping_cost(3) gives 5 which is right",
    check={"call": "shipping_cost(15)", "bad": "5", "good": "12"},
    mention=["shipping_cost(15)", "12", "5"],
)

item(
    name="weather.py", sdir="/home/maya/cs101/lab3/",
    category="shadowed_if_chain", kind="stdin",
    code=r'''t = float(input("Temperature in C: "))

if t < 25:  #@@
    print("Nice weather")
elif t < 0:
    print("Freezing! wear a coat")
elif t < 35:
    print("Warm")
else:
    print("Too hot")
''',
    stdin="-5\n",
    fix="if 0 <= t < 25:",
    question="i typed -5 and it says Nice weather lol. should be Freezing! wear a coat",
    check={"run": True, "bad": ["Nice weather"], "good": ["Freezing! wear a coat"]},
    mention=["-5", "Nice weather", "Freezing! wear a coat"],
)

# ---------------------------------------------------------------- sort_result_used
item(
    name="median.py", sdir="/home/omar/hw/stats/",
    category="sort_result_used", kind="error",
    code=r'''def median(nums):
    ordered = nums.sort()  #@@
    mid = len(ordered) // 2
    if len(ordered) % 2 == 0:
        return (ordered[mid - 1] + ordered[mid]) / 2
    return ordered[mid]

print("median:", median([5, 1, 4, 2, 3]))
''',
    fix="    ordered = sorted(nums)",
    question="i dont have anything called NoneType in my code?",
    check={"run": True, "bad": ["TypeError"], "good": ["median: 3"]},
    error_has=["TypeError: object of type 'NoneType' has no len()"],
)

item(
    name="top3.py", sdir="/home/jake/python/hw5/",
    category="sort_result_used", kind="question",
    code=r'''def top_three(scores):
    best = scores.sort(reverse=True)  #@@
    return best[:3]

print(top_three([72, 95, 88, 60, 99]))
''',
    fix="    best = sorted(scores, reverse=True)",
    question="top_three([72, 95, 88, 60, 99]) gives TypeError: 'NoneType' object is not subscriptable. i sorted the list first so why is it None?? want [99, 95, 88]",
    check={"call": "top_three([72, 95, 88, 60, 99])", "bad": "raise:TypeError: 'NoneType' object is not subscriptable", "good": "[99, 95, 88]"},
    mention=["TypeError: 'NoneType' object is not subscriptable", "[99, 95, 88]"],
)

item(
    name="sortwords.py", sdir="/home/nico/uni/prog1/",
    category="sort_result_used", kind="stdin",
    code=r'''# sort my words alphabeticaly
words = input("Enter some words: ").split()
words = words.sort()  #@@
print("Sorted:", words)
''',
    stdin="pear apple fig\n",
    fix="words = sorted(words)",
    question="I typed pear apple fig and it just says Sorted: None. expected Sorted: ['apple', 'fig', 'pear']",
    check={"run": True, "bad": ["Sorted: None"], "good": ["Sorted: ['apple', 'fig', 'pear']"]},
    mention=["pear apple fig", "Sorted: None"],
)

# ---------------------------------------------------------------- str_int_comparison
item(
    name="vote.py", sdir="/home/sam/Desktop/python/",
    category="str_int_comparison", kind="error",
    code=r'''age = input("How old are you? ")  #@@
if age >= 18:
    print("You can vote!")
else:
    print("Sorry, not yet.")
''',
    stdin="20\n",
    fix='age = int(input("How old are you? "))',
    question="I typed 20 and got this",
    check={"run": True, "bad": ["TypeError"], "good": ["You can vote!"]},
    error_has=["TypeError: '>=' not supported between instances of 'str' and 'int'"],
)

item(
    name="beststudent.py", sdir="/home/carla/py/",
    category="str_int_comparison", kind="question",
    code=r'''data = "ana,9\nben,10\ncarl,7"

def best_student(text):
    best_name = ""
    best_score = "0"
    for line in text.split("\n"):
        name, score = line.split(",")
        if score > best_score:  #@@
            best_name = name
            best_score = score
    return best_name

print(best_student(data))
''',
    fix="        if int(score) > int(best_score):",
    question="best_student(data) returns ana but ben has 10 which is the highest?? apparently 9 beats 10",
    check={"call": "best_student(data)", "bad": "'ana'", "good": "'ben'"},
    mention=["ana", "ben"],
)

# ---------------------------------------------------------------- unhandled_edge_case
item(
    name="gradebook.py", sdir="/home/tom/school/compsci/",
    category="unhandled_edge_case", kind="question",
    code=r'''def average(nums):
    # returns 0 if there are no grades yet
    total = sum(nums)
    return total / len(nums)  #@@

print(average([90, 85]))
print(average([]))
''',
    fix="    if len(nums) == 0:\n        return 0\n    return total / len(nums)",
    question="average([]) crashes with ZeroDivisionError: division by zero. new students dont have grades yet so it should just give 0 like the comment says",
    check={"call": "average([])", "bad": "raise:ZeroDivisionError: division by zero", "good": "0"},
    mention=["average([])", "ZeroDivisionError"],
)

item(
    name="titlecase.py", sdir="/home/priya/cs1/strings/",
    category="unhandled_edge_case", kind="error",
    code=r'''def title_case(sentence):
    words = sentence.split(" ")
    out = []
    for w in words:
        out.append(w[0].upper() + w[1:])  #@@
    return " ".join(out)

print(title_case("the quick brown fox"))
print(title_case("hello  world"))
''',
    fix="        out.append(w[:1].upper() + w[1:])",
    question="the first one works, the second one crashes. theres 2 spaces in it by accident but that shouldnt break it right?",
    check={"run": True, "bad": ["IndexError"], "good": ["Hello  World"]},
    error_has=["The Quick Brown Fox", "IndexError: string index out of range"],
)

# (the 48th program equalled a tutor-bench program, bench/tutor/scripts/holdout_check.py: removed unread)

item(
    name="grade90.py", sdir="/home/jake/python/hw3/",
    category="wrong_comparison_operator", kind="question",
    code=r'''def grade(score):
    if score > 90:  #@@
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    return "F"

print(grade(90))
''',
    fix='    if score >= 90:',
    question="i got exactly 90 which is an A in our syllabus but grade(90) says B. 91 gives A fine",
    check={"call": "grade(90)", "bad": "'B'", "good": "'A'"},
    mention=["grade(90)", "B"],
)

item(
    name="bank.py", sdir="/home/omar/hw/bank/",
    category="wrong_comparison_operator", kind="error",
    code=r'''class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount

    def withdraw(self, amount):
        if amount < self.balance:  #@@
            self.balance -= amount
            return True
        print("Insufficient funds")
        return False

acct = BankAccount("Jo", 50)
acct.deposit(50)
acct.withdraw(100)
print(acct.owner, "has", acct.balance)
''',
    fix="        if amount <= self.balance:",
    question="Jo has exactly 100 and takes out 100, why is that insufficient funds? should end with 0",
    check={"run": True, "bad": ["Insufficient funds", "Jo has 100"], "good": ["Jo has 0"]},
    error_has=["Insufficient funds", "Jo has 100"],
)

item(
    name="inrange.py", sdir="/home/ben/python/unit2/",
    category="wrong_comparison_operator", kind="assert",
    code=r'''def count_in_range(nums, low, high):
    """how many numbers are between low and high (inclusive)"""
    c = 0
    for x in nums:
        if low < x <= high:  #@@
            c += 1
    return c

assert count_in_range([1, 5, 10, 15], 5, 10) == 2
assert count_in_range([], 0, 100) == 0
''',
    fix="        if low <= x <= high:",
    question="why does my first assert fail",
)

# ---------------------------------------------------------------- wrong_initial_value
item(
    name="wintertemps.py", sdir="/home/nico/uni/prog1/",
    category="wrong_initial_value", kind="question",
    code=r'''def highest_temp(temps):
    maxT = 0  #@@
    for t in temps:
        if t > maxT:
            maxT = t
    return maxT

jan = [-5, -2, -9, -4]
print(highest_temp(jan))
''',
    fix="    maxT = temps[0]",
    question="highest_temp works for the summer temps but for january [-5, -2, -9, -4] it says 0?? it never even got to 0 that month. should be -2",
    check={"call": "highest_temp([-5, -2, -9, -4])", "bad": "0", "good": "-2"},
    mention=["[-5, -2, -9, -4]", "0", "-2"],
)

item(
    name="cheapest.py", sdir="/home/sam/Desktop/python/",
    category="wrong_initial_value", kind="stdin",
    code=r'''prices = input("Enter prices separated by commas: ").split(",")
cheapest = 0  #@@
for p in prices:
    p = float(p)
    if p < cheapest:
        cheapest = p
print("Cheapest item costs", cheapest)
''',
    stdin="3.50,2.25,4\n",
    fix='cheapest = float("inf")',
    question="I entered 3.50,2.25,4 and it says Cheapest item costs 0. nothing costs 0 lol, should be 2.25",
    check={"run": True, "bad": ["Cheapest item costs 0\n"], "good": ["Cheapest item costs 2.25"]},
    mention=["3.50,2.25,4", "Cheapest item costs 0", "2.25"],
)

item(
    name="acronym.py", sdir="/home/maya/cs101/lab8/",
    category="wrong_initial_value", kind="doctest",
    code=r'''def acronym(phrase):
    """Make an acronym from a phrase.

    >>> acronym("portable network graphics")
    'PNG'
    >>> acronym("as soon as possible")
    'ASAP'
    """
    result = " "  #@@
    for word in phrase.split():
        result += word[0].upper()
    return result
''',
    fix='    result = ""',
    question="the letters look right but the doctest still fails??",
)

# ---------------------------------------------------------------- wrong_operator
item(
    name="circle.py", sdir="/home/carla/py/geometry/",
    category="wrong_operator", kind="question",
    code=r'''import math

def circle_area(r):
    return math.pi * r * 2  #@@

print(circle_area(3))
''',
    fix="    return math.pi * r ** 2",
    question="circle_area(3) gives 18.84955592153876 but the answer key says 28.27",
    check={"call": "circle_area(3)", "bad": "18.84955592153876", "good": "28.274333882308138"},
    mention=["circle_area(3)", "18.84955592153876", "28.27"],
)

item(
    name="seconds.py", sdir="/home/tom/school/compsci/",
    category="wrong_operator", kind="stdin",
    code=r'''secs = int(input("Enter seconds: "))
mins = secs % 60  #@@
leftover = secs % 60
print(secs, "seconds is", mins, "min and", leftover, "sec")
''',
    stdin="135\n",
    fix="mins = secs // 60",
    question="I typed 135 and it says 135 seconds is 15 min and 15 sec. thats way too many minutes, 135 sec is 2 min and 15 sec",
    check={"run": True, "bad": ["15 min and 15 sec"], "good": ["2 min and 15 sec"]},
    mention=["135", "15 min and 15 sec"],
)

item(
    name="tofahr.py", sdir="/home/lena/intro_prog/week2/",
    category="wrong_operator", kind="assert",
    code=r'''def to_fahrenheit(c):
    return c * 9 / 5 - 32  #@@

assert to_fahrenheit(0) == 32
assert to_fahrenheit(100) == 212
assert to_fahrenheit(-40) == -40
''',
    fix="    return c * 9 / 5 + 32",
    question="",
)

# ---------------------------------------------------------------- wrong_variable_returned
item(
    name="revwords.py", sdir="/home/priya/cs1/strings/",
    category="wrong_variable_returned", kind="question",
    code=r'''def reverse_words(sentence):
    words = sentence.split()
    rev = words[::-1]
    #print(rev)
    return " ".join(words)  #@@

print(reverse_words("I love python"))
''',
    fix='    return " ".join(rev)',
    question="reverse_words(\"I love python\") just gives back 'I love python' unchanged, i want 'python love I'",
    check={"call": 'reverse_words("I love python")', "bad": "'I love python'", "good": "'python love I'"},
    mention=["'I love python'", "'python love I'"],
)

item(
    name="cleannames.py", sdir="/home/jake/python/hw4/",
    category="wrong_variable_returned", kind="assert",
    code=r'''def clean_names(names):
    cleaned = []
    for n in names:
        cleaned.append(n.strip().title())
    return names  #@@

raw = ["  alice", "BOB ", "charlie brown"]
assert clean_names(raw) == ["Alice", "Bob", "Charlie Brown"]
''',
    fix="    return cleaned",
    question="assertion error, idk why",
)

item(
    name="letters.py", sdir="/home/omar/hw/strings/",
    category="wrong_variable_returned", kind="error",
    code=r'''def most_common_letter(text):
    counts = {}
    for ch in text.lower():
        if ch.isalpha():
            counts[ch] = counts.get(ch, 0) + 1
    best = None
    best_count = 0
    for ch, c in counts.items():
        if c > best_count:
            best = ch
            best_count = c
    return best_count  #@@

print("Most common letter:", most_common_letter("Hello World"))
''',
    fix="    return best",
    question="it says 3 but 3 isnt a letter? it should say l",
    check={"run": True, "bad": ["Most common letter: 3"], "good": ["Most common letter: l"]},
    error_has=["Most common letter: 3"],
)

# =====================================================================================
# verification machinery
# =====================================================================================

MARK = re.compile(r"\s*#@@$")

CALL_RUNNER = r'''
import ast, sys, io, contextlib, json
path, expr = sys.argv[1], sys.argv[2]
src = open(path).read()
tree = ast.parse(src)
keep = []
for node in tree.body:
    if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
        keep.append(node)
    elif isinstance(node, ast.Assign):
        try:
            ast.literal_eval(node.value)
            keep.append(node)
        except Exception:
            pass
g = {"__name__": "__devset__"}
exec(compile(ast.Module(body=keep, type_ignores=[]), path, "exec"), g)
buf = io.StringIO()
try:
    with contextlib.redirect_stdout(buf):
        r = eval(expr, g)
    out = {"result": repr(r)}
except BaseException as e:
    out = {"result": "raise:%s: %s" % (type(e).__name__, e)}
out["stdout"] = buf.getvalue()
sys.__stdout__.write("\n@@RESULT@@" + json.dumps(out))
'''


class Fail(Exception):
    pass


def prepare(it):
    raw = it["code"]
    if not raw.endswith("\n"):
        raise Fail("code must end with newline")
    lines = raw.split("\n")[:-1]
    bug = []
    clean = []
    for i, ln in enumerate(lines, 1):
        if MARK.search(ln):
            bug.append(i)
            ln = MARK.sub("", ln)
        clean.append(ln)
    if not bug:
        raise Fail("no bug marker")
    if bug != list(range(bug[0], bug[-1] + 1)) or len(bug) > 2:
        raise Fail("bug lines must be 1-2 adjacent lines: %r" % bug)
    if "#@@" in "\n".join(clean):
        raise Fail("stray marker")
    code = "\n".join(clean) + "\n"
    fixed_lines = clean[: bug[0] - 1] + it["fix"].split("\n") + clean[bug[-1]:]
    fixed = "\n".join(fixed_lines) + "\n"
    if fixed == code:
        raise Fail("fix does not change code")
    return code, fixed, bug


def write(dirpath, name, text):
    os.makedirs(dirpath, exist_ok=True)
    path = os.path.join(dirpath, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def run(args, cwd, stdin="", timeout=TIMEOUT, env=None):
    """Run; returns (rc or 'timeout', combined output)."""
    try:
        p = subprocess.run(args, cwd=cwd, input=stdin, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, timeout=timeout, env=env)
        return p.returncode, p.stdout
    except subprocess.TimeoutExpired as e:
        out = e.stdout or ""
        if isinstance(out, bytes):
            out = out.decode("utf-8", "replace")
        return "timeout", out


def run_sigint(path, cwd, delay=1.0):
    p = subprocess.Popen([PY, "-I", "-u", path], cwd=cwd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    time.sleep(delay)
    if p.poll() is not None:
        out = p.communicate()[0]
        return p.returncode, out, False
    p.send_signal(signal.SIGINT)
    try:
        out = p.communicate(timeout=5)[0]
    except subprocess.TimeoutExpired:
        p.kill()
        out = p.communicate()[0]
    return p.returncode, out, True


def call_result(runner, path, cwd, expr):
    rc, out = run([PY, "-I", runner, path, expr], cwd)
    if rc == "timeout":
        return "timeout", ""
    if "@@RESULT@@" not in out:
        raise Fail("call runner failed: %s" % out[-800:])
    data = json.loads(out.split("@@RESULT@@")[-1])
    return data["result"], data["stdout"]


def verify(idx, it, scratch, runner):
    code, fixed, bug = prepare(it)
    kind = it["kind"]
    stdin = it.get("stdin", "")
    d_bug = os.path.join(scratch, "b%02d" % idx)
    d_fix = os.path.join(scratch, "f%02d" % idx)
    p_bug = write(d_bug, it["name"], code)
    p_fix = write(d_fix, it["name"], fixed)
    info = {"crash": False}

    # question must not contain the fix, and must mention the stated values
    q = it["question"]
    for fl in it["fix"].split("\n"):
        fl = fl.strip()
        if fl and fl in q:
            raise Fail("question contains fix line %r" % fl)
    for m in it.get("mention", []):
        if m not in q:
            raise Fail("question lacks %r" % m)
    if kind in ("question", "stdin", "error") and not q.strip():
        raise Fail("empty question")
    if kind == "stdin" and "input(" not in code:
        raise Fail("stdin kind without input()")

    # the fixed program runs as a whole without crashing / hanging
    rc_f, out_f = run([PY, "-I", "-u", p_fix], d_fix, stdin)
    if rc_f != 0:
        raise Fail("fixed program fails (rc=%s):\n%s" % (rc_f, out_f[-1500:]))
    rc_b, out_b = run([PY, "-I", "-u", p_bug], d_bug, stdin)
    if rc_b == "timeout" or (rc_b != 0 and not (kind == "assert" and "AssertionError" in out_b)):
        info["crash"] = True

    chk = it.get("check")
    if chk and "call" in chk:
        rb, _ = call_result(runner, p_bug, d_bug, chk["call"])
        rf, _ = call_result(runner, p_fix, d_fix, chk["call"])
        if rb != chk["bad"]:
            raise Fail("buggy call %s -> %r, expected %r" % (chk["call"], rb, chk["bad"]))
        if rf != chk["good"]:
            raise Fail("fixed call %s -> %r, expected %r" % (chk["call"], rf, chk["good"]))
        if rb == rf:
            raise Fail("results do not differ")
        if rb == "timeout" or rb.startswith("raise:"):
            info["crash"] = True
    elif chk and chk.get("run"):
        if out_b == out_f:
            raise Fail("buggy and fixed outputs identical")
        for s in chk["bad"]:
            if s not in out_b:
                raise Fail("buggy output lacks %r:\n%s" % (s, out_b[-1500:]))
            if s in out_f:
                raise Fail("fixed output still has %r" % s)
        for s in chk["good"]:
            if s not in out_f:
                raise Fail("fixed output lacks %r:\n%s" % (s, out_f[-1500:]))
            if s in out_b:
                raise Fail("buggy output already has %r" % s)

    if kind == "assert":
        if rc_b == 0 or "AssertionError" not in out_b:
            raise Fail("buggy assert file does not fail with AssertionError:\n%s" % out_b[-1500:])
        if "assert" not in code:
            raise Fail("no assert in code")
    if kind == "doctest":
        rc1, o1 = run([PY, "-I", "-m", "doctest", p_bug], d_bug)
        rc2, o2 = run([PY, "-I", "-m", "doctest", p_fix], d_fix)
        if rc1 == 0 or "Failed example" not in o1:
            raise Fail("buggy doctest passes:\n%s" % o1)
        if rc2 != 0:
            raise Fail("fixed doctest fails:\n%s" % o2)
        if ">>>" not in code:
            raise Fail("no doctest in code")

    error = None
    if kind == "error":
        mode = it.get("error_mode", "run")
        if mode == "run":
            rc, out = rc_b, out_b
        elif mode == "sigint":
            rc_t, _ = run([PY, "-I", "-u", p_bug], d_bug, stdin, timeout=3)
            if rc_t != "timeout":
                raise Fail("buggy program expected to hang")
            info["crash"] = True
            rc, out, interrupted = run_sigint(p_bug, d_bug)
            if not interrupted:
                raise Fail("program ended before SIGINT")
        elif mode == "pytest":
            # plain pytest, without the extra plugins of this machine
            penv = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
            rc, out = run([PY, "-I", "-m", "pytest", "-p", "no:cacheprovider", p_bug], d_bug, env=penv)
            rc2, out2 = run([PY, "-I", "-m", "pytest", "-p", "no:cacheprovider", p_fix], d_fix, env=penv)
            if rc == 0 or rc2 != 0:
                raise Fail("pytest: buggy rc=%s fixed rc=%s\n%s\n%s" % (rc, rc2, out, out2))
        else:
            raise Fail("bad error_mode")
        error = out.replace(d_bug + os.sep, it["sdir"]).replace(d_bug, it["sdir"].rstrip("/"))
        if scratch in error or "/tmp/" in error:
            raise Fail("scratch path leaked into error text")
        for s in it.get("error_has", []):
            if s not in error:
                raise Fail("error text lacks %r:\n%s" % (s, error))
        if not error.strip():
            raise Fail("empty error text")
    rec = {
        "category": it["category"],
        "bugLines": bug,
        "question": it["question"],
        "error": error,
        "code": code,
        "kind": kind,
        "fix": it["fix"],
        "after": False,
    }
    return rec, info


CATEGORIES = set("""accumulator_reset_in_loop boolean_precedence early_break index_vs_element
integer_division inverted_condition is_vs_equals loop_condition_never_changes missing_return
mutable_default_argument mutate_while_iterating off_by_one_range print_instead_of_return
recursion_no_base_case return_in_loop shadowed_if_chain sort_result_used str_int_comparison
unhandled_edge_case wrong_comparison_operator wrong_initial_value wrong_operator
wrong_variable_returned""".split())
KINDS = {"question", "error", "stdin", "assert", "doctest"}


def main():
    only = set(sys.argv[1:])
    problems = []
    records = []
    crashes = 0
    scratch = tempfile.mkdtemp(prefix="devset23_")
    try:
        runner = write(scratch, "call_runner.py", CALL_RUNNER)
        for i, it in enumerate(ITEMS):
            if only and it["name"] not in only:
                continue
            try:
                if it["category"] not in CATEGORIES:
                    raise Fail("unknown category")
                if it["kind"] not in KINDS:
                    raise Fail("unknown kind")
                rec, info = verify(i, it, scratch, runner)
                records.append(rec)
                crashes += info["crash"]
                print("ok   %-18s %-30s %-8s crash=%s" % (it["name"], it["category"], it["kind"], info["crash"]))
            except Fail as e:
                problems.append("%s: %s" % (it["name"], e))
                print("FAIL %-18s %s" % (it["name"], e))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    cats = collections.Counter(r["category"] for r in records)
    kinds = collections.Counter(r["kind"] for r in records)
    if not only:
        if len(ITEMS) != 59:
            problems.append("need 59 items, have %d" % len(ITEMS))
        if len(cats) < 18:
            problems.append("fewer than 18 categories")
        if any(v > 5 for v in cats.values()):
            problems.append("a category has more than 5 items")
        if len(records) - crashes < 40:
            problems.append("fewer than 40 wrong-answer programs")
        if set(kinds) != KINDS:
            problems.append("not all kinds used")
        codes = [r["code"] for r in records]
        if len(set(codes)) != len(codes):
            problems.append("duplicate programs")
    print("\ncategories:", dict(sorted(cats.items())))
    print("kinds:", dict(kinds))
    print("crash/hang programs:", crashes, " wrong-answer programs:", len(records) - crashes)
    if problems:
        print("\n%d problem(s); JSON NOT written" % len(problems))
        for p in problems:
            print("  -", p)
        sys.exit(1)
    if only:
        print("subset run ok; JSON not written")
        return
    for i, rec in enumerate(records):
        rec["after"] = i % 3 == 2    # every third program is the hold-out: measured, never read or tuned on
    with open(OUT_JSON, "w") as f:
        json.dump(records, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("\nwrote %d items to %s" % (len(records), OUT_JSON))


if __name__ == "__main__":
    main()
