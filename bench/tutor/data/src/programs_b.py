# Wrong beginner programs, part B (format: see programs_a.py).
from build_programs import P

PROGRAMS = [
    # ---------------------------------------------------------------- mutate_while_iterating
    P("remove-evens-skips", "mutate_while_iterating", "question", r'''
def remove_evens(nums):
    for x in nums:
        if x % 2 == 0:
            nums.remove(x)  #@bug
    return nums

print(remove_evens([2, 4, 5, 6]))
''', fix={2: "    for x in nums[:]:"}, cases=[("remove_evens([2, 4, 5, 6])", "[5]")],
      question="remove_evens([2, 4, 5, 6]) gives {actual}, the 4 is still there?? expected [5]", also_lines=[2]),

    P("dedupe-count-remove", "mutate_while_iterating", "assert", r'''
def dedupe(lst):
    for x in lst:
        if lst.count(x) > 1:
            lst.remove(x)  #@bug
    return lst

assert dedupe([1, 2, 3]) == [1, 2, 3]
assert dedupe([3, 3, 3, 3]) == [3]
''', fix={2: "    for x in lst[:]:"}, cases=[("dedupe([1, 2, 3])", "[1, 2, 3]"), ("dedupe([3, 3, 3, 3])", "[3]")],
      also_lines=[2]),

    P("short-words-filter", "mutate_while_iterating", "error", r'''
words = ["an", "apple", "is", "a", "fruit"]

def drop_short(words):
    for w in words:
        if len(w) < 3:
            words.remove(w)  #@bug
    return words

print(drop_short(words))
''', fix={4: "    for w in list(words):"}, cases=[("drop_short(['an', 'is', 'a', 'apple'])", "['apple']")],
      error="drop_short(['an', 'is', 'a', 'apple']) should return ['apple'] but returns {actual}", also_lines=[4]),

    P("dict-delete-zero-stock", "mutate_while_iterating", "error", r'''
stock = {"apples": 3, "pears": 0, "plums": 0, "kiwis": 5}

def clean_stock(d):
    for k in d:
        if d[k] == 0:
            del d[k]  #@bug
    return d

print(clean_stock(stock))
''', fix={4: "    for k in list(d):"}, cases=[("clean_stock({'apples': 3, 'pears': 0, 'kiwis': 5})", "{'apples': 3, 'kiwis': 5}")],
      error="RuntimeError: dictionary changed size during iteration", also_lines=[4]),

    # ---------------------------------------------------------------- is_vs_equals
    P("yes-answer-is", "is_vs_equals", "stdin", r'''
answer = input("Do you want to continue? ").strip().lower()
if answer is "yes":  #@bug
    print("ok continuing")
else:
    print("bye")
''', fix=["if answer == \"yes\":"], cases=[{"stdin": "yes\n"}],
      question="I type yes and it still prints bye. it should print ok continuing"),

    P("total-is-big-number", "is_vs_equals", "question", r'''
def reached_goal(steps_per_day, days):
    total = steps_per_day * days
    print(total)
    if total is 70000:  #@bug
        return True
    return False
''', fix=["    if total == 70000:"], cases=[("reached_goal(10000, 7)", "True")],
      question="reached_goal(10000, 7) prints 70000 and then returns False?? 10000*7 is 70000 so it should be True"),

    P("empty-list-is", "is_vs_equals", "doctest", r'''
def describe(items):
    """
    >>> describe([])
    'empty'
    >>> describe([1])
    'has 1 items'
    """
    if items is []:  #@bug
        return 'empty'
    return 'has ' + str(len(items)) + ' items'
''', fix=["    if items == []:"], cases=[("describe([])", "'empty'"), ("describe([1])", "'has 1 items'")]),

    P("palindrome-is-reverse", "is_vs_equals", "error", r'''
def is_pal(word):
    backwards = word[::-1]
    if backwards is word:  #@bug
        return True
    else:
        return False
''', fix=["    if backwards == word:"], cases=[("is_pal('racecar')", "True")],
      error="AssertionError: is_pal('racecar') returned False, expected True"),

    # ---------------------------------------------------------------- wrong_variable_returned
    P("longest-word-returns-loopvar", "wrong_variable_returned", "question", r'''
def longest_word(sentence):
    words = sentence.split()
    longest = ""
    for word in words:
        if len(word) > len(longest):
            longest = word
    return word  #@bug

print(longest_word("a quick brown fox"))
''', fix=["    return longest"], cases=[("longest_word('a quick brown fox')", "'quick'")],
      question="longest_word('a quick brown fox') prints fox but quick is longer, should be 'quick'"),

    P("count-positive-returns-n", "wrong_variable_returned", "assert", r'''
def count_positive(numbers):
    count = 0
    for n in numbers:
        if n > 0:
            count += 1
    return n  #@bug

assert count_positive([1, -2, 3, 4]) == 3
''', fix=["    return count"], cases=[("count_positive([1, -2, 3, 4])", "3")]),

    P("reverse-list-returns-input", "wrong_variable_returned", "error", r'''
def reverse_list(lst):
    rev = []
    for i in range(len(lst) - 1, -1, -1):
        rev.append(lst[i])
    return lst  #@bug
''', fix=["    return rev"], cases=[("reverse_list([1, 2, 3])", "[3, 2, 1]")],
      error="reverse_list([1, 2, 3]) returns [1, 2, 3] (nothing changed) but expected [3, 2, 1]"),

    P("top-scorer-returns-score", "wrong_variable_returned", "question", r'''
def top_scorer(scores):
    best_name = None
    best_score = -1
    for name in scores:
        if scores[name] > best_score:
            best_score = scores[name]
            best_name = name
    return best_score  #@bug

print(top_scorer({"ana": 7, "ben": 9, "cy": 4}))
''', fix=["    return best_name"], cases=[("top_scorer({'ana': 7, 'ben': 9, 'cy': 4})", "'ben'")],
      question="top_scorer({'ana': 7, 'ben': 9, 'cy': 4}) should give me the name 'ben' but i get {actual}"),

    # ---------------------------------------------------------------- boolean_precedence
    P("vowel-or-chain", "boolean_precedence", "question", r'''
def count_vowels(s):
    n = 0
    for ch in s:
        if ch == 'a' or 'e' or 'i' or 'o' or 'u':  #@bug
            n += 1
    return n
''', fix=["        if ch in 'aeiou':"], cases=[("count_vowels('sky')", "0"), ("count_vowels('tea')", "2")],
      question="count_vowels('sky') gives 3, there are no vowels in sky, expected 0"),

    P("weekend-or-string", "boolean_precedence", "assert", r'''
def is_weekend(day):
    day = day.lower()
    return day == "sat" or "sun"  #@bug

assert is_weekend("sat") == True
assert is_weekend("mon") == False
''', fix=["    return day == \"sat\" or day == \"sun\""],
      cases=[("is_weekend(\"sat\")", "True"), ("is_weekend(\"mon\")", "False")]),

    P("leap-year-precedence", "boolean_precedence", "question", r'''
def is_leap(year):
    if year % 4 == 0 or year % 400 == 0 and year % 100 != 0:  #@bug
        return True
    else:
        return False
''', fix=["    if year % 4 == 0 and year % 100 != 0 or year % 400 == 0:"],
      cases=[("is_leap(1900)", "False"), ("is_leap(2000)", "True")],
      question="is_leap(1900) says True but 1900 was not a leap year (should be False). 2000 works"),

    P("pass-grade-stdin", "boolean_precedence", "stdin", r'''
grade = input("grade: ").strip().upper()
if grade == "A" or "B" or "C":  #@bug
    print("pass")
else:
    print("fail")
''', fix=["if grade in (\"A\", \"B\", \"C\"):"], cases=[{"stdin": "F\n"}],
      question="when i enter F it prints pass, it should print fail"),

    # ---------------------------------------------------------------- loop_condition_never_changes
    P("countdown-no-assign", "loop_condition_never_changes", "stdin", r'''
n = int(input("start from: "))
while n > 0:
    print(n)
    n - 1  #@bug
print("Liftoff!")
''', fix=["    n = n - 1"], cases=[{"stdin": "3\n"}],
      question="my countdown never stops when i enter 3, it should print 3 2 1 Liftoff!"),

    P("digit-sum-floor-not-saved", "loop_condition_never_changes", "error", r'''
def digit_sum(num):
    total = 0
    while num > 0:
        total += num % 10
        num // 10  #@bug
    return total

print(digit_sum(123))
''', fix=["        num = num // 10"], cases=[("digit_sum(123)", "6")],
      error="the program runs forever, digit_sum(123) should be 6"),

    P("collatz-wrong-var", "loop_condition_never_changes", "question", r'''
def steps(n):
    count = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            m = 3 * n + 1  #@bug
        count = count + 1
    return count
''', fix=["            n = 3 * n + 1"], cases=[("steps(6)", "8")],
      question="steps(6) should be 8 but it just hangs, nothing comes out. steps(8) works and gives 3"),

    P("find-increment-indented", "loop_condition_never_changes", "assert", r'''
def find(lst, target):
    i = 0
    while i < len(lst):
        if lst[i] == target:
            return i
            i += 1  #@bug
    return -1

assert find([4, 5, 6], 4) == 0
assert find([4, 5, 6], 6) == 2
''', fix=["        i += 1"], cases=[("find([4, 5, 6], 4)", "0"), ("find([4, 5, 6], 6)", "2")]),

    P("menu-input-not-reread", "loop_condition_never_changes", "stdin", r'''
choice = input("command: ")
while choice != "quit":  #@bug
    if choice == "hi":
        print("hello!")
    else:
        print("unknown command")
print("bye")
''', fix={6: "        print(\"unknown command\")\n    choice = input(\"command: \")"}, cases=[{"stdin": "hi\nquit\n"}],
      question="I type hi then quit but it prints hello! forever. expected hello! then bye", also_lines=[6]),

    # ---------------------------------------------------------------- recursion_no_base_case
    P("fact-no-base", "recursion_no_base_case", "error", r'''
def fact(n):
    return n * fact(n - 1)  #@bug

print(fact(5))
''', fix=["    if n <= 1:\n        return 1\n    return n * fact(n - 1)"], cases=[("fact(5)", "120")],
      error="RecursionError: maximum recursion depth exceeded\nfact(5) should be 120", also_lines=[1]),

    P("countdown-by-two-skips-zero", "recursion_no_base_case", "question", r'''
def total_down(n):
    # 5 + 3 + 1
    if n == 0:  #@bug
        return 0
    return n + total_down(n - 2)
''', fix=["    if n <= 0:"], cases=[("total_down(4)", "6"), ("total_down(5)", "9")],
      question="total_down(4) gives 6 correct but total_down(5) crashes with maximum recursion depth, should be 9"),

    P("power-zero-exponent", "recursion_no_base_case", "assert", r'''
def power(b, e):
    if e == 1:  #@bug
        return b
    return b * power(b, e - 1)

assert power(2, 3) == 8
assert power(5, 0) == 1
''', fix={2: "    if e == 0:", 3: "        return 1"}, cases=[("power(2, 3)", "8"), ("power(5, 0)", "1")], also_lines=[3]),

    P("recursive-sum-empty", "recursion_no_base_case", "question", r'''
def rsum(lst):
    print(lst)
    return lst[0] + rsum(lst[1:])  #@bug
''', fix=["    if not lst:\n        return 0\n    return lst[0] + rsum(lst[1:])"], cases=[("rsum([1, 2, 3])", "6")],
      question="rsum([1, 2, 3]) prints the lists and then IndexError list index out of range. it should return 6"),

    P("fib-recursive-only-one-base", "recursion_no_base_case", "doctest", r'''
def fib(n):
    """
    >>> fib(1)
    1
    >>> fib(6)
    8
    """
    if n == 1:  #@bug
        return 1
    return fib(n - 1) + fib(n - 2)
''', fix=["    if n <= 2:"], cases=[("fib(1)", "1"), ("fib(6)", "8")]),

    # ---------------------------------------------------------------- sort_result_used
    P("top3-sort-none", "sort_result_used", "error", r'''
def top3(scores):
    ordered = scores.sort(reverse=True)  #@bug
    return ordered[:3]

print(top3([5, 1, 9, 7]))
''', fix=["    ordered = sorted(scores, reverse=True)"], cases=[("top3([5, 1, 9, 7])", "[9, 7, 5]")],
      error="TypeError: 'NoneType' object is not subscriptable\nexpected top3([5, 1, 9, 7]) to be [9, 7, 5]"),

    P("sort-names-returns-none", "sort_result_used", "question", r'''
def sort_names(names):
    result = names.sort()  #@bug
    return result
''', fix=["    result = sorted(names)"], cases=[("sort_names(['cy', 'ana', 'ben'])", "['ana', 'ben', 'cy']")],
      question="sort_names(['cy', 'ana', 'ben']) returns None?? want ['ana', 'ben', 'cy']"),

    P("print-sorted-input", "sort_result_used", "stdin", r'''
nums = input("numbers: ").split()
nums = [int(x) for x in nums]
print(nums.sort())  #@bug
''', fix=["nums.sort()\nprint(nums)"], cases=[{"stdin": "3 1 2\n"}],
      question="i enter 3 1 2 and it prints None instead of [1, 2, 3]"),

    P("median-sorted-none", "sort_result_used", "assert", r'''
def median(vals):
    s = vals.sort()  #@bug
    middle = len(vals) // 2
    return s[middle]

assert median([3, 1, 2]) == 2
''', fix=["    s = sorted(vals)"], cases=[("median([3, 1, 2])", "2")]),

    # ---------------------------------------------------------------- str_int_comparison
    P("age-str-compare-crash", "str_int_comparison", "stdin", r'''
age = input("How old are you? ")  #@bug
if age >= 18:
    print("adult")
else:
    print("child")
''', fix=["age = int(input(\"How old are you? \"))"], cases=[{"stdin": "20\n"}],
      question="TypeError: '>=' not supported between instances of 'str' and 'int' when I type 20. should print adult",
      also_lines=[2]),

    P("guess-never-equal", "str_int_comparison", "stdin", r'''
secret = 7
guess = input("guess: ")  #@bug
if guess == secret:
    print("Correct!")
else:
    print("Nope")
''', fix=["guess = int(input(\"guess: \"))"], cases=[{"stdin": "7\n"}],
      question="I guess 7 and it says Nope but secret is 7! should print Correct!", also_lines=[3]),

    P("max-of-typed-numbers", "str_int_comparison", "stdin", r'''
nums = input("enter numbers: ").split()  #@bug
print("max:", max(nums))
''', fix=["nums = [int(x) for x in input(\"enter numbers: \").split()]"], cases=[{"stdin": "9 10 2\n"}],
      question="when I enter 9 10 2 it prints max: 9 but should print max: 10", also_lines=[2]),

    P("count-passing-strings", "str_int_comparison", "question", r'''
def count_passing(scores):
    # scores come from the csv so theyre strings
    passed = 0
    for s in scores:
        if s >= "50":  #@bug
            passed += 1
    return passed
''', fix=["        if int(s) >= 50:"], cases=[("count_passing(['45', '80', '100'])", "2")],
      question="count_passing(['45', '80', '100']) returns {actual}, but 80 and 100 both pass so expected 2"),

    # ---------------------------------------------------------------- shadowed_if_chain
    P("grade-chain-low-first", "shadowed_if_chain", "question", r'''
def grade(score):
    if score >= 60:  #@bug
        return "D"
    elif score >= 70:
        return "C"
    elif score >= 80:
        return "B"
    elif score >= 90:
        return "A"
    else:
        return "F"
''', fix={2: "    if score >= 90:", 3: "        return \"A\"", 4: "    elif score >= 80:", 5: "        return \"B\"",
          6: "    elif score >= 70:", 7: "        return \"C\"", 8: "    elif score >= 60:", 9: "        return \"D\""},
      cases=[("grade(95)", "'A'"), ("grade(65)", "'D'")],
      question="grade(95) gives 'D'??? should be 'A'. every grade above 60 is D"),

    P("fizzbuzz-15-last", "shadowed_if_chain", "assert", r'''
def fizzbuzz(i):
    if i % 3 == 0:
        return "Fizz"
    elif i % 5 == 0:
        return "Buzz"
    elif i % 15 == 0:  #@bug
        return "FizzBuzz"
    else:
        return str(i)

assert fizzbuzz(9) == "Fizz"
assert fizzbuzz(15) == "FizzBuzz"
''', fix={2: "    if i % 15 == 0:\n        return \"FizzBuzz\"\n    elif i % 3 == 0:", 6: "", 7: ""},
      cases=[("fizzbuzz(9)", "'Fizz'"), ("fizzbuzz(15)", "'FizzBuzz'")], also_lines=[2]),

    P("bmi-under-unreachable", "shadowed_if_chain", "error", r'''
def bmi_category(bmi):
    if bmi < 25:  #@bug
        return "normal"
    elif bmi < 18.5:
        return "underweight"
    else:
        return "overweight"
''', fix={2: "    if bmi < 18.5:", 3: "        return \"underweight\"", 4: "    elif bmi < 25:",
          5: "        return \"normal\""},
      cases=[("bmi_category(17)", "'underweight'")],
      error="bmi_category(17) returns 'normal', expected 'underweight'", also_lines=[4]),

    P("shipping-heavy", "shadowed_if_chain", "question", r'''
def shipping(weight):
    cost = 0
    if weight > 1:  #@bug
        cost = 5
    elif weight > 10:
        cost = 20
    return cost
''', fix={3: "    if weight > 10:", 4: "        cost = 20", 5: "    elif weight > 1:", 6: "        cost = 5"},
      cases=[("shipping(12)", "20")],
      question="shipping(12) should cost 20 because its over 10kg, but i get {actual}", also_lines=[5]),

    # ---------------------------------------------------------------- early_break
    P("contains-break-outside-if", "early_break", "question", r'''
def contains(lst, target):
    found = False
    for x in lst:
        if x == target:
            found = True
        break  #@bug
    return found
''', fix=["            break"], cases=[("contains([1, 2, 3], 3)", "True")],
      question="contains([1,2,3], 3) is False but 3 is in the list. expected True"),

    P("starting-with-break", "early_break", "assert", r'''
def all_starting(words, letter):
    result = []
    for w in words:
        if w.startswith(letter):
            result.append(w)
            break  #@bug
    return result

assert all_starting(["apple", "avocado", "kiwi"], "a") == ["apple", "avocado"]
''', fix=[""], cases=[("all_starting([\"apple\", \"avocado\", \"kiwi\"], \"a\")", "['apple', 'avocado']")]),

    P("prime-break-else", "early_break", "error", r'''
def is_prime(n):
    prime = True
    for d in range(2, n):
        if n % d == 0:
            prime = False
        else:
            break  #@bug
    return prime
''', fix={6: "", 7: ""}, cases=[("is_prime(9)", "False")],
      error="is_prime(9) returned True, expected False", also_lines=[6]),

    P("total-until-done-break", "early_break", "stdin", r'''
total = 0
while True:
    x = input("number or done: ")
    if x == "done":
        break
    total += int(x)
    break  #@bug
print("total", total)
''', fix=[""], cases=[{"stdin": "4\n5\ndone\n"}],
      question="when I enter 4 then 5 then done it prints total 4 but should print total 9"),

    # ---------------------------------------------------------------- wrong_initial_value
    P("biggest-starts-zero", "wrong_initial_value", "question", r'''
def biggest(nums):
    biggest = 0  #@bug
    for n in nums:
        if n > biggest:
            biggest = n
    return biggest
''', fix=["    biggest = nums[0]"], cases=[("biggest([3, 8, 1])", "8"), ("biggest([-5, -2, -9])", "-2")],
      question="biggest([-5, -2, -9]) returns 0 but 0 isnt even in the list, should be -2"),

    P("product-starts-zero", "wrong_initial_value", "error", r'''
def product(numbers):
    result = 0  #@bug
    for x in numbers:
        result = result * x
    return result

print(product([2, 3, 4]))
''', fix=["    result = 1"], cases=[("product([2, 3, 4])", "24")],
      error="product([2, 3, 4]) gives 0 instead of 24"),

    P("smallest-starts-zero", "wrong_initial_value", "doctest", r'''
def smallest(values):
    """Return the smallest value.

    >>> smallest([4, 7, 5])
    4
    """
    low = 0  #@bug
    for v in values:
        if v < low:
            low = v
    return low
''', fix=["    low = values[0]"], cases=[("smallest([4, 7, 5])", "4")]),

    P("count-char-starts-one", "wrong_initial_value", "question", r'''
def count_char(text, c):
    count = 1  #@bug
    for letter in text:
        if letter == c:
            count += 1
    return count
''', fix=["    count = 0"], cases=[("count_char('hello', 'l')", "2")],
      question="count_char('hello', 'l') says {actual}, hello has 2 l's"),

    # ---------------------------------------------------------------- mutable_default_argument
    P("basket-default-list", "mutable_default_argument", "assert", r'''
def add_item(item, basket=[]):  #@bug
    basket.append(item)
    return basket

assert add_item("apple") == ["apple"]
assert add_item("pear") == ["pear"]
''', fix=["def add_item(item, basket=None):\n    if basket is None:\n        basket = []"],
      cases=[("add_item(\"apple\")", "['apple']"), ("add_item(\"pear\")", "['pear']")]),

    P("collect-evens-default", "mutable_default_argument", "question", r'''
def collect_evens(nums, out=[]):  #@bug
    for n in nums:
        if n % 2 == 0:
            out.append(n)
    return out

print(collect_evens([1, 2]))
print(collect_evens([4, 5]))
''', fix=["def collect_evens(nums, out=None):\n    if out is None:\n        out = []"],
      cases=[("collect_evens([1, 2])", "[2]"), ("collect_evens([4, 5])", "[4]")],
      question="the second call collect_evens([4, 5]) gives [2, 4] but it should only be [4]. where does the 2 come from"),

    P("tally-default-dict", "mutable_default_argument", "error", r'''
def tally(word, counts={}):  #@bug
    for ch in word:
        counts[ch] = counts.get(ch, 0) + 1
    return counts
''', fix=["def tally(word, counts=None):\n    if counts is None:\n        counts = {}"],
      cases=[("tally('aa')", "{'a': 2}"), ("tally('b')", "{'b': 1}")],
      error="after tally('aa'), calling tally('b') returns {'a': 2, 'b': 1}, expected {'b': 1}"),

    P("student-grades-shared", "mutable_default_argument", "question", r'''
def make_student(name, grades=[]):  #@bug
    return {"name": name, "grades": grades}

s1 = make_student("Ann")
s2 = make_student("Bob")
s1["grades"].append(90)
print(s2)
''', fix=["def make_student(name, grades=None):\n    if grades is None:\n        grades = []"],
      cases=[("make_student('Ann')['grades'].append(90)", "None"),
             ("make_student('Bob')", "{'name': 'Bob', 'grades': []}")],
      question="I only added 90 to Ann but Bob has it too, make_student('Bob') should have grades [] ... print(s2) shows {'name': 'Bob', 'grades': [90]}"),

    # ---------------------------------------------------------------- inverted_condition
    P("passing-inverted", "inverted_condition", "question", r'''
def passing(scores):
    passed = []
    for score in scores:
        if score < 50:  #@bug
            passed.append(score)
    return passed
''', fix=["        if score >= 50:"], cases=[("passing([30, 60, 90])", "[60, 90]")],
      question="passing([30, 60, 90]) returns [30] but i want the passing ones [60, 90]"),

    P("is-even-inverted", "inverted_condition", "assert", r'''
def is_even(n):
    return n % 2 == 1  #@bug

assert is_even(4)
assert not is_even(7)
''', fix=["    return n % 2 == 0"], cases=[("is_even(4)", "True"), ("is_even(7)", "False")]),

    P("unique-in-seen-inverted", "inverted_condition", "error", r'''
def unique(items):
    seen = []
    result = []
    for x in items:
        if x in seen:  #@bug
            result.append(x)
        seen.append(x)
    return result
''', fix=["        if x not in seen:"], cases=[("unique([1, 2, 2, 3])", "[1, 2, 3]")],
      error="unique([1, 2, 2, 3]) gives [2], should give [1, 2, 3]"),

    P("long-words-inverted", "inverted_condition", "doctest", r'''
def long_words(words, n):
    """Words longer than n letters.

    >>> long_words(["hi", "hello", "hey", "greetings"], 3)
    ['hello', 'greetings']
    """
    out = []
    for w in words:
        if not len(w) > n:  #@bug
            out.append(w)
    return out
''', fix=["        if len(w) > n:"], cases=[("long_words([\"hi\", \"hello\", \"hey\", \"greetings\"], 3)", "['hello', 'greetings']")]),

    # ---------------------------------------------------------------- unhandled_edge_case
    P("average-empty-crash", "unhandled_edge_case", "question", r'''
def average(marks):
    total = sum(marks)
    return total / len(marks)  #@bug
''', fix=["    if not marks:\n        return 0\n    return total / len(marks)"],
      cases=[("average([4, 6])", "5.0"), ("average([])", "0")],
      question="average([]) crashes with ZeroDivisionError: division by zero. the task says it should return 0 for an empty list"),

    P("largest-empty-list", "unhandled_edge_case", "assert", r'''
def largest(nums):
    best = nums[0]  #@bug
    for n in nums:
        if n > best:
            best = n
    return best

assert largest([2, 8, 3]) == 8
assert largest([]) is None
''', fix=["    if not nums:\n        return None\n    best = nums[0]"],
      cases=[("largest([2, 8, 3])", "8"), ("largest([])", "None")]),

    P("second-largest-duplicates", "unhandled_edge_case", "question", r'''
def second_largest(nums):
    s = sorted(nums)  #@bug
    return s[-2]
''', fix=["    s = sorted(set(nums))"], cases=[("second_largest([1, 9, 4])", "4"), ("second_largest([5, 5, 3])", "3")],
      question="second_largest([5, 5, 3]) gives 5 but the second largest is 3", also_lines=[3]),

    P("is-prime-one", "unhandled_edge_case", "error", r'''
def is_prime(n):
    for d in range(2, n):  #@bug
        if n % d == 0:
            return False
    return True
''', fix=["    if n < 2:\n        return False\n    for d in range(2, n):"],
      cases=[("is_prime(7)", "True"), ("is_prime(1)", "False")],
      error="is_prime(1) returned True, expected False", also_lines=[1]),

    # ---------------------------------------------------------------- wrong_operator
    P("total-equals-plus", "wrong_operator", "question", r'''
def total_of(nums):
    total = 0
    for x in nums:
        total =+ x  #@bug
    return total
''', fix=["        total += x"], cases=[("total_of([1, 2, 3])", "6")],
      question="total_of([1, 2, 3]) returns 3 and not 6, what"),

    P("circle-area-times-two", "wrong_operator", "error", r'''
PI = 3.14
def area(r):
    a = PI * r * 2  #@bug
    return a

print(area(3))
''', fix=["    a = PI * r ** 2"], cases=[("area(3)", "28.26")],
      error="area(3) should be 28.26 but I get 18.84"),

    P("square-xor", "wrong_operator", "assert", r'''
def square(x):
    return x ^ 2  #@bug

assert square(3) == 9
''', fix=["    return x ** 2"], cases=[("square(3)", "9")]),

    P("even-slash", "wrong_operator", "question", r'''
def is_even(n):
    if n / 2 == 0:  #@bug
        return True
    else:
        return False
''', fix=["    if n % 2 == 0:"], cases=[("is_even(4)", "True")],
      question="is_even(4) says False?? 4 is even, expected True"),
]
