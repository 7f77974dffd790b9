#!/usr/bin/env python3
"""Writes devset-blind12.json and checks every program fails as labelled (the checks of devset-expectations.py).

Written for session 12, where the held-out bench still misses "failing case found" (by its totals only: cases not
found at all, or every case run passing; expectations stated as stdin/expected output, in the `error` field and in
the `question`; categories mutable_default_argument and wrong_comparison_operator weakest). Extra weight on:
programs that read input() with the expected output described in prose or pasted console runs (prompts echoed,
2.50 against 2.5, trailing spaces, capitals); the `error` field as a test runner prints it (pytest's `assert 3 == 5`
and `where` lines, a bare AssertionError traceback, unittest's FAIL block, a doctest failure, a grader's "Expected
output: / Your output:" block); questions that say what should happen in words rather than values; mutable
defaults and wrong comparisons. Odd names, redundant code and typos as students write them.

The last third, after the marker, is set aside: never looked at while tuning, scored in a row of its own.
Usage: python3 devset-blind12.py
"""
import os
import runpy
from types import SimpleNamespace

base = SimpleNamespace(**runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                     "devset-expectations.py")))
base.P.clear()
add = base.add

# ---------------------------------------------------------------- mutable default argument
add("mutable_default_argument", [1], """def add_to_cart(item, cart=[]):
    cart.append(item)
    print("cart now has", len(cart), "items")
    return cart

c1 = add_to_cart("apple")
c2 = add_to_cart("banana")
print(c2)
""", "question", [("call", "", "c2", ['apple', 'banana'], ['banana'])],
    question="every time i call add_to_cart for a new customer the cart still has the last customers stuff in it. "
             "c2 should only have the banana but it prints ['apple', 'banana']")

add("mutable_default_argument", [1], """def record(temp, readings=[]):
    readings.append(temp)
    return max(readings) - min(readings)


def test_range():
    assert record(10) == 0
    assert record(20) == 10


def test_single_reading():
    assert record(5) == 0
""", "error", [("call", "record(10); record(20)", "record(5)", 15, 0)],
    error="""________________________ test_single_reading ________________________

    def test_single_reading():
>       assert record(5) == 0
E       assert 15 == 0
E        +  where 15 = record(5)

test_temps.py:12: AssertionError
=========== short test summary info ===========
FAILED test_temps.py::test_single_reading - assert 15 == 0
1 failed, 1 passed in 0.03s""")

add("mutable_default_argument", [1], """def new_student(name, grades=[]):
    student = {"name": name, "grades": grades}
    return student

s1 = new_student("Ana")
s2 = new_student("Ben")
s1["grades"].append(90)
print(s2["grades"])
""", "question", [("call", "", "s2['grades']", [90], [])],
    question="I only gave Ana a grade but Ben has it too?? the last print shows [90] for Ben and he should have none yet")

add("mutable_default_argument", [1], """def append_log(msg, log=[]):
    log.append(msg.upper())
    return log

print(append_log("start"))
print(append_log("stop"))
""", "error", [("stdin", "", "['START', 'STOP']", "['START']\n['STOP']")],
    error="Test 2 failed\nExpected output:\n['START']\n['STOP']\nYour output:\n['START']\n['START', 'STOP']")

# ---------------------------------------------------------------- wrong comparison operator
add("wrong_comparison_operator", [2], """age = int(input("How old are you? "))
if age > 13 and age < 19:
    print("You are a teenager")
else:
    print("You are not a teenager")
""", "stdin", [("stdin", "13\n", "You are not a teenager", "You are a teenager")],
    question="How old are you? 13\nYou are not a teenager\n\n13 is thirteen so it IS a teenager?!")

add("wrong_comparison_operator", [2], """def passed(score, pass_mark=40):
    if score > pass_mark:
        return True
    return False
""", "error", [("call", "", "passed(40)", False, True)],
    error="""    def test_boundary():
>       assert passed(40)
E       assert False
E        +  where False = passed(40)

test_grades.py:8: AssertionError""")

add("wrong_comparison_operator", [4], """def find_cheapest(prices):
    cheapest = prices[0]
    for p in prices:
        if p > cheapest:
            cheapest = p
    return cheapest

print(find_cheapest([4.5, 2.0, 9.99, 3.25]))
""", "question", [("call", "", "find_cheapest([4.5, 2.0, 9.99, 3.25])", 9.99, 2.0)],
    question="its meant to give back the cheapest price but im getting the most expensive one (9.99)")

add("wrong_comparison_operator", [2], """temp = float(input())
if temp < 0:
    print("freezing")
elif temp < 20:
    print("cold")
elif temp < 30:
    print("warm")
else:
    print("hot")
""", "stdin", [("stdin", "0\n", "cold", "freezing")],
    error="Input:\n0\n\nExpected output:\nfreezing\n\nYour output:\ncold",
    question="0 degrees counts as freezing in the task")

add("wrong_comparison_operator", [4], """def letter_grade(mark):
    if mark >= 90:
        return "A"
    elif mark > 80:
        return "B"
    elif mark > 70:
        return "C"
    else:
        return "F"
""", "question", [("call", "", "letter_grade(80)", "C", "B")],
    question="letter_grade(80) says C but should be B (80 is a B in our class), 85 is fine")

add("wrong_comparison_operator", [2], """def in_stock(qty):
    return qty >= 0

print(in_stock(5))
assert in_stock(3) == True
assert in_stock(0) == False
""", "error", [("raises", "", "in_stock(0)", "AssertionError")],
    error="""Traceback (most recent call last):
  File "C:\\Users\\tom\\shop.py", line 6, in <module>
    assert in_stock(0) == False
AssertionError""")

# ---------------------------------------------------------------- input() programs, output in prose / console runs
add("wrong_comparison_operator", [4], """price = float(input("Price: "))
qty = int(input("Quantity: "))
total = price * qty
if qty > 10:
    total = total - total * 10 / 100
print("Total:", total)
""", "stdin", [("stdin", "2.50\n10\n", "Total: 25.0", "Total: 22.5")],
    question="Price: 2.50\nQuantity: 10\nTotal: 25.0\n\n10 or more gets 10% off so it should be Total: 22.50")

add("off_by_one_range", [3], """name = input("what is your name? ")
times = int(input("how many times? "))
for i in range(times - 1):
    print("Hello", name)
""", "stdin", [("stdin", "Sam\n3\n", "Hello Sam\nHello Sam\n", "Hello Sam\nHello Sam\nHello Sam")],
    question="i typed my name Sam and then 3 but it only says hello twice, should say it 3 times")

add("off_by_one_range", [3], """n = int(input())
total = 0
for i in range(n):
    total = total + i
print(total)
""", "stdin", [("stdin", "4\n", "6", "10")],
    error="Test case 1\nInput: 4\nExpected output: 10\nYour output: 6\n\nsum of 1 to n")

add("wrong_operator", [5], """count = int(input("How many numbers? "))
total = 0
for x in range(count):
    num = int(input("Number: "))
    total = num
print("Average is", total / count)
""", "stdin", [("stdin", "3\n2\n4\n6\n", "Average is 2.0", "Average is 4.0")],
    question="How many numbers? 3\nNumber: 2\nNumber: 4\nNumber: 6\nAverage is 2.0\n\nthe average of 2 4 6 is 4 not 2??")

add("str_int_comparison", [2, 3], """secret = 7
guess = input("Guess the number: ")
if guess == secret:
    print("You got it!")
else:
    print("Nope, try again")
""", "stdin", [("stdin", "7\n", "Nope, try again", "You got it!")],
    question="I type 7 which IS the secret number and it still tells me nope try again")

add("integer_division", [3], """a = int(input("Enter total bill: "))
people = int(input("How many people? "))
each = a // people
print("Each person pays", each)
""", "stdin", [("stdin", "25\n2\n", "Each person pays 12", "Each person pays 12.5")],
    question="Enter total bill: 25\nHow many people? 2\nEach person pays 12 \n\nshould be 12.50 each")

add("wrong_initial_value", [2], """n = int(input("Factorial of: "))
result = 0
for k in range(1, n+1):
    result *= k
print(n, "! =", result)
""", "stdin", [("stdin", "4\n", "4 ! = 0", "4 ! = 24")],
    question="Factorial of: 4\n4 ! = 0\n\nExpected\n4 ! = 24")

add("early_break", [6], """words = input("Type some words: ").split()
found = False
for w in words:
    if w == "python":
        found = True
    break
if found:
    print("python is in there")
else:
    print("no python")
""", "stdin", [("stdin", "i love python\n", "no python", "python is in there")],
    question="I type: i love python\nand it says no python even though its right there at the end")

add("shadowed_if_chain", [2], """bmi = float(input("bmi? "))
if bmi > 18.5:
    print("normal")
elif bmi > 25:
    print("overweight")
elif bmi > 30:
    print("obese")
else:
    print("underweight")
""", "stdin", [("stdin", "32\n", "normal", "obese")],
    question="input was 32",
    error="--- Expected ---\nObese\n--- Got ---\nnormal")

add("wrong_operator", [2], """celsius = float(input("Temperature in C: "))
fahrenheit = celsius * 9 / 5 - 32
print("In Fahrenheit that is", fahrenheit)
""", "stdin", [("stdin", "100\n", "In Fahrenheit that is 148.0", "212")],
    question="Temperature in C: 100\nIn Fahrenheit that is 148.0   \n\nwater boils at 212 so thats wrong")

# ---------------------------------------------------------------- error field as test runners print it
add("return_in_loop", [6], """def count_vowels(s):
    count = 0
    for ch in s:
        if ch in "aeiou":
            count += 1
        return count
""", "error", [("call", "", "count_vowels('banana')", 0, 3)],
    error="E       assert 0 == 3\nE        +  where 0 = count_vowels('banana')")

add("off_by_one_range", [4], """def reverse_words(sentence):
    words = sentence.split()
    result = []
    for i in range(len(words) - 1, 0, -1):
        result.append(words[i])
    return " ".join(result)

assert reverse_words("one two three") == "three two one"
""", "error", [("raises", "", "reverse_words('one two three')", "AssertionError")],
    error="""Traceback (most recent call last):
  File "/home/kid/rev.py", line 8, in <module>
    assert reverse_words("one two three") == "three two one"
AssertionError""")

add("boolean_precedence", [2], """def is_leap(year):
    if year % 4 == 0 or year % 400 == 0 and year % 100 != 0:
        return True
    return False
""", "error", [("call", "", "is_leap(1900)", True, False)],
    error="""F.
======================================================================
FAIL: test_1900 (__main__.TestLeap)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "leap_test.py", line 12, in test_1900
    self.assertFalse(is_leap(1900))
AssertionError: True is not false

----------------------------------------------------------------------
Ran 2 tests in 0.001s

FAILED (failures=1)""")

add("off_by_one_range", [2, 3], """def print_triangle(rows):
    for r in range(rows):
        print("#" * r)

print_triangle(3)
""", "error", [("stdin", "", "\n#\n##\n", "###")],
    error="Expected output:\n#\n##\n###\nYour output:\n\n#\n##")

add("index_vs_element", [4, 5], """def biggest_index(nums):
    best = 0
    for i in range(len(nums)):
        if nums[i] > best:
            best = nums[i]
    return best
""", "error", [("call", "", "biggest_index([5, 9, 2])", 9, 1)],
    error="""**********************************************************************
File "pos.py", line 3, in __main__.biggest_index
Failed example:
    biggest_index([5, 9, 2])
Expected:
    1
Got:
    9
**********************************************************************
1 items had failures:
   1 of   1 in __main__.biggest_index
***Test Failed*** 1 failures.""")

add("mutate_while_iterating", [4], """def remove_evens(numbers):
    for n in numbers:
        if n % 2 == 0:
            numbers.remove(n)
    return numbers
""", "error", [("call", "", "remove_evens([1, 2, 4, 3, 5])", [1, 4, 3, 5], [1, 3, 5])],
    error="test_remove failed: remove_evens([1, 2, 4, 3, 5]) returned [1, 4, 3, 5]\nexpected [1, 3, 5]")

add("sort_result_used", [5], """def sort_scores(scores):
    clean = []
    for s in scores:
        clean.append(int(s))
    return clean.sort()
""", "error", [("call", "", "sort_scores(['3', '1', '2'])", None, [1, 2, 3])],
    error="""FAIL: test_sorts (test_scores.TestScores)
Traceback (most recent call last):
  File "test_scores.py", line 6, in test_sorts
    self.assertEqual(sort_scores(['3', '1', '2']), [1, 2, 3])
AssertionError: None != [1, 2, 3]""")

add("is_vs_equals", [2], """def same_word(a, b):
    if a.lower() is b.lower():
        return True
    return False
""", "error", [("call", "", "same_word('Hello', 'hello')", False, True)],
    error=""">       assert same_word('Hello', 'hello') == True
E       AssertionError: assert False == True
E        +  where False = same_word('Hello', 'hello')""")

add("missing_return", [7], """def sign_word(n):
    if n > 0:
        return "positive"
    elif n < 0:
        return "negative"
    elif n == 0:
        word = "zero"
""", "error", [("call", "", "sign_word(0)", None, "zero")],
    error="E       AssertionError: assert None == 'zero'\nE        +  where None = sign_word(0)")

# ---------------------------------------------------------------- questions in words
add("wrong_comparison_operator", [3], """def countdown(start):
    n = start
    while n > 1:
        print(n)
        n = n - 1
    print("Liftoff!")

countdown(5)
""", "question", [("stdin", "", "2\nLiftoff!", "1\nLiftoff!")],
    question="when i do countdown(5) the last number before Liftoff! is missing, it should go all the way down to 1")

add("return_in_loop", [7, 8], """def is_prime(num):
    if num < 2:
        return False
    for d in range(2, num):
        if num % d == 0:
            return False
        else:
            return True
    return True
""", "question", [("call", "", "is_prime(9)", True, False)],
    question="my is_prime says 9 is prime which is obviously not right, 7 and 2 are ok")

add("wrong_variable_returned", [6], """def longest_word(sentence):
    longest = ""
    for word in sentence.split():
        if len(word) > len(longest):
            longest = word
    return word
""", "question", [("call", "", "longest_word('a giraffe is tall')", 'tall', 'giraffe')],
    question="longest_word('a giraffe is tall') gives me 'tall', its just giving the last word not the longest one")

add("index_vs_element", [4], """def total_of(prices):
    total = 0
    for i in range(len(prices)):
        total = total + i
    return total
""", "question", [("call", "", "total_of([10, 20, 30])", 3, 60)],
    question="total_of([10, 20, 30]) gives 3??? its supposed to add the prices up")

# marker: the programs below are set aside: never tuned on, scored in a row of their own
HELD = len(base.P)

add("print_instead_of_return", [5], """def double_all(items):
    out = []
    for it in items:
        out.append(it * 2)
    print(out)

result = double_all([1, 2, 3])
print("Doubled:", result)
""", "question", [("call", "", "double_all([1, 2, 3])", None, [2, 4, 6])],
    question="it prints the right list first but then it says Doubled: None?? where does the None come from")

add("mutable_default_argument", [1], """def count_words(text, counter={}):
    for w in text.split():
        counter[w] = counter.get(w, 0) + 1
    return counter
""", "question", [("call", "count_words('hi hi')", "count_words('hi')", {'hi': 3}, {'hi': 1})],
    question="count_words('hi hi') is right the first time, {'hi': 2}. but when i test again with "
             "count_words('hi') i get {'hi': 3}?? should be 1")

add("mutable_default_argument", [1], """def make_playlist(song, songs=[]):
    songs.append(song)
    print("Playlist:", songs)
    return songs

make_playlist("Yesterday")
make_playlist("Help")
""", "question", [("stdin", "", "Playlist: ['Yesterday', 'Help']", "Playlist: ['Help']")],
    question="each make_playlist call is supposed to start a brand new playlist. the second one prints "
             "Playlist: ['Yesterday', 'Help'] but Yesterday shouldnt be in it")

add("wrong_comparison_operator", [6], """pin = input("PIN: ")
tries = 1
while pin != "1234" and tries < 3:
    pin = input("Wrong. PIN: ")
    tries = tries + 1
if tries < 3:
    print("Welcome")
else:
    print("Card blocked")
""", "stdin", [("stdin", "1111\n2222\n1234\n", "Card blocked", "Welcome")],
    question="you get 3 goes. i typed 1111 then 2222 then the right one 1234 on my third go and it says "
             "Card blocked, should let me in")

add("wrong_comparison_operator", [2, 4], """def biggest(a, b, c):
    if a > b and a > c:
        return a
    elif b > a and b > c:
        return b
    else:
        return c
""", "question", [("call", "", "biggest(5, 5, 1)", 1, 5)],
    question="biggest(5, 5, 1) gives 1 which is the smallest one!! works for 1 2 3 tho")

add("wrong_comparison_operator", [4], """nums = input("numbers: ").split()
count = 0
for n in nums:
    if int(n) > 0:
        count = count + 1
print("non-negative:", count)
""", "stdin", [("stdin", "0 -3 4 0\n", "non-negative: 1", "non-negative: 3")],
    error="Expected output: non-negative: 3\nYour output: non-negative: 1",
    question="with input 0 -3 4 0")

add("mutate_while_iterating", [4], """def drop_negatives(nums):
    for x in nums:
        if x < 0:
            nums.remove(x)
    return nums

print(drop_negatives([3, -1, -2, 5]))
""", "question", [("call", "", "drop_negatives([3, -1, -2, 5])", [3, -2, 5], [3, 5])],
    question="why are some negative numbers still there after drop_negatives? it printed [3, -2, 5]")

add("wrong_initial_value", [2], """count = int(input("How many? "))
smallest = 0
for i in range(count):
    x = int(input("> "))
    if x < smallest:
        smallest = x
print("smallest is", smallest)
""", "stdin", [("stdin", "3\n5\n8\n2\n", "smallest is 0", "smallest is 2")],
    question="How many? 3\n> 5\n> 8\n> 2\nsmallest is 0\n\nit keeps saying the smallest is 0 even tho i never typed 0")

add("accumulator_reset_in_loop", [3], """scores = input("scores separated by commas: ").split(",")
for s in scores:
    best = 0
    if int(s) > best:
        best = int(s)
print("top score:", best)
""", "stdin", [("stdin", "40,95,60\n", "top score: 60", "top score: 95")],
    question="scores separated by commas: 40,95,60\ntop score: 60\n\nthe top is 95 obviously")

add("str_int_comparison", [1, 4], """nums = input("Enter numbers: ").split()
biggest = nums[0]
for n in nums:
    if n > biggest:
        biggest = n
print("Biggest:", biggest)
""", "stdin", [("stdin", "9 10 100\n", "Biggest: 9", "Biggest: 100")],
    question="Enter numbers: 9 10 100\nBiggest: 9\n\n???")

add("is_vs_equals", [2], """answer = input("What is 6 + 6? ")
if answer is "12":
    print("Correct!")
else:
    print("Wrong, try again")
""", "stdin", [("stdin", "12\n", "Wrong, try again", "Correct!")],
    question="I type 12 and it tells me wrong try again. it should say correct")

add("inverted_condition", [4], """def only_passing(marks):
    keep = []
    for m in marks:
        if m < 50:
            keep.append(m)
    return keep

print(only_passing([30, 75, 50, 90]))
""", "error", [("call", "", "only_passing([30, 75, 50, 90])", [30], [75, 50, 90])],
    error="Expected output: [75, 50, 90]\nYour output: [30]")

add("early_break", [7], """def has_duplicate(items):
    seen = []
    for x in items:
        if x in seen:
            return True
        seen.append(x)
        break
    return False
""", "question", [("call", "", "has_duplicate([1, 2, 1])", False, True)],
    question="has_duplicate([1, 2, 1]) says False but there are two 1s in it")

add("off_by_one_range", [3], """w = input("Enter a word: ")
n = 0
for i in range(1, len(w)):
    n += 1
print("The word has", n, "letters")
""", "stdin", [("stdin", "hello\n", "The word has 4 letters", "The word has 5 letters")],
    question="I typed hello",
    error="Expected output:\nEnter a word: The word has 5 letters\nYour output:\nEnter a word: The word has 4 letters")

add("accumulator_reset_in_loop", [3], """def total_marks(students):
    for name in students:
        total = 0
        total += students[name]
    return total
""", "error", [("call", "", "total_marks({'a': 70, 'b': 80})", 80, 150)],
    question="total_marks({'a': 70, 'b': 80})",
    error="Expected output: 150\nYour output: 80")

add("loop_condition_never_changes", [4], """def halvings(n):
    steps = 0
    while n > 1:
        n // 2
        steps += 1
    return steps

print(halvings(8))
""", "question", [("stdin", "", "", "3")],
    question="halvings(8) should be 3 but it just hangs forever")

add("str_int_comparison", [3], """first = input("First number: ")
second = input("Second number: ")
print("The sum is " + first + second)
""", "stdin", [("stdin", "3\n4\n", "The sum is 34", "The sum is 7")],
    question="First number: 3\nSecond number: 4\nThe sum is 34\n\nit should be The sum is 7")

if __name__ == "__main__":
    base.P[HELD:] = [dict(p, after=True) for p in base.P[HELD:]]
    base.main("devset-blind12.json")
