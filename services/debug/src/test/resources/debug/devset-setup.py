#!/usr/bin/env python3
"""Writes devset-setup.json and checks every program fails as labelled (the checks of devset-expectations.py).

Cases that need statements run before the call compared: objects built and methods called first ("s = Stack();
s.push(1); s.pop() gives 1"), asserts on a setup variable or a method, unittest methods with a setUp, pytest
functions with local setup lines; expected values written as words ("should be ten", "should return true",
"an empty list", "should print nothing"); and the categories the last benchmark found weakest (mutable default
arguments, wrong comparison operators, is vs ==, mutating while iterating, unhandled edge cases, wrong operators,
missing returns). The last block, after the marker, was written after the changes, as a check of how far they carry.
Usage: python3 devset-setup.py
"""
import importlib.util
import os

_spec = importlib.util.spec_from_file_location(
    "devset_expectations", os.path.join(os.path.dirname(os.path.abspath(__file__)), "devset-expectations.py"))
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)
base.P.clear()
add = base.add


def tested(category, bug_lines, code, tests, checks, question="", error=None, fix=None):
    """A program with its test lines appended: the checks run the program alone."""
    add(category, bug_lines, code + tests, "assert", checks, question=question, error=error, fix=fix)
    base.P[-1]["run"] = code


# ---------------------------------------------------------------- mutable default arguments
add("mutable_default_argument", [2], """class Playlist:
    def __init__(self, name, songs=[]):
        self.name = name
        self.songs = songs

    def add(self, song):
        self.songs.append(song)

    def count(self):
        return len(self.songs)
""", "question", [("call", "p1 = Playlist('rock'); p1.add('thunder'); p2 = Playlist('jazz')", "p2.count()", 1, 0)],
    question="p1 = Playlist('rock'); p1.add('thunder'); p2 = Playlist('jazz'); p2.count() gives 1 but should be 0, "
             "i never added anything to p2??")

add("mutable_default_argument", [1], """def add_grade(grade, grades=[]):
    grades.append(grade)
    return grades
""", "error", [("call", "add_grade(90)", "add_grade(75)", [90, 75], [75])],
    error="add_grade(90) then add_grade(75) returned [90, 75], expected [75]")

add("mutable_default_argument", [6], """class Shop:
    def __init__(self):
        self.orders = []
        self.total = 0

    def make_order(self, item, extras=[]):
        extras.append(item)
        self.orders.append(extras)
        return extras
""", "question", [("call", "s = Shop(); s.make_order('pizza')", "s.make_order('soda')", ['pizza', 'soda'], ['soda'])],
    question="s = Shop()\ns.make_order('pizza')\ns.make_order('soda')\nthe last one returns ['pizza', 'soda'] but it "
             "should return ['soda'] only")

tested("mutable_default_argument", [1], """def count_words(text, counts={}):
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts
""", """
assert count_words("a b") == {"a": 1, "b": 1}
assert count_words("a") == {"a": 1}
""", [("call", "count_words('a b')", "count_words('a')", {"a": 2, "b": 1}, {"a": 1})],
    question="second assert fails and I dont get why, it's a new sentence")

tested("mutable_default_argument", [1], """def make_team(name, members=[]):
    members.append(name)
    return members

""", """def test_teams():
    t1 = make_team("ann")
    t2 = make_team("bob")
    assert t2 == ["bob"]
""", [("call", "t1 = make_team('ann')", "make_team('bob')", ['ann', 'bob'], ['bob'])],
    error="FAILED test_teams - AssertionError: assert ['ann', 'bob'] == ['bob']")

add("mutable_default_argument", [2], """class Student:
    def __init__(self, name, courses=[]):
        self.name = name
        self.courses = courses

    def enroll(self, course):
        if course not in self.courses:
            self.courses.append(course)

    def course_count(self):
        return len(self.courses)
""", "question", [("call", "a = Student('Ann'); a.enroll('math'); a.enroll('art'); b = Student('Ben'); "
                           "b.enroll('bio')", "b.course_count()", 3, 1)],
    question="so i do\n    a = Student('Ann')\n    a.enroll('math')\n    a.enroll('art')\n    b = Student('Ben')\n"
             "    b.enroll('bio')\n    print(b.course_count())\nand it prints 3?? Ben only has one course, it should "
             "be one")

add("mutable_default_argument", [1], """def append_log(msg, log=[]):
    log.append(msg.upper())
    return log

first = append_log("start")
second = append_log("stop")
print(second)
""", "question", [("call", "", "second", ['START', 'STOP'], ['STOP'])],
    question="the second log should only have STOP in it, it prints ['START', 'STOP']")

# ---------------------------------------------------------------- wrong comparison operators
add("wrong_comparison_operator", [9], """class Gradebook:
    def __init__(self):
        self.marks = []
    def add(self, m):
        self.marks.append(m)
    def passed(self):
        n = 0
        for m in self.marks:
            if m > 50:
                n += 1
        return n
""", "question", [("call", "g = Gradebook(); g.add(50); g.add(70); g.add(20)", "g.passed()", 1, 2)],
    question="g = Gradebook(); g.add(50); g.add(70); g.add(20) then g.passed() is 1 but 50 is a pass (50 or more) "
             "so it should be 2")

add("wrong_comparison_operator", [4], """def count_adults(ages):
    adults = 0
    for a in ages:
        if a > 18:
            adults = adults + 1
    return adults
""", "error", [("call", "", "count_adults([18, 20, 5])", 1, 2)],
    error="AssertionError: count_adults([18, 20, 5]) should be two but got 1")

add("wrong_comparison_operator", [3], """def find_first_big(nums, limit):
    for i in range(len(nums)):
        if nums[i] >= limit:
            return i
    return -1
""", "question", [("call", "", "find_first_big([3, 8, 10], 8)", 1, 2)],
    question="find_first_big([3, 8, 10], 8) gives 1 but i want the first one BIGGER than 8 so index 2")

tested("wrong_comparison_operator", [5], """import unittest


def is_teen(age):
    return 13 < age < 19

""", """
class TestTeen(unittest.TestCase):
    def test_thirteen(self):
        self.assertTrue(is_teen(13))
""", [("call", "", "is_teen(13)", False, True)], question="why does test_thirteen fail? 13 is a teen")

tested("wrong_comparison_operator", [7], """import unittest

class Thermostat:
    def __init__(self, target):
        self.target = target
    def needs_heat(self, temp):
        return temp <= self.target

""", """
class TestThermostat(unittest.TestCase):
    def setUp(self):
        self.t = Thermostat(20)

    def test_exact(self):
        self.assertFalse(self.t.needs_heat(20))
""", [("call", "t = Thermostat(20)", "t.needs_heat(20)", True, False)],
    error="FAIL: test_exact (__main__.TestThermostat)\nAssertionError: True is not false")

add("wrong_comparison_operator", [7], """class Inventory:
    def __init__(self):
        self.stock = {}
    def add(self, item, qty):
        self.stock[item] = self.stock.get(item, 0) + qty
    def can_sell(self, item, qty):
        if self.stock.get(item, 0) > qty:
            return True
        return False
""", "question", [("call", "inv = Inventory(); inv.add('pen', 5)", "inv.can_sell('pen', 5)", False, True)],
    question="inv = Inventory()\ninv.add('pen', 5)\ninv.can_sell('pen', 5)  # says False, should say True cause i have "
             "exactly 5")

add("wrong_comparison_operator", [4], """def cheap_items(prices, budget):
    res = []
    for p in prices:
        if p < budget:
            res.append(p)
    return res
""", "question", [("call", "", "cheap_items([5, 10, 15], 10)", [5], [5, 10])],
    question="cheap_items([5, 10, 15], 10) returns [5] only, shouldnt 10 be in there too since i can afford it")

# ---------------------------------------------------------------- is vs ==
add("is_vs_equals", [2], """def same_name(a, b):
    if a.lower() is b.lower():
        return True
    return False
""", "question", [("call", "", "same_name('Bob', 'bob')", False, True)],
    question="same_name('Bob', 'bob') should return true but returns false")

add("is_vs_equals", [3], """secret = "python"
guess = input("guess: ")
if guess is secret:
    print("you got it")
else:
    print("nope")
""", "stdin", [("stdin", "python\n", "nope", "you got it")],
    question="when i type python it says nope, it should say you got it")

add("is_vs_equals", [2], """def is_palindrome_list(xs):
    return xs[::-1] is xs
""", "question", [("call", "", "is_palindrome_list([1, 2, 1])", False, True)],
    question="is_palindrome_list([1,2,1]) returns False but it should be True, its the same backwards")

add("is_vs_equals", [7], """class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit.upper()

    def same_suit(self, other):
        return self.suit is other.suit
""", "question", [("call", "a = Card(5, 'h'); b = Card(9, 'h')", "a.same_suit(b)", False, True)],
    question="a = Card(5, 'h'); b = Card(9, 'h'); a.same_suit(b) gives False, should be True both are hearts")

tested("is_vs_equals", [4], """def count_matches(xs, target):
    c = 0
    for x in xs:
        if x is target:
            c += 1
    return c

""", """def test_count():
    target = [1, 2]
    assert count_matches([[1, 2], [3], [1, 2]], target) == 2
""", [("call", "target = [1, 2]", "count_matches([[1, 2], [3], [1, 2]], target)", 0, 2)],
    error="E       assert 0 == 2")

# ---------------------------------------------------------------- mutating while iterating
add("mutate_while_iterating", [4], """def remove_evens(nums):
    for n in nums:
        if n % 2 == 0:
            nums.remove(n)
    return nums
""", "question", [("call", "", "remove_evens([2, 4, 5, 6])", [4, 5], [5])],
    question="remove_evens([2, 4, 5, 6]) gives [4, 5] but should be [5]")

add("mutate_while_iterating", [9], """class TodoList:
    def __init__(self):
        self.items = []
    def add(self, text):
        self.items.append({"text": text, "done": False})
    def clear_done(self):
        for it in self.items:
            if it["done"]:
                self.items.remove(it)
    def finish(self, i):
        self.items[i]["done"] = True
""", "question", [("call", "t = TodoList(); t.add('a'); t.add('b'); t.add('c'); t.finish(0); t.finish(1); t.clear_done()",
                   "len(t.items)", 2, 1)],
    question="t = TodoList(); t.add('a'); t.add('b'); t.add('c'); t.finish(0); t.finish(1); t.clear_done(); "
             "len(t.items) should be 1 but it's 2")

tested("mutate_while_iterating", [4], """def drop_blanks(words):
    for w in words:
        if w.strip() == "":
            words.remove(w)
    return words

""", """assert drop_blanks(["hi", "", "", "yo"]) == ["hi", "yo"]
""", [("call", "", "drop_blanks(['hi', '', '', 'yo'])", ['hi', '', 'yo'], ['hi', 'yo'])],
    error="AssertionError")

add("mutate_while_iterating", [7], """n = int(input())
nums = []
for i in range(n):
    nums.append(int(input()))
for x in nums:
    if x < 0:
        nums.remove(x)
print(nums)
""", "stdin", [("stdin", "4\n-1\n-2\n3\n4\n", "[-2, 3, 4]", "[3, 4]")],
    question="Input:\n4\n-1\n-2\n3\n4\nExpected output:\n[3, 4]\nMy output:\n[-2, 3, 4]")

# ---------------------------------------------------------------- unhandled edge cases
add("unhandled_edge_case", [3], """def mean_mark(scores):
    points = sum(scores)
    return points / len(scores)
""", "question", [("raises", "", "mean_mark([])", "ZeroDivisionError")],
    question="mean_mark([]) should be zero but it crashes")

add("unhandled_edge_case", [5], """class Queue:
    def __init__(self):
        self.q = []
    def peek(self):
        return self.q[0]
    def push(self, x):
        self.q.append(x)
""", "question", [("raises", "qu = Queue()", "qu.peek()", "IndexError")],
    question="qu = Queue(); qu.peek() should return None when its empty but i get IndexError")

add("unhandled_edge_case", [4], """def biggest_drop(prices):
    best = 0
    i = 1
    while i <= len(prices) - 1 or prices[0] == 0:
        drop = prices[i - 1] - prices[i]
        if drop > best:
            best = drop
        i += 1
    return best
""", "question", [("raises", "", "biggest_drop([])", "IndexError")],
    question="biggest_drop([]) should just be 0 but it crashes with IndexError: list index out of range")

add("unhandled_edge_case", [5], """def initials(name):
    parts = name.split(" ")
    res = ""
    for p in parts:
        res += p[0]
    return res.upper()
""", "question", [("raises", "", "initials('')", "IndexError")],
    question="initials('') should give an empty string but it crashes")

# ---------------------------------------------------------------- wrong operators
add("wrong_operator", [5], """class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        self.balance = self.balance + amount
        return self.balance
""", "question", [("call", "acc = Account(100)", "acc.withdraw(30)", 130, 70)],
    question="acc = Account(100) then acc.withdraw(30) gives 130 but should be 70")

tested("wrong_operator", [5], """class Account:
    def __init__(self, balance):
        self.balance = balance
    def deposit(self, amount):
        self.balance = self.balance * amount
        return self.balance

acc = Account(10)
""", """assert acc.deposit(5) == 15
""", [("call", "acc = Account(10)", "acc.deposit(5)", 50, 15)])

add("wrong_operator", [4], """def total_price(items):
    total = 0
    for price, qty in items:
        total += price + qty
    return total
""", "question", [("call", "", "total_price([(2, 3), (5, 2)])", 12, 16)],
    question="total_price([(2, 3), (5, 2)]) should be 16 (2*3 + 5*2) but it's twelve")

add("wrong_operator", [2], """def area(w, h):
    return w + h
""", "question", [("call", "", "area(3, 4)", 7, 12)],
    question="area(3, 4) is supposed to be twelve but its 7")

add("wrong_operator", [3], """def to_seconds(minutes):
    sec = 0
    sec = minutes / 60
    return sec
""", "question", [("call", "", "to_seconds(2)", 2 / 60, 120)],
    question="to_seconds(2) should be 120, i get 0.0333")

add("wrong_operator", [4], """n = int(input("how many? "))
total = 0
for i in range(1, n + 1):
    total = total - i
print("sum:", total)
""", "stdin", [("stdin", "4\n", "sum: -10", "sum: 10")],
    question="if i enter 4 it says sum: -10, it should be sum: 10")

# ---------------------------------------------------------------- missing return
add("missing_return", [5], """def only_positive(nums):
    out = []
    for n in nums:
        if n > 0:
            out.append(n)
""", "question", [("call", "", "only_positive([-1, 2, 3])", None, [2, 3])],
    question="only_positive([-1, 2, 3]) returns None instead of the list")

add("missing_return", [6], """class Counter:
    def __init__(self):
        self.n = 0
    def increment(self):
        self.n += 1
        self.n
""", "question", [("call", "c = Counter(); c.increment()", "c.increment()", None, 2)],
    question="c = Counter(); c.increment(); c.increment() should give 2 but it gives None")

add("missing_return", [5], """def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        "B"
    else:
        return "C"
""", "question", [("call", "", "grade(85)", None, "B")],
    question="grade(85) should return 'B' but returns None")

tested("missing_return", [3], """def sorted_copy(xs):
    ys = list(xs)
    ys.sort()

""", """def test_sorted_copy():
    data = [3, 1, 2]
    assert sorted_copy(data) == [1, 2, 3]
""", [("call", "data = [3, 1, 2]", "sorted_copy(data)", None, [1, 2, 3])],
    error="assert None == [1, 2, 3]")

add("missing_return", [5], """def is_even(n):
    if n % 2 == 0:
        return True
    else:
        False
""", "question", [("call", "", "is_even(3)", None, False)],
    question="is_even(3) should return false but i get None")

# ---------------------------------------------------------------- words for values, setup in the error field
add("off_by_one_range", [3], """def sum_to(n):
    total = 0
    for i in range(n):
        total += i
    return total
""", "question", [("call", "", "sum_to(4)", 6, 10)], question="sum_to(4) should be ten but it's six")

add("print_instead_of_return", [4], """def shout(words):
    res = []
    for w in words:
        print(w.upper())
    return res
""", "question", [("call", "", "shout(['hi', 'yo'])", [], ['HI', 'YO'])],
    question="shout(['hi', 'yo']) should give ['HI', 'YO'] but i get an empty list")

add("wrong_variable_returned", [6], """def sort_scores(scores):
    copy = scores[:]
    copy.sort()
    for s in copy:
        pass
    return scores
""", "question", [("call", "", "sort_scores([3, 1, 2])", [3, 1, 2], [1, 2, 3])],
    question="sort_scores([3, 1, 2]) should be the same list but sorted, i get [3, 1, 2] back")

add("inverted_condition", [4], """n = int(input())
for i in range(n):
    word = input()
    if len(word) <= 3:
        print(word)
""", "stdin", [("stdin", "2\nab\ncat\n", "ab\ncat", "xyz")],
    question="when I type 2 then ab then cat it should print nothing (nothing is longer than 3) but it prints "
             "ab and cat")

add("accumulator_reset_in_loop", [6], """class Cart:
    def __init__(self):
        self.prices = []
    def total(self):
        for p in self.prices:
            t = 0
            t += p
        return t
""", "error", [("call", "c = Cart(); c.prices = [3, 4, 5]", "c.total()", 5, 12)],
    error="c = Cart()\nc.prices = [3, 4, 5]\nc.total()\nexpected 12, got 5")
base.P[-1]["bugLines"] = [6]

add("return_in_loop", [6], """class Library:
    def __init__(self, books):
        self.books = books
    def titles_by(self, author):
        for b in self.books:
            if b[1] == author:
                return [b[0]]
        return []
""", "question", [("call", "lib = Library([('A', 'x'), ('B', 'x'), ('C', 'y')])", "lib.titles_by('x')", ['A'],
                   ['A', 'B'])],
    question="lib = Library([('A', 'x'), ('B', 'x'), ('C', 'y')]) and lib.titles_by('x') gives ['A'], "
             "shoud be ['A', 'B']")
base.P[-1]["bugLines"] = [7]

add("wrong_initial_value", [3], """class Stats:
    def __init__(self, nums):
        self.low = 0
        for n in nums:
            if n < self.low:
                self.low = n
""", "question", [("call", "st = Stats([4, 7, 5])", "st.low", 0, 4)],
    question="st = Stats([4, 7, 5]); st.low is 0 but the smallest is 4")

add("wrong_operator", [7], """class Stack:
    def __init__(self):
        self.items = []
        self.size = 0
    def push(self, x):
        self.items.append(x)
        self.size =+ 1
    def pop(self):
        self.size -= 1
        return self.items.pop()
""", "question", [("call", "s = Stack(); s.push(1); s.push(2)", "s.size", 1, 2)],
    question="s = Stack(); s.push(1); s.push(2); s.size gives 1 but should give 2")

add("early_break", [6], """class Roster:
    def __init__(self, names):
        self.names = names
    def has(self, who):
        for n in self.names:
            if n != who:
                break
            return True
        return False
""", "question", [("call", "r = Roster(['amy', 'bo', 'cy'])", "r.has('bo')", False, True)],
    question="r = Roster(['amy', 'bo', 'cy']) and r.has('bo') says False, should be true, bo is in there")
base.P[-1]["bugLines"] = [7]

tested("integer_division", [5], """class Team:
    def __init__(self, scores):
        self.scores = scores
    def mean(self):
        return sum(self.scores) // len(self.scores)

""", """def test_mean():
    t = Team([1, 2])
    assert t.mean() == 1.5
""", [("call", "t = Team([1, 2])", "t.mean()", 1, 1.5)], error="AssertionError: assert 1 == 1.5")

tested("sort_result_used", [5], """class Board:
    def __init__(self):
        self.scores = []
    def top(self):
        ranked = self.scores.sort(reverse=True)
        return ranked

""", """import unittest

class TestBoard(unittest.TestCase):
    def setUp(self):
        self.b = Board()
        self.b.scores = [3, 9, 5]

    def test_top(self):
        self.assertEqual(self.b.top(), [9, 5, 3])
""", [("call", "b = Board(); b.scores = [3, 9, 5]", "b.top()", None, [9, 5, 3])],
    error="AssertionError: None != [9, 5, 3]")

add("str_int_comparison", [4], """ages = input().split()
old = 0
for a in ages:
    if a > "30":
        old += 1
print(old)
""", "stdin", [("stdin", "5 40 100\n", "2", "XX")],
    question="when I type 5 40 100 it says 2 but only 40 and 100 are over 30 so... wait that's right. "
             "when I type 5 40 100 9 it should say 2 but says 3")
base.P[-1]["checks"] = [("stdin", "5 40 100 9\n", "3", "2")]

add("shadowed_if_chain", [4], """def ticket(age):
    if age < 18:
        return "child"
    elif age < 12:
        return "kid"
    return "adult"
""", "question", [("call", "", "ticket(8)", "child", "kid")],
    question="ticket(8) should return kid, but i get child")
base.P[-1]["bugLines"] = [2, 4]

add("boolean_precedence", [2], """def can_ride(age, height, with_parent):
    return age >= 10 or with_parent and height >= 120
""", "question", [("call", "", "can_ride(12, 100, False)", True, False)],
    question="can_ride(12, 100, False) should be false because hes too short, but it returns true")

add("recursion_no_base_case", [2], """def power(b, e):
    if e == 1:
        return b
    return b * power(b, e - 1)
""", "question", [("raises", "", "power(2, 0)", "RecursionError")],
    question="power(2, 0) should be one but it crashes with RecursionError")

add("index_vs_element", [4], """def total_of(nums):
    t = 0
    for i in range(len(nums)):
        t += i
    return t
""", "question", [("call", "", "total_of([5, 5, 5])", 3, 15)], question="total_of([5, 5, 5]) should be fifteen, "
                                                                            "mine says 3")

add("accumulator_reset_in_loop", [4], """def count_vowels(s):
    n = 0
    for ch in s:
        n = 0
        if ch in "aeiou":
            n += 1
    return n
""", "question", [("call", "", "count_vowels('banana')", 1, 3)],
    question="count_vowels('banana') should be three but it's 1")

tested("wrong_operator", [7], """import unittest

class Timer:
    def __init__(self, seconds):
        self.seconds = seconds
    def minutes(self):
        return self.seconds % 60

""", """
class TestTimer(unittest.TestCase):
    def setUp(self):
        self.t = Timer(150)

    def test_minutes(self):
        self.assertEqual(self.t.minutes(), 2)
""", [("call", "t = Timer(150)", "t.minutes()", 30, 2)],
    error="Traceback (most recent call last):\n  File \"test_timer.py\", line 15, in test_minutes\n"
          "    self.assertEqual(self.t.minutes(), 2)\nAssertionError: 30 != 2")

# ---------------------------------------------------------------- more classes and words (tuned on as well)

add("mutable_default_argument", [2], """class Bag:
    def __init__(self, owner, things=[]):
        self.owner = owner
        self.things = things
    def put(self, t):
        self.things.append(t)
""", "question", [("call", "x = Bag('x'); x.put('pen'); y = Bag('y')", "len(y.things)", 1, 0)],
    question="x = Bag('x'); x.put('pen'); y = Bag('y'); len(y.things) is 1 instead of 0")

add("wrong_comparison_operator", [8], """class Thermometer:
    def __init__(self):
        self.readings = []
    def record(self, r):
        self.readings.append(r)
    def hot_days(self):
        c = 0
        for r in self.readings:
            if r >= 30:
                c += 1
        return c
""", "question", [("call", "t = Thermometer(); t.record(30); t.record(31); t.record(12)", "t.hot_days()", 2, 1)],
    question="t = Thermometer()\nt.record(30)\nt.record(31)\nt.record(12)\nt.hot_days() should be one "
             "(only above 30 counts) but is 2")
base.P[-1]["bugLines"] = [9]

add("is_vs_equals", [4], """def has_word(words, target):
    target = target.strip()
    for w in words:
        if w is target:
            return True
    return False
""", "error", [("call", "", "has_word(['cat', 'dog'], ' dog ')", False, True)],
    error="has_word(['cat', 'dog'], ' dog ') returned False, expected True")

add("mutate_while_iterating", [4], """def dedupe(xs):
    for x in xs:
        if xs.count(x) > 1:
            xs.remove(x)
    return xs
""", "question", [("call", "", "dedupe([5, 5, 5, 5, 2])", [5, 5, 2], [5, 2])],
    question="dedupe([5, 5, 5, 5, 2]) should be [5, 2] but i get [5, 5, 2]")

tested("missing_return", [5], """class Temperature:
    def __init__(self, c):
        self.c = c
    def to_f(self):
        f = self.c * 9 / 5 + 32

""", """def test_to_f():
    t = Temperature(100)
    assert t.to_f() == 212
""", [("call", "t = Temperature(100)", "t.to_f()", None, 212)], error="assert None == 212")

add("wrong_operator", [5], """class Rectangle:
    def __init__(self, w, h):
        self.w = w
        self.h = h
    def perimeter(self):
        return self.w * 2 + self.h
""", "question", [("call", "r = Rectangle(2, 3)", "r.perimeter()", 7, 10)],
    question="r = Rectangle(2, 3)\nprint(r.perimeter())  # prints 7, should be ten")
base.P[-1]["bugLines"] = [6]

add("unhandled_edge_case", [3], """def longest(words):
    best = words[0]
    for w in words:
        if len(w) > len(best):
            best = w
    return best
""", "question", [("raises", "", "longest([])", "IndexError")],
    question="longest([]) should give an empty string, not crash")
base.P[-1]["bugLines"] = [2]

add("off_by_one_range", [6], """class Countdown:
    def __init__(self, start):
        self.start = start
    def numbers(self):
        out = []
        for i in range(self.start, 0, -1):
            out.append(i)
        return out
""", "question", [("call", "c = Countdown(3)", "c.numbers()", [3, 2, 1], [3, 2, 1, 0])],
    question="c = Countdown(3); c.numbers() should end with zero: [3, 2, 1, 0], i get [3, 2, 1]")

add("wrong_initial_value", [3], """def product(nums):
    result = 0
    for n in nums:
        result *= n
    return result
""", "question", [("call", "", "product([2, 3])", 0, 6)], question="product([2, 3]) should be six not zero")
base.P[-1]["bugLines"] = [2]

tested("is_vs_equals", [5], """import unittest

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def same(self, other):
        return (self.x, self.y) is (other.x, other.y)

""", """
class TestPoint(unittest.TestCase):
    def setUp(self):
        self.a = Point(1, 2)
        self.b = Point(1, 2)

    def test_same(self):
        self.assertTrue(self.a.same(self.b))
""", [("call", "a = Point(1, 2); b = Point(1, 2)", "a.same(b)", False, True)],
    error="AssertionError: False is not true")
base.P[-1]["bugLines"] = [8]

add("print_instead_of_return", [3], """def greet(name):
    msg = "hi " + name
    print(msg)
""", "question", [("call", "", "greet('al')", None, 'hi al')],
    question="greet('al') should return 'hi al' but it returns None instead of the text")

# ---------------------------------------------------------------- written after the changes (not tuned on)
AFTER = len(base.P)

add("mutable_default_argument", [2], """class Order:
    def __init__(self, table, dishes=[]):
        self.table = table
        self.dishes = dishes

    def order(self, dish):
        self.dishes.append(dish)
        return len(self.dishes)
""", "question", [("call", "o1 = Order(1); o1.order('soup'); o2 = Order(2)", "o2.order('cake')", 2, 1)],
    question="o1 = Order(1)\no1.order('soup')\no2 = Order(2)\no2.order('cake')   <- this gives 2?? table 2 only "
             "ordered one thing so it should be 1")

add("wrong_comparison_operator", [8], """class Exam:
    def __init__(self, pass_mark):
        self.pass_mark = pass_mark
        self.results = []

    def passed(self):
        ok = []
        for name, mark in self.results:
            if mark > self.pass_mark:
                ok.append(name)
        return ok
""", "question", [("call", "e = Exam(40); e.results = [('li', 40), ('jo', 55)]", "e.passed()", ['jo'],
                   ['li', 'jo'])],
    question="e = Exam(40); e.results = [('li', 40), ('jo', 55)]; e.passed() gives ['jo'] but li got exactly "
             "the pass mark so i want ['li', 'jo']")
base.P[-1]["bugLines"] = [9]

tested("is_vs_equals", [4], """def count_word(text, word):
    n = 0
    for w in text.lower().split():
        if w is word:
            n += 1
    return n

""", """def test_count_word():
    sentence = "The cat and the hat"
    assert count_word(sentence, "the") == 2
""", [("call", "sentence = 'The cat and the hat'", "count_word(sentence, 'the')", 0, 2)],
    error="assert 0 == 2\n +  where 0 = count_word('The cat and the hat', 'the')")

add("mutate_while_iterating", [6], """class Party:
    def __init__(self, guests):
        self.guests = guests
    def remove_kids(self):
        for g in self.guests:
            if g[1] < 18:
                self.guests.remove(g)
        return self.guests
""", "question", [("call", "p = Party([('a', 10), ('b', 12), ('c', 30)])", "p.remove_kids()", [('b', 12), ('c', 30)],
                   [('c', 30)])],
    question="p = Party([('a', 10), ('b', 12), ('c', 30)]) then p.remove_kids() still has b in it: "
             "[('b', 12), ('c', 30)], expected only c")
base.P[-1]["bugLines"] = [7]

add("missing_return", [5], """class Wallet:
    def __init__(self):
        self.coins = []
    def total(self):
        sum(self.coins)
""", "question", [("call", "w = Wallet(); w.coins = [1, 2]", "w.total()", None, 3)],
    question="w = Wallet(); w.coins = [1, 2]; w.total() should be three but it returns None")

add("wrong_operator", [4], """def average_speed(distance, hours):
    if hours == 0:
        return 0
    return distance * hours
""", "question", [("call", "", "average_speed(100, 2)", 200, 50)],
    question="average_speed(100, 2) should be fifty, it says 200")

tested("unhandled_edge_case", [3], """class Scores:
    def __init__(self, values):
        self.values = values
    def best(self):
        return max(self.values)

""", """import unittest

class TestScores(unittest.TestCase):
    def setUp(self):
        self.empty = Scores([])

    def test_best_empty(self):
        self.assertIsNone(self.empty.best())
""", [("raises", "", "Scores([]).best()", "ValueError")],
    error="ValueError: max() arg is an empty sequence")
base.P[-1]["bugLines"] = [5]
base.P[-1]["run"] = base.P[-1]["code"]

add("off_by_one_range", [3], """def evens_upto(n):
    res = []
    for i in range(0, n, 2):
        res.append(i)
    return res
""", "question", [("call", "", "evens_upto(6)", [0, 2, 4], [0, 2, 4, 6])],
    question="evens_upto(6) should include six as well, expected [0, 2, 4, 6] got [0, 2, 4]")

add("accumulator_reset_in_loop", [6], """class Basket:
    def __init__(self, fruit):
        self.fruit = fruit
    def count(self, kind):
        for f in self.fruit:
            n = 0
            if f == kind:
                n += 1
        return n
""", "question", [("call", "b = Basket(['apple', 'pear', 'apple', 'fig'])", "b.count('apple')", 0, 2)],
    question="b = Basket(['apple', 'pear', 'apple', 'fig'])\nb.count('apple') returns zero, should be two")

add("wrong_initial_value", [2], """def smallest(nums):
    low = 0
    for x in nums:
        if x < low:
            low = x
    return low
""", "question", [("call", "", "smallest([5, 3, 9])", 0, 3)],
    question="smallest([5, 3, 9]) should be three but i get zero")

add("is_vs_equals", [3], """word = input("word: ")
rev = word[::-1]
if rev is word:
    print("palindrome")
else:
    print("not a palindrome")
""", "stdin", [("stdin", "level\n", "not a palindrome", "XX")],
    question="typing level prints not a palindrome, it should print palindrome")

tested("wrong_comparison_operator", [6], """class Elevator:
    def __init__(self, limit):
        self.limit = limit
        self.people = 0
    def can_enter(self):
        return self.people + 1 < self.limit

""", """def test_last_place():
    e = Elevator(4)
    e.people = 3
    assert e.can_enter() == True
""", [("call", "e = Elevator(4); e.people = 3", "e.can_enter()", False, True)],
    error="FAILED test_elevator.py::test_last_place - assert False == True")

if __name__ == "__main__":
    base.P[AFTER:] = [dict(p, after=True) for p in base.P[AFTER:]]
    base.main("devset-setup.json")
