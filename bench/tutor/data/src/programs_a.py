# Wrong beginner programs, part A. Authoring format (see build_programs.py):
#   code  : the program as the student sends it; every line ending in "#@bug" is a labelled bug line (the marker is
#           stripped before anything else sees the code)
#   fix   : one replacement per "#@bug" line, in order: a string (may hold "\n" for several lines), "" to delete the
#           line, None to keep it. The fixed program is never sent to the tutor; the runner uses it to detect leaks.
#   cases : what the student stated: ("call", "expected python expression") or {"stdin": ..., "expected": ...}
#           (stdin expected output defaults to what the fixed program prints)
#   how   : where the expectation is stated: question | error | assert | doctest | stdin
#   question / error : the student's words; {actual} / {error} are filled in from the buggy run by the builder
from build_programs import P

PROGRAMS = [
    # ---------------------------------------------------------------- off_by_one_range
    P("fib-loop-extra-pass", "off_by_one_range", "error", r'''
def fibo(n):
    a = 0
    b = 1
    for i in range(n + 1):   #@bug
        a, b = b, a+b
    return a

print(fibo(6))
''', fix=["    for i in range(n):"], cases=[("fibo(6)", "8")],
      error="fibo(6) gave {actual}, the 6th fibonacci number is 8 though"),

    P("sum-to-n-misses-last", "off_by_one_range", "question", r'''
# add up all the numbers from 1 to n
def sum_to(n):
    Total=0
    for i in range(1,n):  #@bug
        Total = Total + i
    return Total
''', fix=["    for i in range(1,n+1):"], cases=[("sum_to(5)", "15")],
      question="sum_to(5) should be 15 (1+2+3+4+5) but i get {actual}??"),

    P("biggest-skips-last", "off_by_one_range", "question", r'''
def biggest(nums):
    big = nums[0]
    for i in range(1, len(nums)-1):  #@bug
        if nums[i] > big:
            big = nums[i]
    return big

print(biggest([3, 9, 4, 12]))
''', fix=["    for i in range(1, len(nums)):"], cases=[("biggest([3, 9, 4, 12])", "12")],
      question="my biggest function says {actual} for [3, 9, 4, 12], the biggest is obviously 12. what is wrong"),

    P("vowels-index-error", "off_by_one_range", "error", r'''
def count_vowels(word):
    count = 0
    for i in range(len(word) + 1):  #@bug
        if word[i] in "aeiou":
            count = count + 1
    return count

print(count_vowels("hello"))
''', fix=["    for i in range(len(word)):"], cases=[("count_vowels('hello')", "2")],
      error="IndexError: string index out of range\ncount_vowels('hello') should give 2"),

    P("squares-stdin-short", "off_by_one_range", "stdin", r'''
n = int(input("How many squares? "))
for i in range(1, n):  #@bug
    print(i * i)
''', fix=["for i in range(1, n + 1):"], cases=[{"stdin": "4\n"}],
      question="when I enter 4 it only prints 1 4 9 but it should print 1 4 9 16"),

    P("reverse-loses-first-char", "off_by_one_range", "assert", r'''
def reverse_it(s):
    out = ""
    for i in range(len(s)-1, 0, -1):  #@bug
        out += s[i]
    return out

assert reverse_it("abc") == "cba"
assert reverse_it("a") == "a"
''', fix=["    for i in range(len(s)-1, -1, -1):"],
      cases=[("reverse_it(\"abc\")", "'cba'"), ("reverse_it(\"a\")", "'a'")]),

    # ---------------------------------------------------------------- return_in_loop
    P("isprime-else-return", "return_in_loop", "question", r'''
def isPrime(num):
    if num < 2:
        return False
    for d in range(2, num):
        if num % d == 0:
            return False
        else:              #@bug
            return True    #@bug
''', fix=["", "    return True"], cases=[("isPrime(9)", "False"), ("isPrime(7)", "True")],
      question="isPrime(9) gives True, 9 isnt prime (3*3) so it should be False. isPrime(7) works"),

    P("has-negative-first-only", "return_in_loop", "error", r'''
def has_negative(lst):
    for x in lst:
        print("checking", x)
        if x < 0:
            return True
        else:            #@bug
            return False #@bug
''', fix=["", "    return False"], cases=[("has_negative([3, -1, 4])", "True")],
      error="has_negative([3, -1, 4]) returned {actual}, expected True"),

    P("total-returns-first", "return_in_loop", "doctest", r'''
def total_of(numbers):
    """Add up a list.

    >>> total_of([4, 5, 6])
    15
    """
    total = 0
    for n in numbers:
        total += n
        return total  #@bug

if __name__ == "__main__":
    import doctest
    doctest.testmod()
''', fix=["    return total"], cases=[("total_of([4, 5, 6])", "15")]),

    P("find-index-gives-up", "return_in_loop", "question", r'''
def find_index(items, target):
    index = 0
    for item in items:
        if item == target:
            return index
        else:
            index = index + 1
            return -1  #@bug
''', fix=["    return -1"], cases=[("find_index([5, 7, 9], 9)", "2")],
      question="find_index([5, 7, 9], 9) keeps returning -1 even tho 9 is in the list, should be 2"),

    P("all-passed-returns-early", "return_in_loop", "assert", r'''
def all_passed(marks):
    for m in marks:
        if m >= 50:
            return True  #@bug
    return False

assert all_passed([70, 80]) == True
assert all_passed([70, 20, 90]) == False
''', fix={3: "        if m < 50:", 4: "            return False", 5: "    return True"},
      cases=[("all_passed([70, 80])", "True"), ("all_passed([70, 20, 90])", "False")],
      also_lines=[3, 5]),

    # ---------------------------------------------------------------- missing_return
    P("average-no-return", "missing_return", "question", r'''
def average(nums):
    total = 0
    for n in nums:
        total = total + n
    avg = total / len(nums)  #@bug

result = average([2, 4, 6])
print("the average is", result)
''', fix=["    avg = total / len(nums)\n    return avg"], cases=[("average([2, 4, 6])", "4.0")],
      question="why does average([2, 4, 6]) give None? it should be 4.0"),

    P("factorial-recursive-no-return", "missing_return", "error", r'''
def fact(n):
    if n <= 1:
        return 1
    else:
        n * fact(n - 1)  #@bug

print(fact(4))
''', fix=["        return n * fact(n - 1)"], cases=[("fact(4)", "24")],
      error="fact(4) prints None, expected 24"),

    P("letter-grade-assigns", "missing_return", "question", r'''
def letter(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        grade = "C"  #@bug
    else:
        return "F"
''', fix=["        return \"C\""], cases=[("letter(75)", "'C'"), ("letter(95)", "'A'")],
      question="letter(95) is 'A' fine but letter(75) returns None instead of 'C'. same code?"),

    P("unique-builds-but-forgets", "missing_return", "assert", r'''
def unique(items):
    out = []
    for it in items:
        if it not in out:
            out.append(it)
    print(out)  #@bug

assert unique([1, 2, 2, 3]) == [1, 2, 3]
''', fix=["    print(out)\n    return out"], cases=[("unique([1, 2, 2, 3])", "[1, 2, 3]")]),

    P("count-words-dict-no-return", "missing_return", "error", r'''
def word_counts(text):
    counts = {}
    for w in text.lower().split():
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    print("counted", len(counts), "words")  #@bug

freq = word_counts("the cat the dog")
print(freq["the"])
''', fix=["    print(\"counted\", len(counts), \"words\")\n    return counts"], cases=[("word_counts('the cat the dog')", "{'the': 2, 'cat': 1, 'dog': 1}")],
      error="TypeError: 'NoneType' object is not subscriptable. word_counts('the cat the dog') should give {'the': 2, 'cat': 1, 'dog': 1}"),

    # ---------------------------------------------------------------- print_instead_of_return
    P("square-prints", "print_instead_of_return", "error", r'''
def square(x):
    print(x * x)  #@bug

total = square(3) + square(4)
print(total)
''', fix=["    return x * x"], cases=[("square(3)", "9")],
      error="TypeError: unsupported operand type(s) for +: 'NoneType' and 'NoneType'\nsquare(3) should be 9 and the total 25"),

    P("count-words-prints", "print_instead_of_return", "assert", r'''
def count_words(sentence):
    words = sentence.split()
    print(len(words))  #@bug

assert count_words("a b c") == 3
''', fix=["    return len(words)"], cases=[("count_words(\"a b c\")", "3")]),

    P("palindrome-prints", "print_instead_of_return", "question", r'''
def is_palindrome(w):
    w = w.lower()
    if w == w[::-1]:
        print(True)   #@bug
    else:
        print(False)  #@bug

if is_palindrome("Anna"):
    print("yes palindrome")
else:
    print("no")
''', fix=["        return True", "        return False"], cases=[("is_palindrome('Anna')", "True")],
      question="it prints True and then no?? is_palindrome('Anna') should be True so it should say yes palindrome"),

    P("max-of-prints", "print_instead_of_return", "question", r'''
def max_of(lst):
    m = lst[0]
    for x in lst:
        if x > m:
            m = x
    print("max is", m)  #@bug

biggest = max_of([1, 5, 3])
print(biggest * 2)
''', fix=["    return m"], cases=[("max_of([1, 5, 3])", "5")],
      question="max_of([1, 5, 3]) shows max is 5 but then I get an error when I multiply it, it should return 5"),

    # ---------------------------------------------------------------- accumulator_reset_in_loop
    P("average-grades-reset", "accumulator_reset_in_loop", "question", r'''
def average_grade(grades):
    for g in grades:
        total = 0  #@bug
        total += g
    return total / len(grades)
''', fix={2: "    total = 0\n    for g in grades:", 3: ""}, cases=[("average_grade([80, 90, 100])", "90.0")],
      question="average_grade([80, 90, 100]) should be 90.0 but I get {actual}", also_lines=[2]),

    P("count-letter-reset", "accumulator_reset_in_loop", "error", r'''
def count_a(text):
    for ch in text:
        n = 0  #@bug
        if ch == "a":
            n = n + 1
    return n
''', fix={2: "    n = 0\n    for ch in text:", 3: ""}, cases=[("count_a('banana')", "3")],
      error="count_a('banana') gives {actual} instead of 3", also_lines=[2]),

    P("grid-sum-reset", "accumulator_reset_in_loop", "assert", r'''
def sum_grid(grid):
    for row in grid:
        total = 0  #@bug
        for x in row:
            total += x
    return total

assert sum_grid([[1, 2], [3, 4]]) == 10
''', fix={2: "    total = 0\n    for row in grid:", 3: ""}, cases=[("sum_grid([[1, 2], [3, 4]])", "10")],
      also_lines=[2]),

    P("evens-list-reset", "accumulator_reset_in_loop", "question", r'''
def get_evens(numbers):
    for num in numbers:
        evens = []  #@bug
        if num % 2 == 0:
            evens.append(num)
    return evens

print(get_evens([1, 2, 3, 4]))
''', fix={2: "    evens = []\n    for num in numbers:", 3: ""}, cases=[("get_evens([1, 2, 3, 4])", "[2, 4]")],
      question="get_evens([1,2,3,4]) only gives [4], it should be [2, 4]. why does it forget the 2", also_lines=[2]),

    # ---------------------------------------------------------------- integer_division
    P("avg-floor-div", "integer_division", "question", r'''
def avg(nums):
    s = sum(nums)
    return s // len(nums)  #@bug
''', fix=["    return s / len(nums)"], cases=[("avg([1, 2])", "1.5")],
      question="avg([1,2]) should be 1.5 but I get 1"),

    P("percent-zero", "integer_division", "error", r'''
def percent(correct, total):
    p = correct // total * 100  #@bug
    return p

print(percent(3, 4), "%")
''', fix=["    p = correct / total * 100"], cases=[("percent(3, 4)", "75.0")],
      error="percent(3, 4) returns 0, expected 75.0"),

    P("median-even-floor", "integer_division", "doctest", r'''
def median(values):
    """
    >>> median([1, 2, 3])
    2
    >>> median([1, 2, 3, 4])
    2.5
    """
    values = sorted(values)
    mid = len(values) // 2
    if len(values) % 2 == 1:
        return values[mid]
    return (values[mid - 1] + values[mid]) // 2  #@bug
''', fix=["    return (values[mid - 1] + values[mid]) / 2"],
      cases=[("median([1, 2, 3])", "2"), ("median([1, 2, 3, 4])", "2.5")]),

    P("celsius-floor", "integer_division", "question", r'''
def to_celsius(f):
    c = (f - 32) * 5 // 9  #@bug
    return c

print(to_celsius(100))
''', fix=["    c = (f - 32) * 5 / 9"], cases=[("to_celsius(100)", "37.77777777777778")],
      question="100 fahrenheit should be 37.77777777777778 celsius but my to_celsius(100) says 37, always a whole number"),

    P("mean-int-truncate", "integer_division", "assert", r'''
def mean_score(scores):
    total = 0
    for s in scores:
        total = total + s
    return int(total / len(scores))  #@bug

assert mean_score([7, 8]) == 7.5
''', fix=["    return total / len(scores)"], cases=[("mean_score([7, 8])", "7.5")]),

    # ---------------------------------------------------------------- wrong_comparison_operator
    P("grade-90-boundary", "wrong_comparison_operator", "question", r'''
def letter_grade(score):
    if score > 90:  #@bug
        return 'A'
    elif score >= 80:
        return 'B'
    else:
        return 'C'
''', fix=["    if score >= 90:"], cases=[("letter_grade(90)", "'A'")],
      question="letter_grade(90) gives 'B' but 90 is an A in our course"),

    P("count-passing-50", "wrong_comparison_operator", "error", r'''
def count_passing(marks):
    passing = 0
    for m in marks:
        if m > 50:  #@bug
            passing += 1
    return passing

print(count_passing([50, 49, 75]))
''', fix=["        if m >= 50:"], cases=[("count_passing([50, 49, 75])", "2")],
      error="count_passing([50, 49, 75]) returned {actual}, expected 2 (50 is a pass)"),

    P("binary-search-misses", "wrong_comparison_operator", "assert", r'''
def search(arr, x):
    lo = 0
    hi = len(arr) - 1
    while lo < hi:  #@bug
        mid = (lo + hi) // 2
        if arr[mid] == x:
            return mid
        elif arr[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1

assert search([1, 3, 5], 3) == 1
assert search([1, 3, 5], 5) == 2
''', fix=["    while lo <= hi:"], cases=[("search([1, 3, 5], 3)", "1"), ("search([1, 3, 5], 5)", "2")]),

    P("adult-stdin", "wrong_comparison_operator", "stdin", r'''
age = int(input("age: "))
if age > 18:  #@bug
    print("you can vote")
else:
    print("too young")
''', fix=["if age >= 18:"], cases=[{"stdin": "18\n"}],
      question="if i type 18 it says too young but 18 year olds can vote"),

    # ---------------------------------------------------------------- index_vs_element
    P("sum-indexes-elements", "index_vs_element", "error", r'''
def sum_all(nums):
    total = 0
    for i in nums:
        total += nums[i]  #@bug
    return total

print(sum_all([1, 2, 3]))
''', fix=["        total += i"], cases=[("sum_all([1, 2, 3])", "6")],
      error="Traceback (most recent call last):\n  File \"main.py\", line 7, in <module>\n    print(sum_all([1, 2, 3]))\n  File \"main.py\", line 4, in sum_all\n    total += nums[i]\nIndexError: list index out of range\n\nsum_all([1, 2, 3]) should be 6",
      also_lines=[3]),

    P("position-returns-element", "index_vs_element", "question", r'''
def position(letters, wanted):
    for x in letters:
        if x == wanted:
            return x  #@bug
    return -1
''', fix=["            return letters.index(x)"],
      cases=[("position(['a', 'b', 'c'], 'c')", "2")],
      question="position(['a','b','c'], 'c') returns 'c' but I want the position 2", also_lines=[2]),

    P("largest-compares-index", "index_vs_element", "question", r'''
def largest(lst):
    best = lst[0]
    for i in range(len(lst)):
        if i > best:  #@bug
            best = i  #@bug
    return best
''', fix=["        if lst[i] > best:", "            best = lst[i]"], cases=[("largest([4, 10, 2])", "10")],
      question="largest([4, 10, 2]) gives me {actual}. should be 10!!"),

    P("count-over-index", "index_vs_element", "doctest", r'''
def count_over(values, limit):
    """Count the values bigger than limit.
    >>> count_over([5, 1, 8], 3)
    2
    """
    c = 0
    for i in range(len(values)):
        if i > limit:  #@bug
            c += 1
    return c
''', fix=["        if values[i] > limit:"], cases=[("count_over([5, 1, 8], 3)", "2")]),
]
