#!/usr/bin/env python3
"""blind22c: 60 wrong beginner programs, each with exactly one labelled bug (session 22, written by a helper who had
seen neither the debug service, its sets nor the tutor bench; every third program is the hold-out).

Run with python3 (3.11).  Every program is verified before anything is
written:

  * the fixed program = buggy code with the bug line(s) replaced by `fix`;
  * every check runs in a fresh `python3 -I` subprocess (6 s timeout):
      C(setup, call, buggy, expected)  -- only the program's definitions
          (defs, classes, imports, call-free assignments) are run, then
          setup, then the call is evaluated;
      S(stdin, buggy_output, expected_output) -- the whole program is run
          with that stdin (a crash gives E("ExcName"), a hang E("timeout"));
    the buggy program must give `buggy`, the fixed one `expected` (and they
    must differ);
  * kind "assert": the buggy file (plus any test_ functions) must fail with
    AssertionError, the fixed one must pass;
  * kind "doctest": `python3 -m doctest` must fail on the buggy file and
    pass on the fixed one;
  * every `error` text (traceback, pytest, unittest, doctest report,
    grader block, Ctrl-C traceback) and every pasted console run in a
    question is PRODUCED here by really running the buggy program; only the
    scratch directory is replaced by a student-like path.  The same command
    must succeed on the fixed program;
  * the fixed program must also run as a whole without crashing.

If anything fails, the failing programs are printed and no JSON is written.
Scratch files live in ./_scratch and are deleted after each run.
"""
import ast
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
SCRATCH = os.path.join(HERE, "_scratch")
OUT = os.path.join(HERE, "devset-blind22c.json")
PY = sys.executable
LIMIT = 6

assert sys.version_info[:2] == (3, 11), "run this with python3.11"


class E:
    """An exception class name or 'timeout' as a result."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "E(%s)" % self.name


TIMEOUT = E("timeout")


def key(v):
    return "E:" + v.name if isinstance(v, E) else "R:" + repr(v)


def C(setup, call, buggy, expected):
    return ("call", setup, call, buggy, expected)


def S(stdin, buggy, expected):
    return ("stdin", stdin, buggy, expected)


PROGRAMS = []


def add(pid, category, kind, code, bug, fix, checks, question="", error=None,
        name="prog.py", transcript=None):
    PROGRAMS.append(dict(pid=pid, category=category, kind=kind, code=code,
                         bug=bug, fix=fix, checks=checks, question=question,
                         error=error, name=name, transcript=transcript))


# ---------------------------------------------------------------------------
# The programs.  `bug` is the exact text of the bug line(s) (must occur once).
# In questions, {T} is replaced by a real console run of the buggy program
# (typed input echoed) on the `transcript` stdin.
# ---------------------------------------------------------------------------

# ===================== accumulator_reset_in_loop ==========================
add("acc_gpa", "accumulator_reset_in_loop", "question", '''\
# GPA calcualtor  lab 4
POINTS = {"A": 4.0, "B": 3.0, "C": 2.0, "D": 1.0, "F": 0.0}

def gpa(letters):
    count = 0
    for l in letters:
        total = 0
        total = total + POINTS[l.upper()]
        count += 1
    #print("dbg", total, count)
    return total / count

print(gpa(["A", "B"]))
print(gpa(["a", "a", "c"]))
''',
    bug="    for l in letters:\n        total = 0",
    fix="    total = 0\n    for l in letters:",
    checks=[C("", 'gpa(["A", "B"])', 1.5, 3.5),
            C("", 'gpa(["a", "a", "c"])', 2 / 3, 10 / 3)],
    question="gpa(['A','B']) gives 1.5 but it should be 3.5?? i checked the "
             "POINTS dict like 5 times and its right")

add("acc_expenses", "accumulator_reset_in_loop", "stdin", '''\
# adds up all my expenses untill you type 0
print("Enter expenses, 0 to stop")
num = float(input("> "))
count = 0
while num != 0:
    total = 0
    total = total + num
    count = count + 1
    num = float(input("> "))
print("You entered", count, "expenses")
print("Total spent:", total)
''',
    bug="while num != 0:\n    total = 0",
    fix="total = 0\nwhile num != 0:",
    checks=[S("12.5\n8\n4.25\n0\n",
              "Enter expenses, 0 to stop\n> > > > You entered 3 expenses\nTotal spent: 4.25\n",
              "Enter expenses, 0 to stop\n> > > > You entered 3 expenses\nTotal spent: 24.75\n")],
    question="i typed 12.5 then 8 then 4.25 and then 0 to stop. the count is "
             "right (3) but it says Total spent: 4.25, should be 24.75. its like "
             "it only remembers the last one")

add("acc_weektemps", "accumulator_reset_in_loop", "error", '''\
# lab 6 - weekly temperature stats
def weekly_averages(weeks):
    """weeks is a list of weeks, each week is a list of daily temps"""
    avgs = []
    for week in weeks:
        for t in week:
            total = 0
            total += t
        avgs.append(round(total / len(week), 1))
    return avgs

def warmest_week(weeks):
    avgs = weekly_averages(weeks)
    print(avgs)
    best = 0
    for i in range(len(avgs)):
        if avgs[i] > avgs[best]:
            best = i
    return best + 1   # weeks are numberd from 1
''',
    bug="        for t in week:\n            total = 0",
    fix="        total = 0\n        for t in week:",
    checks=[C("", "weekly_averages([[10, 12, 14]])", [4.7], [12.0]),
            C("", "warmest_week([[1, 1, 9], [4, 4, 4]])", 1, 2)],
    name="temps.py",
    question="pytest says 3 failed. the averages come out way too small and idk why",
    error=dict(type="pytest", test="test_temps.py", show="/home/priya/cs110/lab6",
               files={"test_temps.py": '''\
from temps import weekly_averages, warmest_week


def test_one_week():
    assert weekly_averages([[10, 12, 14]]) == [12.0]


def test_two_weeks():
    assert weekly_averages([[1, 2, 3, 4, 5, 6, 7], [20, 20, 20, 20, 20, 20, 20]]) == [4.0, 20.0]


def test_warmest():
    assert warmest_week([[1, 1, 9], [4, 4, 4]]) == 2
'''}))

# ===================== boolean_precedence =================================
add("bool_quit", "boolean_precedence", "stdin", '''\
# number guessing game - lab 5
secret = 7
playing=True
while playing:
    guess = int(input("Guess a number 1-10: "))
    if guess == secret:
        print("You got it!")
    else:
        print("Nope")
    # ask if they wanna quit
    again = input("Quit? (y/n) ")
    if again == "y" or "yes":
        playing = False
print("Thanks for playing")
''',
    bug='    if again == "y" or "yes":',
    fix='    if again == "y" or again == "yes":',
    checks=[S("3\nn\n7\ny\n",
              "Guess a number 1-10: Nope\nQuit? (y/n) Thanks for playing\n",
              "Guess a number 1-10: Nope\nQuit? (y/n) Guess a number 1-10: "
              "You got it!\nQuit? (y/n) Thanks for playing\n")],
    transcript="3\nn\n7\ny\n",
    question="when i say n it still quits??\n\n{T}\n\ni typed n so it should let "
             "me guess again")

add("bool_censor", "boolean_precedence", "assert", '''\
BAD = ["darn", "heck"]

def censor(sentence):
    words = sentence.split()
    result = []
    for word in words:
        if word.lower() == "darn" or "heck":
            result.append("*" * len(word))
        else:
            result.append(word)
    return " ".join(result)

print(censor("well darn it"))
assert censor("well darn it") == "well **** it"
assert censor("what the HECK") == "what the ****"
''',
    bug='        if word.lower() == "darn" or "heck":',
    fix='        if word.lower() == "darn" or word.lower() == "heck":',
    checks=[C("", 'censor("well darn it")', "**** **** **", "well **** it"),
            C("", 'censor("what the HECK")', "**** *** ****", "what the ****")],
    question="my first assert fails and the print shows **** **** ** , it stars "
             "out every word??")

add("bool_parking", "boolean_precedence", "question", '''\
def parking_fee(hours, weekend, holiday):
    # free parking on weekends and on holidays, otherwise 2.50 an hour (max 20)
    fee = 0
    #print(weekend, holiday)
    if not weekend or holiday:
        fee = 2.5 * hours
        if fee > 20:
            fee = 20
    return fee

print(parking_fee(3, False, False))
print(parking_fee(3, True, False))
print(parking_fee(3, False, True))
''',
    bug="    if not weekend or holiday:",
    fix="    if not (weekend or holiday):",
    checks=[C("", "parking_fee(3, False, True)", 7.5, 0),
            C("", "parking_fee(10, False, True)", 20, 0)],
    question="parking on a holiday still costs 7.5 for 3 hours, its supposed to "
             "be free. weekends are free like they should be")

# ===================== early_break ========================================
add("brk_tally", "early_break", "question", '''\
# counts votes for class president
def tally(ballots):
    counts = {}
    print("counting", len(ballots), "ballots")
    for b in ballots:
        name = b.strip().lower()
        if name == "":
            break    # skip empty ballots
        if name in counts:
            counts[name] = counts[name] + 1
        else:
            counts[name] = 1
    return counts

ballots = ["Bob", "alice", "", "bob", "Carol", "BOB"]
print(tally(ballots))
''',
    bug="            break    # skip empty ballots",
    fix="            continue    # skip empty ballots",
    checks=[C("", "tally(ballots)", {"bob": 1, "alice": 1},
              {"bob": 3, "alice": 1, "carol": 1})],
    question="bob got 3 votes in my test list but the dict says bob: 1 and carol "
             "isnt in it at all")

add("brk_digit", "early_break", "doctest", '''\
def has_digit(password):
    """Return True if password has at least one digit in it.

    >>> has_digit("hello")
    False
    >>> has_digit("7up")
    True
    >>> has_digit("abc1")
    True
    """
    found = False
    for ch in password:
        if ch.isdigit():
            found = True
        break
    return found
''',
    bug="        break",
    fix="            break",
    checks=[C("", 'has_digit("abc1")', False, True)],
    question="")

# ===================== index_vs_element ===================================
add("idx_jump", "index_vs_element", "error", '''\
import unittest

def biggest_jump(jumps):
    # returns the longest jump in cm
    best = jumps[0]
    for j in range(len(jumps)):
        if j > best:
            best = j
    return best


class TestJumps(unittest.TestCase):
    def test_three(self):
        self.assertEqual(biggest_jump([410, 455, 430]), 455)

    def test_one(self):
        self.assertEqual(biggest_jump([380]), 380)

    def test_last_is_best(self):
        self.assertEqual(biggest_jump([300, 310, 520]), 520)


if __name__ == "__main__":
    unittest.main()
''',
    bug="    for j in range(len(jumps)):",
    fix="    for j in jumps:",
    checks=[C("", "biggest_jump([410, 455, 430])", 410, 455),
            C("", "biggest_jump([300, 310, 520])", 300, 520)],
    name="longjump.py",
    question="2 tests fail, it keeps giving back the first jump",
    error=dict(type="run", show="/Users/kofi/Documents/cs/hw5"))

add("idx_wordlen", "index_vs_element", "error", '''\
# average word length
sentence = input("Type a sentence: ")
words = sentence.split()
print(words)
total = 0
for w in words:
    total = total + len(words[w])
print("average word length:", total / len(words))
''',
    bug="    total = total + len(words[w])",
    fix="    total = total + len(w)",
    checks=[S("i like big dogs\n", E("TypeError"),
              "Type a sentence: ['i', 'like', 'big', 'dogs']\naverage word length: 3.0\n")],
    name="wordlen.py",
    question="why does it crash?? the print shows the words fine",
    error=dict(type="run", stdin="i like big dogs\n",
               show="C:\\Users\\Ryan\\Desktop\\python"))

# ===================== integer_division ===================================
add("div_bill", "integer_division", "stdin", '''\
# split the bill with tip
bill = float(input("Total bill: "))
people = int(input("How many people? "))
tip = bill * 0.15
total = bill + tip
share = total // people  # evryone pays the same
print("Everyone pays", round(share, 2))
''',
    bug="share = total // people  # evryone pays the same",
    fix="share = total / people  # evryone pays the same",
    checks=[S("100\n3\n", "Total bill: How many people? Everyone pays 38.0\n",
              "Total bill: How many people? Everyone pays 38.33\n")],
    question="i put 100 for the bill and 3 people. it says everyone pays 38.0 but "
             "115 / 3 is 38.33, where did the cents go??")

add("div_rating", "integer_division", "assert", '''\
def average_rating(ratings):
    # ratings are 1 to 5 stars
    if len(ratings) == 0:
        return 0
    total = sum(ratings)
    avg = total // len(ratings)
    return round(avg, 1)

print(average_rating([5, 4, 4]))
assert average_rating([5, 4, 4]) == 4.3
assert average_rating([]) == 0
''',
    bug="    avg = total // len(ratings)",
    fix="    avg = total / len(ratings)",
    checks=[C("", "average_rating([5, 4, 4])", 4, 4.3),
            C("", "average_rating([3, 4])", 3, 3.5)],
    question="assert fails, the print says 4 but 13/3 is 4.3")

add("div_fahr", "integer_division", "question", '''\
def to_fahrenheit(c):
    f = c * (9 // 5) + 32
    return f

temps_c = [0, 25, 100]
for t in temps_c:
    print(t, "C is", to_fahrenheit(t), "F")
''',
    bug="    f = c * (9 // 5) + 32",
    fix="    f = c * (9 / 5) + 32",
    checks=[C("", "to_fahrenheit(25)", 57, 77.0),
            C("", "to_fahrenheit(100)", 132, 212.0)],
    question="25 C comes out as 57 F which is wrong, it should be 77. 0 C works "
             "tho (32)")

# ===================== inverted_condition =================================
add("inv_passing", "inverted_condition", "question", '''\
def passing(students):
    """students = list of (name, score)"""
    result = []
    for name, score in students:
        if score < 50:
            result.append(name)
    return result

klass = [("ana", 72), ("ben", 45), ("cy", 50), ("dee", 38)]
print("passed:", passing(klass))
''',
    bug="        if score < 50:",
    fix="        if score >= 50:",
    checks=[C("", "passing(klass)", ["ben", "dee"], ["ana", "cy"])],
    question="it prints passed: ['ben', 'dee'] but those 2 failed lol. ana and cy "
             "passed (50 counts as a pass)")

add("inv_username", "inverted_condition", "doctest", '''\
def valid_username(name):
    """Usernames are 3-12 characters, only letters, digits or _
    and they can't start with a digit.

    >>> valid_username("sam_99")
    True
    >>> valid_username("9lives")
    False
    >>> valid_username("ab")
    False
    """
    if len(name) < 3 or len(name) > 12:
        return False
    if not name[0].isdigit():
        return False
    for ch in name:
        if not (ch.isalnum() or ch == "_"):
            return False
    return True
''',
    bug="    if not name[0].isdigit():",
    fix="    if name[0].isdigit():",
    checks=[C("", 'valid_username("sam_99")', False, True),
            C("", 'valid_username("9lives")', True, False)],
    question="the doctests for sam_99 and 9lives both fail, its like backwards")

# ===================== is_vs_equals =======================================
add("is_todo", "is_vs_equals", "stdin", '''\
# tiny to-do list in the terminal
todo = []
while True:
    cmd = input("command (add/show/quit): ")
    if cmd is "quit":
        break
    elif cmd == "add":
        todo.append(input("task: "))
    elif cmd == "show":
        for i, t in enumerate(todo, 1):
            print(i, t)
print("bye!")
''',
    bug='    if cmd is "quit":',
    fix='    if cmd == "quit":',
    checks=[S("add\nbuy milk\nshow\nquit\n", E("EOFError"),
              "command (add/show/quit): task: command (add/show/quit): 1 buy milk\n"
              "command (add/show/quit): bye!\n")],
    question="i add buy milk and show works, but when i type quit it just asks "
             "command (add/show/quit): again. it never prints bye!. also theres "
             "some SyntaxWarning at the top??")

add("is_tied", "is_vs_equals", "question", '''\
# check if two teams have the same total score
def tied(team_a, team_b):
    a = sum(team_a)
    b = sum(team_b)
    print("debug:", a, b)
    if a is b:
        return True
    else:
        return False

print(tied([100, 120, 90], [110, 110, 90]))
print(tied([1, 2], [2, 1]))
''',
    bug="    if a is b:",
    fix="    if a == b:",
    checks=[C("", "tied([100, 120, 90], [110, 110, 90])", False, True)],
    question="debug prints 310 310 and then it says False?? but the small one "
             "with 1,2 and 2,1 says True")

# ===================== loop_condition_never_changes =======================
add("loop_interest", "loop_condition_never_changes", "question", '''\
def years_to_double(start, rate):
    # simple interest: each year you get rate % of the START amount
    balance = start
    years = 0
    while balance < 2 * start:
        interest = start * rate / 100
        years = years + 1
        new_balance = balance + interest
    return years

print(years_to_double(1000, 5))
''',
    bug="        new_balance = balance + interest",
    fix="        balance = balance + interest",
    checks=[C("", "years_to_double(1000, 5)", TIMEOUT, 20)],
    question="years_to_double(1000, 5) never finishes, no error nothing. it "
             "should say 20")

add("loop_buses", "loop_condition_never_changes", "error", '''\
# how many buses between the first and the last bus
def count_buses(first, last, every):
    t = first
    n = 0
    while t <= last:
        n = n + 1
    return n

first_bus = 6 * 60 + 15   # 6:15 in minutes
last_bus = 9 * 60         # 9:00
print("counting...")
print("buses:", count_buses(first_bus, last_bus, 25))
''',
    bug="        n = n + 1",
    fix="        n = n + 1\n        t = t + every",
    checks=[C("", "count_buses(first_bus, last_bus, 25)", TIMEOUT, 7),
            C("", "count_buses(600, 660, 30)", TIMEOUT, 3)],
    name="buses.py",
    question="it printed counting... and then nothing happend for ages so i "
             "pressed ctrl+c and got this",
    error=dict(type="interrupt", show="/home/lena/python/week4"))

add("loop_reverse", "loop_condition_never_changes", "question", '''\
def reverse_number(n):
    rev = 0
    while n > 0:
        last = n % 10
        rev = rev * 10 + last
        #print(n, rev)
        n // 10
    return rev

print(reverse_number(1234))
''',
    bug="        n // 10",
    fix="        n = n // 10",
    checks=[C("", "reverse_number(1234)", TIMEOUT, 4321)],
    question="my program freezes when i reverse 1234, i waited like a minute and "
             "nothing printed. should give 4321")

# ===================== missing_return =====================================
add("ret_hero", "missing_return", "error", '''\
class Hero:
    def __init__(self, name, hp):
        self.name = name
        self.hp = hp
        self.max_hp = hp

    def take_damage(self, dmg):
        self.hp = self.hp - dmg
        if self.hp < 0:
            self.hp = 0

    def heal(self, amount):
        self.hp = self.hp + amount
        if self.hp > self.max_hp:
            self.hp = self.max_hp

    def is_alive(self):
        alive = self.hp > 0
''',
    bug="        alive = self.hp > 0",
    fix="        alive = self.hp > 0\n        return alive",
    checks=[C("h = Hero('Zed', 30)\nh.take_damage(5)", "h.is_alive()", None, True)],
    name="rpg.py",
    question="test_alive_after_heal fails but his hp is 15 so hes alive??",
    error=dict(type="pytest", test="test_rpg.py", show="/home/jonas/rpg_project",
               files={"test_rpg.py": '''\
from rpg import Hero


def test_damage():
    h = Hero("Zed", 30)
    h.take_damage(12)
    assert h.hp == 18


def test_dead():
    h = Hero("Zed", 30)
    h.take_damage(45)
    assert h.hp == 0
    assert not h.is_alive()


def test_alive_after_heal():
    h = Hero("Zed", 30)
    h.take_damage(25)
    h.heal(10)
    assert h.hp == 15
    assert h.is_alive()
'''}))

add("ret_points", "missing_return", "error", '''\
def letter_points(letter):
    """
    >>> letter_points("B")
    3
    """
    table = {"A": 4, "B": 3, "C": 2, "D": 1}
    if letter in table:
        points = table[letter]
    else:
        points = 0

def total_points(letters):
    total = 0
    for l in letters:
        total += letter_points(l)
    return total
''',
    bug="        points = 0",
    fix="        points = 0\n    return points",
    checks=[C("", 'letter_points("B")', None, 3),
            C("", 'total_points(["A", "B"])', E("TypeError"), 7)],
    name="gradepoints.py",
    question="what does Got nothing mean? B is in the table",
    error=dict(type="doctest", show="/Users/mei/cs101/hw3"))

add("ret_clean", "missing_return", "question", '''\
def clean_name(name):
    name = name.strip()
    name = name.title()   # makes first leter capital
    if name == "":
        name = "Anonymous"

names = ["  alice", "BOB ", "   "]
cleaned = []
for n in names:
    cleaned.append(clean_name(n))
print(cleaned)
''',
    bug='        name = "Anonymous"',
    fix='        name = "Anonymous"\n    return name',
    checks=[C("", 'clean_name("  alice")', None, "Alice"),
            C("", 'clean_name("   ")', None, "Anonymous")],
    question="why does it print [None, None, None]? i wanted ['Alice', 'Bob', "
             "'Anonymous']")

# ===================== mutable_default_argument ===========================
add("mut_todo", "mutable_default_argument", "question", '''\
class TodoList:
    def __init__(self, owner, tasks=[]):
        self.owner = owner
        self.tasks = tasks

    def add(self, task):
        self.tasks.append(task)

    def show(self):
        print(self.owner + "'s list:")
        for t in self.tasks:
            print(" -", t)

kim = TodoList("kim")
kim.add("laundry")
lee = TodoList("lee")
lee.add("math hw")
kim.show()
lee.show()
''',
    bug="    def __init__(self, owner, tasks=[]):",
    fix="    def __init__(self, owner, tasks=None):\n        if tasks is None:\n"
        "            tasks = []",
    checks=[C("a = TodoList('kim')\na.add('laundry')\nb = TodoList('lee')",
              "b.tasks", ["laundry"], [])],
    question="kim and lee each add one task but BOTH lists show laundry and math "
             "hw. they are 2 different objects so why do they share??")

add("mut_votes", "mutable_default_argument", "assert", '''\
def add_vote(name, votes={}):
    if name in votes:
        votes[name] += 1
    else:
        votes[name] = 1
    return votes

# room 101
r1 = add_vote("bob")
r1 = add_vote("bob", r1)
# room 102 should start from nothing
r2 = add_vote("ann")
print(r1, r2)
assert r2 == {"ann": 1}
assert r1 == {"bob": 2}
''',
    bug="def add_vote(name, votes={}):",
    fix="def add_vote(name, votes=None):\n    if votes is None:\n        votes = {}",
    checks=[C("add_vote('bob')", "add_vote('ann')", {"bob": 1, "ann": 1}, {"ann": 1})],
    question="why is bob in room 102s votes")

add("mut_playlist", "mutable_default_argument", "error", '''\
import unittest

def make_playlist(songs, playlist=[]):
    # adds the songs but no duplicates
    for s in songs:
        if s not in playlist:
            playlist.append(s)
    return playlist

class TestPlaylist(unittest.TestCase):
    def test_no_dupes(self):
        self.assertEqual(make_playlist(["a", "b", "a"]), ["a", "b"])

    def test_two_songs(self):
        self.assertEqual(make_playlist(["x", "y"]), ["x", "y"])

unittest.main()
''',
    bug="def make_playlist(songs, playlist=[]):",
    fix="def make_playlist(songs, playlist=None):\n    if playlist is None:\n"
        "        playlist = []",
    checks=[C("make_playlist(['a', 'b'])", "make_playlist(['c'])",
              ["a", "b", "c"], ["c"])],
    name="playlist.py",
    question="test_two_songs fails, where do a and b come from?? i only gave it x "
             "and y",
    error=dict(type="run", show="/home/sofia/cs1/playlist"))

# ===================== mutate_while_iterating =============================
add("mwi_short", "mutate_while_iterating", "question", '''\
def remove_short(words, min_len):
    for w in words:
        if len(w)<min_len :
            words.remove(w)
    return words

print(remove_short(["a", "an", "apple", "is", "red"], 3))
''',
    bug="    for w in words:",
    fix="    for w in words[:]:",
    checks=[C("", 'remove_short(["a", "an", "apple", "is", "red"], 3)',
              ["an", "apple", "red"], ["apple", "red"])],
    question="why is 'an' still in the list? min length is 3 and an is only 2 "
             "letters. 'a' and 'is' got removed fine")

add("mwi_planner", "mutate_while_iterating", "error", '''\
# remove finished tasks from my planner
planner = {"essay": "done", "lab 3": "todo", "reading": "done", "quiz prep": "todo"}

def clear_done(tasks):
    for name in tasks:
        if tasks[name] == "done":
            del tasks[name]
    print("cleared!")
    return tasks

left = clear_done(planner)
print("still to do:", list(left))
''',
    bug="    for name in tasks:",
    fix="    for name in list(tasks):",
    checks=[C("", 'clear_done({"a": "done", "b": "todo"})', E("RuntimeError"),
              {"b": "todo"})],
    name="planner.py",
    question="dictionary changed size during iteration?? i just want to delete "
             "the done ones",
    error=dict(type="run", show="/Users/ines/python/planner"))

add("mwi_negatives", "mutate_while_iterating", "doctest", '''\
def drop_negatives(readings):
    """Remove the sensor errors (negative numbers) and return the list.

    >>> drop_negatives([3, -1, 4])
    [3, 4]
    >>> drop_negatives([5, -2, -7, 8])
    [5, 8]
    """
    for r in readings:
        if r < 0:
            readings.remove(r)
    return readings
''',
    bug="    for r in readings:",
    fix="    for r in list(readings):",
    checks=[C("", "drop_negatives([5, -2, -7, 8])", [5, -7, 8], [5, 8])],
    question="first doctest passes the second one doesnt, -7 is still there")

# ===================== off_by_one_range ===================================
add("obo_rotate", "off_by_one_range", "question", '''\
def rotate_right(lst):
    # every item moves one to the right and the last one goes to the front
    if len(lst) == 0:
        return lst
    last = lst[-1]
    for i in range(len(lst) - 1, 1, -1):
        lst[i] = lst[i - 1]
    lst[0] = last
    return lst

print(rotate_right([1, 2, 3, 4]))
''',
    bug="    for i in range(len(lst) - 1, 1, -1):",
    fix="    for i in range(len(lst) - 1, 0, -1):",
    checks=[C("", "rotate_right([1, 2, 3, 4])", [4, 2, 2, 3], [4, 1, 2, 3])],
    question="rotate_right([1,2,3,4]) gives [4, 2, 2, 3]. the 1 is gone and "
             "theres two 2s")

add("obo_seats", "off_by_one_range", "stdin", '''\
# prints seat labels for the school theater
rows = int(input("rows: "))
seats = int(input("seats per row: "))
letters = "ABCDEFGHIJ"
for r in range(rows):
    line = ""
    for s in range(1, seats):
        line = line + letters[r] + str(s) + " "
    print(line)
''',
    bug="    for s in range(1, seats):",
    fix="    for s in range(1, seats + 1):",
    checks=[S("2\n3\n", "rows: seats per row: A1 A2 \nB1 B2 \n",
              "rows: seats per row: A1 A2 A3 \nB1 B2 B3 \n")],
    transcript="2\n3\n",
    question="every row is missing the last seat:\n\n{T}\n\nit should go up to "
             "A3 and B3")

add("obo_isbn", "off_by_one_range", "error", '''\
# ISBN-10 check digit
digits = input("first 9 digits: ")
total = 0
for i in range(8):
    total = total + int(digits[i]) * (10 - i)
check = (11 - total % 11) % 11
if check == 10:
    print("check digit: X")
else:
    print("check digit:", check)
''',
    bug="for i in range(8):",
    fix="for i in range(9):",
    checks=[S("030640615\n", "first 9 digits: check digit: 1\n",
              "first 9 digits: check digit: 2\n"),
            S("123456789\n", "first 9 digits: check digit: 6\n",
              "first 9 digits: check digit: X\n")],
    name="isbn.py",
    question="the autograder says i fail test 2 and 3 but i checked the formula "
             "on wikipedia??",
    error=dict(type="grader", tests=["123456780\n", "030640615\n", "123456789\n"]))

# ===================== print_instead_of_return ============================
add("pir_bmi", "print_instead_of_return", "question", '''\
def bmi_category(weight, height):
    bmi = weight / height ** 2
    if bmi < 18.5:
        cat = "underweight"
    elif bmi < 25:
        cat = "normal"
    else:
        cat = "overweight"
    print(cat)

result = bmi_category(70, 1.75)
print("Your category is:", result)
''',
    bug="    print(cat)",
    fix="    return cat",
    checks=[C("", "bmi_category(70, 1.75)", None, "normal"),
            C("", "bmi_category(50, 1.8)", None, "underweight")],
    question="it prints normal on one line and then Your category is: None. why "
             "None when it literally just printed normal")

add("pir_sale", "print_instead_of_return", "assert", '''\
# sale prices
def discounted(price, percent):
    new_price = price - price * percent / 100
    print(round(new_price, 2))

print("testing")
discounted(80, 25)
assert discounted(50, 20) == 40.0
assert discounted(19.99, 10) == 17.99
''',
    bug="    print(round(new_price, 2))",
    fix="    return round(new_price, 2)",
    checks=[C("", "discounted(50, 20)", None, 40.0)],
    question="the function prints 40.0 so why does assert discounted(50, 20) == "
             "40.0 fail??")

# ===================== recursion_no_base_case =============================
add("rec_pal", "recursion_no_base_case", "error", '''\
# recursive palindrome check (lab 8)
def is_pal(word):
    word = word.lower()
    if word[0] != word[-1]:
        return False
    return is_pal(word[1:-1])

print(is_pal("abca"))
print(is_pal("Racecar"))
''',
    bug="    if word[0] != word[-1]:",
    fix="    if len(word) <= 1:\n        return True\n    if word[0] != word[-1]:",
    checks=[C("", 'is_pal("Racecar")', E("IndexError"), True),
            C("", 'is_pal("noon")', E("IndexError"), True)],
    name="lab8.py",
    question="the first one prints False fine and then Racecar crashes. string "
             "index out of range?? racecar has 7 letters",
    error=dict(type="run", show="C:\\Users\\amir\\cs1\\lab8"))

add("rec_digits", "recursion_no_base_case", "question", '''\
def digit_sum(n):
    last = n % 10
    rest = n//10
    #print("rest is", rest)
    return last + digit_sum(rest)

print(digit_sum(4321))
''',
    bug="    last = n % 10",
    fix="    if n == 0:\n        return 0\n    last = n % 10",
    checks=[C("", "digit_sum(4321)", E("RecursionError"), 10)],
    question="digit_sum(4321) should be 10 but i get RecursionError: maximum "
             "recursion depth exceeded. its only 4 digits??")

# ===================== return_in_loop =====================================
add("ril_vowels", "return_in_loop", "question", '''\
def vowels_per_word(sentence):
    counts = {}
    for word in sentence.split():
        n=0
        for ch in word.lower():
            if ch in "aeiou":
                n += 1
        counts[word] = n
        return counts

print(vowels_per_word("Python is really fun"))
''',
    bug="        return counts",
    fix="    return counts",
    checks=[C("", 'vowels_per_word("Python is really fun")', {"Python": 1},
              {"Python": 1, "is": 1, "really": 2, "fun": 1})],
    question="only the first word shows up {'Python': 1}, is, really and fun are "
             "missing")

add("ril_allpassed", "return_in_loop", "error", '''\
def all_passed(scores, pass_mark=50):
    # True if every score is at least the pass mark
    for s in scores:
        if s < pass_mark:
            return False
        return True

def count_passed(scores, pass_mark=50):
    n = 0
    for s in scores:
        if s >= pass_mark:
            n += 1
    return n
''',
    bug="        return True",
    fix="    return True",
    checks=[C("", "all_passed([70, 40, 90])", True, False),
            C("", "all_passed([])", None, True)],
    name="grades.py",
    question="2 of the 4 tests fail and i dont get why",
    error=dict(type="pytest", test="test_grades.py", show="/home/ali/cs/a3",
               files={"test_grades.py": '''\
from grades import all_passed, count_passed


def test_everyone_passed():
    assert all_passed([70, 80, 90]) == True


def test_one_failed():
    assert all_passed([70, 40, 90]) == False


def test_empty_class():
    assert all_passed([]) == True


def test_count():
    assert count_passed([70, 40, 90, 50]) == 3
'''}))

add("ril_cart", "return_in_loop", "assert", '''\
prices = {"apple": 0.5, "bread": 2.25, "milk": 1.99}

def cart_total(cart):
    # cart is a list of (item, how many)
    total = 0
    for item, qty in cart:
        total += prices[item] * qty
        return total

def test_cart():
    assert cart_total([("apple", 4)]) == 2.0
    assert cart_total([("apple", 4), ("bread", 1)]) == 4.25

test_cart()
''',
    bug="        return total",
    fix="    return total",
    checks=[C("", 'cart_total([("apple", 4), ("bread", 1)])', 2.0, 4.25)],
    question="")

# ===================== shadowed_if_chain ==================================
add("shd_fine", "shadowed_if_chain", "question", '''\
def speeding_fine(speed, limit):
    over = speed - limit
    if over <= 0: return 0
    if over > 10: return 120
    if over > 25: return 300
    return 60

print(speeding_fine(90, 60))
''',
    bug="    if over > 10: return 120\n    if over > 25: return 300",
    fix="    if over > 25: return 300\n    if over > 10: return 120",
    checks=[C("", "speeding_fine(90, 60)", 120, 300)],
    question="going 90 in a 60 zone gives a 120 fine but more than 25 over is "
             "supposed to be 300")

add("shd_shipping", "shadowed_if_chain", "stdin", '''\
# shipping cost calculator
w = float(input("Package weight in kg: "))
if w <= 0:
    print("that's not a real weight")
else:
    if w > 2:
        price = 8.99
    elif w > 10:
        price = 19.99
    else:
        price = 4.99
    print("Shipping costs $" + str(price))
''',
    bug="    if w > 2:",
    fix="    if w > 2 and w <= 10:",
    checks=[S("12\n", "Package weight in kg: Shipping costs $8.99\n",
              "Package weight in kg: Shipping costs $19.99\n")],
    question="i entered 12 kg and it says 8.99. packages over 10 kg should be "
             "19.99")

add("shd_ticket", "shadowed_if_chain", "error", '''\
import unittest

def ticket_price(age):
    if age < 18:
        price = 8
    elif age < 5:
        price = 0     # little kids free
    elif age >= 65:
        price = 6
    else:
        price = 12
    return price


class TicketTests(unittest.TestCase):
    def test_adult(self):
        self.assertEqual(ticket_price(30), 12)

    def test_teen(self):
        self.assertEqual(ticket_price(15), 8)

    def test_toddler(self):
        self.assertEqual(ticket_price(3), 0)

    def test_senior(self):
        self.assertEqual(ticket_price(70), 6)

if __name__ == '__main__':
    unittest.main()
''',
    bug="    if age < 18:",
    fix="    if 5 <= age < 18:",
    checks=[C("", "ticket_price(3)", 8, 0)],
    name="tickets.py",
    question="why is a 3 year old paying 8",
    error=dict(type="run", show="/home/noor/Documents/cinema"))

# ===================== sort_result_used ===================================
add("srt_top", "sort_result_used", "error", '''\
# quiz leaderboard
players = {"mo": 88, "jen": 95, "ray": 70, "liz": 100, "tom": 64}

def top_scores(d, n):
    vals = list(d.values())
    best = vals.sort(reverse=True)
    return best[:n]

print("top 3 scores:", top_scores(players, 3))
''',
    bug="    best = vals.sort(reverse=True)",
    fix="    best = sorted(vals, reverse=True)",
    checks=[C("", "top_scores(players, 3)", E("TypeError"), [100, 95, 88])],
    name="leaderboard.py",
    question="NoneType?? i literally sort the list on the line before",
    error=dict(type="run", show="/home/tariq/Desktop/quiz"))

add("srt_names", "sort_result_used", "question", '''\
def alphabetical(names):
    cleaned = []
    for n in names:
        cleaned.append(n.strip().capitalize())
    cleaned = cleaned.sort()
    return cleaned

print(alphabetical([" zoe", "adam ", "Mia"]))
''',
    bug="    cleaned = cleaned.sort()",
    fix="    cleaned.sort()",
    checks=[C("", 'alphabetical([" zoe", "adam ", "Mia"])', None,
              ["Adam", "Mia", "Zoe"])],
    question="it prints None instead of the sorted names. i want Adam Mia Zoe")

# ===================== str_int_comparison =================================
add("sic_movie", "str_int_comparison", "error", '''\
# movie age check
name = input("Name: ")
age = input("Age: ")
print("Hi", name)
if age >= 18:
    print(name + ", you can watch the R movie")
else:
    print("Sorry " + name + ", pick another movie")
''',
    bug='age = input("Age: ")',
    fix='age = int(input("Age: "))',
    checks=[S("Dana\n20\n", E("TypeError"),
              "Name: Age: Hi Dana\nDana, you can watch the R movie\n"),
            S("Eli\n12\n", E("TypeError"),
              "Name: Age: Hi Eli\nSorry Eli, pick another movie\n")],
    name="movie.py",
    question="why??",
    error=dict(type="run", stdin="Dana\n20\n", show="/Users/dana/Desktop"))

add("sic_arrive", "str_int_comparison", "stdin", '''\
# when do i get to school
start_hour = int(input("hour you leave (0-23): "))
start_min = input("minute you leave: ")
ride = input("ride length in minutes: ")
total = start_min + ride
hour = start_hour + int(total) // 60
minute = int(total) % 60
print("you arrive at", str(hour) + ":" + str(minute).zfill(2))
''',
    bug="total = start_min + ride",
    fix="total = int(start_min) + int(ride)",
    checks=[S("8\n40\n35\n",
              "hour you leave (0-23): minute you leave: ride length in minutes: "
              "you arrive at 75:15\n",
              "hour you leave (0-23): minute you leave: ride length in minutes: "
              "you arrive at 9:15\n")],
    question="i leave at 8 40 and the ride is 35 min, it says you arrive at "
             "75:15 lol. should be 9:15")

# ===================== unhandled_edge_case ================================
add("edge_weekavg", "unhandled_edge_case", "error", '''\
# average temperature for each week
weeks = {"week 1": [12, 15, 11, 9], "week 2": [], "week 3": [20, 22]}

def average(temps):
    # if a week has no readings the average should be 0
    total = 0
    for t in temps:
        total += t
    return total / len(temps)

for name in weeks:
    print(name, "avg:", average(weeks[name]))
''',
    bug="    return total / len(temps)",
    fix="    if len(temps) == 0:\n        return 0\n    return total / len(temps)",
    checks=[C("", "average([])", E("ZeroDivisionError"), 0),
            C("", "[average(weeks[k]) for k in weeks]", E("ZeroDivisionError"),
              [11.75, 0, 21.0])],
    name="weekly.py",
    question="week 2 has no readings because the sensor broke. it should just "
             "say 0 for that week",
    error=dict(type="run", show="C:\\Users\\bea\\Documents\\lab7"))

add("edge_longest", "unhandled_edge_case", "question", '''\
def longest_word(text):
    words = text.split()
    best = words[0]
    for w in words:
        if len(w) > len(best):
            best = w
    return best

print(longest_word("the quick brown fox"))
print(longest_word(""))
''',
    bug="    best = words[0]",
    fix='    if len(words) == 0:\n        return ""\n    best = words[0]',
    checks=[C("", 'longest_word("")', E("IndexError"), ""),
            C("", 'longest_word("   ")', E("IndexError"), "")],
    question="works for normal sentences but an empty string crashes with "
             "IndexError: list index out of range. i want it to return an empty "
             "string then")

add("edge_recent", "unhandled_edge_case", "assert", '''\
def recent_messages(msgs, n):
    """returns the n newest messages (newest are at the end)"""
    print("getting", n, "messages")
    newest = msgs[-n:]
    return newest

chat = ["hi", "yo", "sup", "brb"]
assert recent_messages(chat, 2) == ["sup", "brb"]
assert recent_messages(chat, 1) == ["brb"]
assert recent_messages(chat, 0) == []
''',
    bug="    newest = msgs[-n:]",
    fix="    newest = msgs[len(msgs) - n:]",
    checks=[C("", "recent_messages(chat, 0)", ["hi", "yo", "sup", "brb"], [])],
    question="the last assert fails, asking for 0 messages gives me all of them")

# ===================== wrong_comparison_operator ==========================
add("cmp_stamps", "wrong_comparison_operator", "stdin", '''\
# coffee loyalty card
stamps = int(input("How many stamps on your card? "))
if stamps > 10:
    print("Free coffee!")
    stamps = stamps - 10
else:
    print("You need", 10 - stamps, "more stamps")
print("Stamps left:", stamps)
''',
    bug="if stamps > 10:",
    fix="if stamps >= 10:",
    checks=[S("10\n",
              "How many stamps on your card? You need 0 more stamps\nStamps left: 10\n",
              "How many stamps on your card? Free coffee!\nStamps left: 0\n")],
    transcript="10\n",
    question="{T}\n\nneed 0 more stamps?? with 10 you should get the free coffee")

add("cmp_bakery", "wrong_comparison_operator", "doctest", '''\
def order_cost(qty, unit_price):
    """Bakery order: 10% off when you buy a dozen or more.

    >>> order_cost(6, 2.0)
    12.0
    >>> order_cost(24, 1.5)
    32.4
    >>> order_cost(12, 2.0)
    21.6
    """
    cost = qty * unit_price
    if qty > 12:
        cost = cost * 0.9
    return round(cost, 2)
''',
    bug="    if qty > 12:",
    fix="    if qty >= 12:",
    checks=[C("", "order_cost(12, 2.0)", 24.0, 21.6)],
    question="")

add("cmp_frost", "wrong_comparison_operator", "question", '''\
def frost_days(lows):
    # frost day = when the low is 0 or bellow
    count = 0
    for t in lows:
        if t < 0:
            count = count + 1
    return count

print(frost_days([3, 0, -2, 5, 0, -1]))
''',
    bug="        if t < 0:",
    fix="        if t <= 0:",
    checks=[C("", "frost_days([3, 0, -2, 5, 0, -1])", 2, 4)],
    question="for lows of 3, 0, -2, 5, 0, -1 i get 2 frost days but there are 4")

# ===================== wrong_initial_value ================================
add("init_lap", "wrong_initial_value", "question", '''\
def fastest_lap(laps):
    best = 0
    for lap in laps:
        #print(lap)
        if lap < best:
            best = lap
    return best

times = [62.4, 59.8, 61.0]
print("fastest:", fastest_lap(times))
''',
    bug="    best = 0",
    fix="    best = laps[0]",
    checks=[C("", "fastest_lap(times)", 0, 59.8)],
    question="fastest lap is always 0 no matter what times i put in")

add("init_outfit", "wrong_initial_value", "assert", '''\
def outfit_count(options):
    # options = how many choices for each piece of clothing
    total = 0
    for n in options:
        total = total*n
    return total

assert outfit_count([3, 2]) == 6
assert outfit_count([4, 1, 5]) == 20
''',
    bug="    total = 0",
    fix="    total = 1",
    checks=[C("", "outfit_count([3, 2])", 0, 6)],
    question="")

add("init_streak", "wrong_initial_value", "error", '''\
def longest_win_streak(results):
    """results is a string like 'WWLWWW'"""
    best = 0
    current = 1
    for r in results:
        if r == "W":
            current += 1
            if current > best:
                best = current
        else:
            current = 0
    return best
''',
    bug="    current = 1",
    fix="    current = 0",
    checks=[C("", 'longest_win_streak("WWWLW")', 4, 3),
            C("", 'longest_win_streak("W")', 2, 1)],
    name="streak.py",
    question="the example from the sheet (WWLWWW) passes but "
             "test_streak_at_start fails",
    error=dict(type="pytest", test="test_streak.py", show="/home/marco/cs1/hw7",
               files={"test_streak.py": '''\
from streak import longest_win_streak


def test_example():
    assert longest_win_streak("WWLWWW") == 3


def test_streak_at_start():
    assert longest_win_streak("WWWLW") == 3


def test_no_wins():
    assert longest_win_streak("LLL") == 0
'''}))

# ===================== wrong_operator =====================================
add("op_binary", "wrong_operator", "question", '''\
def binary_to_decimal(bits):
    total = 0
    power = 0
    for b in reversed(bits):
        if b == "1":
            total += 2 * power
        power +=1
    return total

print(binary_to_decimal("1011"))
''',
    bug="            total += 2 * power",
    fix="            total += 2 ** power",
    checks=[C("", 'binary_to_decimal("1011")', 8, 11)],
    question="for 1011 i get 8 instead of 11")

add("op_pace", "wrong_operator", "stdin", '''\
# running pace calculator
km = float(input("distance (km): "))
minutes = float(input("time (minutes): "))
pace = minutes * km
print("your pace is", round(pace, 2), "min/km")
speed = km / (minutes / 60)
print("speed:", round(speed, 1), "km/h")
''',
    bug="pace = minutes * km",
    fix="pace = minutes / km",
    checks=[S("5\n27.5\n",
              "distance (km): time (minutes): your pace is 137.5 min/km\nspeed: 10.9 km/h\n",
              "distance (km): time (minutes): your pace is 5.5 min/km\nspeed: 10.9 km/h\n")],
    question="ran 5 km in 27.5 min and it says my pace is 137.5 min/km. should be "
             "5.5. the speed part is right tho")

# ===================== wrong_variable_returned ============================
add("wvr_tags", "wrong_variable_returned", "question", '''\
def unique_tags(tags):
    seen = []
    # lowercase + no # so duplicates are found
    for t in tags:
        t = t.lower().strip("#")
        if t not in seen:
            seen.append(t)
    return tags

print(unique_tags(["#Python", "#code", "#python", "#CODE", "#fun"]))
''',
    bug="    return tags",
    fix="    return seen",
    checks=[C("", 'unique_tags(["#Python", "#code", "#python", "#CODE", "#fun"])',
              ["#Python", "#code", "#python", "#CODE", "#fun"],
              ["python", "code", "fun"])],
    question="i get the exact same list back, the duplicates and the # are still "
             "there")

add("wvr_initials", "wrong_variable_returned", "doctest", '''\
def initials(full_name):
    """
    >>> initials("ada lovelace")
    'A.L.'
    >>> initials("Grace Brewster Hopper")
    'G.B.H.'
    """
    parts = full_name.split()
    result = ""
    for p in parts:
        letter = p[0].upper()
        result = result + letter + "."
    return letter
''',
    bug="    return letter",
    fix="    return result",
    checks=[C("", 'initials("ada lovelace")', "L", "A.L.")],
    question="both doctests fail, i only get the last letter")

add("wvr_winner", "wrong_variable_returned", "assert", '''\
def winner(votes):
    # votes is a dict of name -> number of votes
    best_name = ""
    best_count = -1
    for name in votes:
        if votes[name] > best_count:
            best_count = votes[name]
            best_name = name
    return best_count


def test_winner():
    assert winner({"ann": 3, "bob": 5, "cy": 2}) == "bob"

def test_single():
    assert winner({"zed": 1}) == "zed"
''',
    bug="    return best_count",
    fix="    return best_name",
    checks=[C("", 'winner({"ann": 3, "bob": 5, "cy": 2})', 5, "bob")],
    question="test_winner fails when i run pytest, what am i doing wrong")


# ---------------------------------------------------------------------------
# Verification machinery
# ---------------------------------------------------------------------------
CALL_RUNNER = r'''
import ast, sys
path, setup, call = sys.argv[1], sys.argv[2], sys.argv[3]
src = open(path).read()
tree = ast.parse(src)
def callfree(n):
    return not any(isinstance(x, ast.Call) for x in ast.walk(n))
keep = [n for n in tree.body
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                          ast.Import, ast.ImportFrom))
        or (isinstance(n, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and callfree(n))]
ns = {"__name__": "student"}
exec(compile(ast.Module(body=keep, type_ignores=[]), path, "exec"), ns)
try:
    exec(setup, ns)
    r = eval(call, ns)
    out = "R:" + repr(r)
except BaseException as e:
    out = "E:" + type(e).__name__
sys.stdout.flush()
print("\n@@RESULT@@" + out)
'''

ASSERT_RUNNER = r'''
import sys
path = sys.argv[1]
g = {"__name__": "__main__", "__file__": path}
try:
    exec(compile(open(path).read(), path, "exec"), g)
    for k, v in list(g.items()):
        if k.startswith("test_") and callable(v):
            v()
except BaseException as e:
    sys.stdout.flush()
    print("\n@@EXC@@" + type(e).__name__)
    sys.exit(1)
print("\n@@OK@@")
'''

# runs a program like a terminal would show it: typed input is echoed
ECHO_RUNNER = r'''
import builtins, sys, traceback
path = sys.argv[1]
def _input(prompt=""):
    sys.stdout.write(str(prompt))
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError("EOF when reading a line")
    sys.stdout.write(line if line.endswith("\n") else line + "\n")
    sys.stdout.flush()
    return line.rstrip("\n")
builtins.input = _input
code = compile(open(path).read(), path, "exec")
g = {"__name__": "__main__", "__file__": path, "__builtins__": builtins}
try:
    exec(code, g)
except SystemExit:
    raise
except BaseException as e:
    sys.stdout.flush()
    sys.stderr.write("".join(traceback.format_exception(type(e), e, e.__traceback__.tb_next)))
    sys.stderr.flush()
    sys.exit(1)
'''


def run(args, cwd, stdin="", merge=False, timeout=LIMIT):
    """Return (returncode or None on timeout, stdout, stderr)."""
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    try:
        p = subprocess.run([PY, "-I", "-B"] + args, cwd=cwd, input=stdin, env=env,
                           capture_output=not merge,
                           stdout=subprocess.PIPE if merge else None,
                           stderr=subprocess.STDOUT if merge else None,
                           text=True, timeout=timeout)
        return p.returncode, p.stdout or "", p.stderr or ""
    except subprocess.TimeoutExpired:
        return None, "", ""


def exc_name(stderr):
    lines = [l for l in stderr.strip().splitlines() if l.strip()]
    if not lines:
        return "UnknownError"
    return lines[-1].split(":")[0].strip()


def bug_range(code, bug):
    lines = code.split("\n")
    blines = bug.split("\n")
    hits = [i for i in range(len(lines) - len(blines) + 1)
            if lines[i:i + len(blines)] == blines]
    if len(hits) != 1:
        raise ValueError("bug text found %d times" % len(hits))
    return hits[0], hits[0] + len(blines)


def make_fixed(code, bug, fix):
    lines = code.split("\n")
    a, b = bug_range(code, bug)
    return "\n".join(lines[:a] + fix.split("\n") + lines[b:])


def write(d, name, text):
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def show_paths(text, d, show):
    sep = "\\" if "\\" in show else "/"
    return text.replace(d + "/", show + sep).replace(d, show)


def do_check(check, path, d):
    if check[0] == "call":
        _, setup, call = check[:3]
        rc, out, err = run([os.path.join(d, "call_runner.py"), path, setup, call], d)
        if rc is None:
            return "E:timeout"
        marks = [l for l in out.splitlines() if l.startswith("@@RESULT@@")]
        if not marks:
            return "E:RunnerBroken(%s)" % err.strip()[-200:]
        return marks[-1][len("@@RESULT@@"):]
    stdin = check[1]
    rc, out, err = run([path], d, stdin=stdin)
    if rc is None:
        return "E:timeout"
    if rc != 0:
        return "E:" + exc_name(err)
    return "R:" + repr(out)


def produce_error(p, code, d, fixed_code, fd, problems):
    """Really run the buggy program to produce the `error` text."""
    spec = p["error"]
    t = spec["type"]
    name = p["name"]
    show = spec.get("show", "")
    path = write(d, name, code)
    fpath = write(fd, name, fixed_code)
    for fn, txt in spec.get("files", {}).items():
        write(d, fn, txt)
        write(fd, fn, txt)
    if t == "pytest":
        args = ["-m", "pytest", "-p", "no:cacheprovider", spec["test"]]
        rc, out, _ = run(args, d, merge=True, timeout=30)
        frc, fout, _ = run(args, fd, merge=True, timeout=30)
        if rc in (None, 0) or " failed" not in out:
            problems.append("pytest did not fail on buggy code")
        if frc != 0:
            problems.append("pytest fails on fixed code:\n" + fout[-1500:])
        return show_paths(out.rstrip("\n"), d, show)
    if t == "doctest":
        rc, out, _ = run(["-m", "doctest", path], d, merge=True)
        frc, fout, _ = run(["-m", "doctest", fpath], fd, merge=True)
        if rc in (None, 0) or "Failed example" not in out:
            problems.append("doctest did not fail on buggy code")
        if frc != 0 or fout.strip():
            problems.append("doctest fails on fixed code:\n" + fout[-1500:])
        return show_paths(out.rstrip("\n"), d, show)
    if t == "run":
        stdin = spec.get("stdin")
        if stdin is None:
            rc, out, _ = run(["-u", path], d, stdin="", merge=True)
        else:
            rc, out, _ = run([os.path.join(d, "echo_runner.py"), path], d,
                             stdin=stdin, merge=True)
        frc, fout, _ = run([fpath], fd, stdin=stdin or "", merge=True)
        if rc in (None, 0):
            problems.append("buggy run did not crash/fail (rc=%r)" % rc)
        if frc != 0:
            problems.append("fixed run fails:\n" + fout[-1500:])
        return show_paths(out.rstrip("\n"), d, show)
    if t == "interrupt":
        proc = subprocess.Popen([PY, "-I", "-B", "-u", path], cwd=d,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        time.sleep(1.5)
        if proc.poll() is not None:
            problems.append("program ended before Ctrl-C")
        proc.send_signal(signal.SIGINT)
        try:
            out, _ = proc.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
            problems.append("program ignored Ctrl-C")
        if "KeyboardInterrupt" not in out:
            problems.append("no KeyboardInterrupt traceback")
        frc, fout, _ = run([fpath], fd, merge=True)
        if frc != 0:
            problems.append("fixed run fails:\n" + fout[-1500:])
        return show_paths(out.rstrip("\n"), d, show)
    if t == "grader":
        blocks = []
        nfail = 0
        for i, stdin in enumerate(spec["tests"], 1):
            rc, out, err = run([path], d, stdin=stdin)
            frc, fout, ferr = run([fpath], fd, stdin=stdin)
            if frc != 0:
                problems.append("fixed program crashes on grader test %d" % i)
            if rc is None:
                out += "\n[timed out]"
            elif rc != 0:
                out += err.strip().splitlines()[-1]
            shown_in = stdin.strip().replace("\n", " | ")
            if out == fout:
                blocks.append("Test %d (input: %s) ... passed" % (i, shown_in))
            else:
                nfail += 1
                blocks.append("Test %d (input: %s) ... FAILED\n"
                              "  Expected output:\n%s\n  Your output:\n%s"
                              % (i, shown_in,
                                 "\n".join("    " + l for l in fout.rstrip("\n").split("\n")),
                                 "\n".join("    " + l for l in out.rstrip("\n").split("\n"))))
        if nfail == 0:
            problems.append("grader: buggy program passes every test")
        blocks.append("%d/%d tests passed" % (len(spec["tests"]) - nfail,
                                               len(spec["tests"])))
        return "\n".join(blocks)
    problems.append("unknown error spec " + t)
    return None


def verify(p):
    """Return (entry or None, list of problems)."""
    problems = []
    pid = p["pid"]
    d = os.path.join(SCRATCH, pid, "buggy")
    fd = os.path.join(SCRATCH, pid, "fixed")
    for dd in (d, fd):
        write(dd, "call_runner.py", CALL_RUNNER)
        write(dd, "assert_runner.py", ASSERT_RUNNER)
        write(dd, "echo_runner.py", ECHO_RUNNER)
    code = p["code"]
    try:
        a, b = bug_range(code, p["bug"])
        fixed = make_fixed(code, p["bug"], p["fix"])
    except ValueError as e:
        return None, [str(e)]
    nlines = len(code.rstrip("\n").split("\n"))
    if not 5 <= nlines <= 35:
        problems.append("program has %d lines" % nlines)
    if p["fix"] == p["bug"]:
        problems.append("fix equals bug text")
    for txt, what in ((code, "buggy"), (fixed, "fixed")):
        try:
            ast.parse(txt)
        except SyntaxError as e:
            problems.append("%s code does not parse: %s" % (what, e))
    if problems:
        return None, problems
    path = write(d, p["name"], code)
    fpath = write(fd, p["name"], fixed)

    if not p["checks"]:
        problems.append("no checks")
    for c in p["checks"]:
        want_b, want_f = key(c[-2]), key(c[-1])
        if want_b == want_f:
            problems.append("check %r: buggy == expected" % (c[:3],))
        got_b = do_check(c, path, d)
        got_f = do_check(c, fpath, fd)
        if got_b != want_b:
            problems.append("check %r: buggy gave %s, wanted %s" % (c[:3], got_b, want_b))
        if got_f != want_f:
            problems.append("check %r: fixed gave %s, wanted %s" % (c[:3], got_f, want_f))

    kind = p["kind"]
    if kind == "assert":
        rc, out, err = run([os.path.join(d, "assert_runner.py"), path], d)
        if "@@EXC@@AssertionError" not in out:
            problems.append("assert: buggy did not fail with AssertionError: %s"
                            % (out + err)[-300:])
        rc, out, err = run([os.path.join(fd, "assert_runner.py"), fpath], fd)
        if rc != 0 or "@@OK@@" not in out:
            problems.append("assert: fixed does not pass: %s" % (out + err)[-300:])
    if kind == "doctest" or '>>>' in code:
        rc, out, _ = run(["-m", "doctest", path], d, merge=True)
        if kind == "doctest" and (rc in (None, 0) or "Failed example" not in out):
            problems.append("doctest: buggy does not fail")
        rc, out, _ = run(["-m", "doctest", fpath], fd, merge=True)
        if rc != 0:
            problems.append("doctest: fixed fails:\n" + out[-800:])
    if kind == "stdin" and not any(c[0] == "stdin" for c in p["checks"]):
        problems.append("stdin kind without stdin check")
    if kind == "error" and not p["error"]:
        problems.append("error kind without error spec")
    if kind != "error" and p["error"]:
        problems.append("error spec on non-error kind")

    # the fixed program must also run as a whole
    sin = next((c[1] for c in p["checks"] if c[0] == "stdin"), None)
    if sin is None and p["error"]:
        sin = p["error"].get("stdin")
    if sin is None:
        sin = p["transcript"] or ""
    if "input(" in code and not sin:
        problems.append("program reads input() but no stdin is known")
    rc, out, err = run([fpath], fd, stdin=sin)
    if rc != 0:
        problems.append("fixed whole program fails (rc=%r): %s" % (rc, err[-400:]))

    error_text = None
    if p["error"]:
        error_text = produce_error(p, code, d, fixed, fd, problems)
        if not error_text:
            problems.append("empty error text")

    question = p["question"]
    if "{T}" in question:
        if not p["transcript"]:
            problems.append("{T} without transcript stdin")
        else:
            rc, out, _ = run([os.path.join(d, "echo_runner.py"), path], d,
                             stdin=p["transcript"], merge=True)
            if rc is None:
                problems.append("transcript run timed out")
            question = question.replace("{T}", out.rstrip("\n"))
    elif p["transcript"]:
        problems.append("transcript given but no {T} in question")
    if kind in ("question", "stdin") and not question.strip():
        problems.append("empty question")

    entry = {
        "category": p["category"],
        "bugLines": list(range(a + 1, b + 1)),
        "question": question,
        "error": error_text,
        "code": code,
        "kind": kind,
        "fix": p["fix"],
        "after": False,
    }
    return entry, problems


def main():
    pids = [p["pid"] for p in PROGRAMS]
    dup = [k for k, v in Counter(pids).items() if v > 1]
    if dup:
        print("duplicate ids:", dup)
        sys.exit(1)
    shutil.rmtree(SCRATCH, ignore_errors=True)
    try:
        with ThreadPoolExecutor(max_workers=6) as ex:
            results = list(ex.map(verify, PROGRAMS))
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
    bad = [(p["pid"], probs) for p, (e, probs) in zip(PROGRAMS, results) if probs]
    cats = Counter(p["category"] for p in PROGRAMS)
    kinds = Counter(p["kind"] for p in PROGRAMS)
    print("programs:", len(PROGRAMS))
    print("kinds:", dict(sorted(kinds.items())))
    for c, n in sorted(cats.items()):
        print("  %-30s %d" % (c, n))
    if len(cats) != 23 or any(not 2 <= n <= 3 for n in cats.values()):
        bad.append(("<set>", ["category counts out of range"]))
    if bad:
        print("\nVERIFICATION FAILED -- JSON not written")
        for pid, probs in bad:
            print("\n[%s]" % pid)
            for pr in probs:
                print("   -", pr)
        sys.exit(1)
    entries = [e for e, _ in results]
    for i, e in enumerate(entries):
        e["after"] = i % 3 == 2   # every third program is the hold-out: measured, never tuned on
    with open(OUT, "w") as f:
        json.dump(entries, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("\nall %d programs verified; wrote %s" % (len(entries), OUT))


if __name__ == "__main__":
    main()
