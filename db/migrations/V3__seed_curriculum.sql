-- Seed curriculum: an eight-module Python course with topics, exercises and quizzes.
-- Ids are fixed so the rows are stable across environments:
--   exercises e0000000-0000-4000-8000-00000000MMNN, quizzes c0000000-0000-4000-8000-00000000MMNN
--   (MM = module position, NN = number within the module).
-- Test cases follow the format described in db/README.md; every reference solution passes its tests
-- (checked by SeedSolutionsTest).

insert into modules (id, position, title, description)
values
    ('python-basics', 1, 'Python Basics',
     'Write and run your first programs: store values in variables, work with numbers and text, and talk to the user with input() and print().'),
    ('control-flow', 2, 'Control Flow',
     'Make decisions and repeat work: if/elif/else, while and for loops, range(), and steering loops with break, continue and loop else.'),
    ('collections', 3, 'Collections',
     'Store and organise many values: lists, tuples, dictionaries and sets, and build new collections concisely with comprehensions.'),
    ('functions', 4, 'Functions',
     'Package code into reusable functions: parameters and arguments, return values, variable scope, and small anonymous functions with lambda.'),
    ('oop', 5, 'Object-Oriented Programming',
     'Model things with classes: attributes and methods, inheritance and super(), and the special (dunder) methods that make objects work with Python''s operators and built-ins.'),
    ('errors-and-exceptions', 6, 'Errors and Exceptions',
     'Handle things going wrong: catch exceptions with try/except, clean up with else and finally, raise your own errors and design custom exception classes.'),
    ('files', 7, 'Working with Files',
     'Read and write text files safely: open() and its modes, reading line by line, writing and appending, with statements, and paths with pathlib.'),
    ('modules-and-libraries', 8, 'Modules and Libraries',
     'Organise code into modules and packages and reuse the huge standard library and third-party packages.');

insert into topics (id, module_id, position, title, difficulty, summary)
values
    ('variables', 'python-basics', 1, 'Variables and Assignment', 'beginner',
     'A variable is a name bound to an object with `=`; the name has no type of its own and can be rebound to any value later. Names are case-sensitive and written in snake_case by convention. Python evaluates the right-hand side first, so `count = count + 1` works, and tuple unpacking lets you assign several names at once (`x, y = 1, 2`) or swap them (`x, y = y, x`).'),
    ('numbers-and-types', 'python-basics', 2, 'Numbers and Types', 'beginner',
     'Every value has a type: int, float, bool, str, NoneType and more; `type(x)` tells which. Arithmetic uses `+ - * /` (true division always gives a float), `//` (floor division), `%` (remainder) and `**` (power). Convert between types explicitly with int(), float() and str(); floats are binary approximations, so compare them with a tolerance or round() for display.'),
    ('strings', 'python-basics', 3, 'Strings', 'beginner',
     'Strings are immutable sequences of characters written in single, double or triple quotes. Index with `s[0]` and `s[-1]`, slice with `s[start:stop:step]`, and combine with `+` and `*`. Methods such as strip(), lower(), upper(), title(), replace(), split() and join() return new strings; f-strings like `f"{name}: {score:.1f}"` embed expressions with formatting.'),
    ('input-and-output', 'python-basics', 4, 'Input and Output', 'beginner',
     'print() writes its arguments separated by `sep` (a space) and followed by `end` (a newline). input() reads one line from standard input and always returns a str without the newline, so convert it with int() or float() before doing arithmetic. Build output with f-strings and format specifiers for width and decimals.'),
    ('conditionals', 'control-flow', 1, 'if, elif and else', 'beginner',
     'An if statement runs its block when the condition is truthy; elif checks further conditions in order and else catches the rest, so at most one branch runs. Conditions combine comparisons (`==`, `!=`, `<`, `<=`, chained `0 <= x < 10`) with `and`, `or` and `not`. Empty containers, 0, 0.0, '''' and None are falsy; almost everything else is truthy.'),
    ('while-loops', 'control-flow', 2, 'while Loops', 'beginner',
     'A while loop repeats its block as long as its condition stays true, checking before every iteration. Something inside the loop must eventually make the condition false (or break out), otherwise the loop never ends. `while True:` with a break is the idiomatic way to loop until a sentinel value is read.'),
    ('for-loops', 'control-flow', 3, 'for Loops and range()', 'beginner',
     'A for loop takes each item of an iterable in turn: lists, strings, dicts (their keys), files and ranges. range(stop), range(start, stop) and range(start, stop, step) produce integers up to but not including stop. enumerate() gives index and item together, and zip() walks several sequences side by side.'),
    ('break-and-continue', 'control-flow', 4, 'break, continue and loop else', 'intermediate',
     'break leaves the innermost loop at once; continue skips the rest of the current iteration and moves to the next one. A loop''s else block runs only when the loop ends without break, which makes search loops ("found it" vs "not found") clean. pass is a do-nothing placeholder where a statement is required.'),
    ('lists', 'collections', 1, 'Lists', 'beginner',
     'A list is an ordered, mutable sequence: `nums = [3, 1, 2]`. Index and slice like strings, change items in place, and grow or shrink it with append(), extend(), insert(), pop() and remove(). sort() sorts in place and returns None, while sorted() returns a new list; assigning a list to another name does not copy it.'),
    ('tuples', 'collections', 2, 'Tuples', 'beginner',
     'A tuple is an ordered, immutable sequence: `point = (3, 4)`; a one-item tuple needs a trailing comma, `(5,)`. Tuples are used for fixed groups of values such as coordinates or several return values, can be unpacked (`x, y = point`), and, when they only contain hashable items, can be dict keys or set members.'),
    ('dictionaries', 'collections', 3, 'Dictionaries', 'beginner',
     'A dict maps unique, hashable keys to values: `ages = {''ada'': 36}`. Read with `d[key]` (KeyError when missing) or `d.get(key, default)`, add or update with `d[key] = value`, and loop over keys(), values() or items(). Dicts keep insertion order; collections.Counter and defaultdict help with counting and grouping.'),
    ('sets', 'collections', 4, 'Sets', 'intermediate',
     'A set is an unordered collection of unique hashable items: `{1, 2, 3}` (but `set()` for an empty one, since `{}` is a dict). Membership tests with `in` are fast, duplicates disappear on insert, and the operators `|`, `&`, `-` and `^` compute union, intersection, difference and symmetric difference.'),
    ('comprehensions', 'collections', 5, 'Comprehensions', 'intermediate',
     'A comprehension builds a collection from an iterable in one expression: `[x * x for x in nums if x > 0]` for lists, `{k: v for k, v in pairs}` for dicts and `{w.lower() for w in words}` for sets. The optional if filters items; the expression transforms them. Generator expressions use parentheses and produce items lazily, e.g. `sum(x * x for x in nums)`.'),
    ('defining-functions', 'functions', 1, 'Defining Functions and Parameters', 'beginner',
     '`def name(params):` defines a function; calling it binds the arguments to the parameters. Arguments can be passed by position or by keyword (`greet(name=''Ada'')`), and parameters can have defaults (`def greet(name, greeting=''Hello'')`). Defaults are evaluated once, at definition time, so never use a mutable default such as [] — use None and create the list inside. *args and **kwargs collect extra positional and keyword arguments.'),
    ('return-values', 'functions', 2, 'Return Values', 'beginner',
     'return ends the function and hands a value back to the caller; a function that reaches its end without return gives back None. Returning a tuple (`return low, high`) lets the caller unpack several results. Prefer returning values over printing them inside the function, so the result can be tested and reused.'),
    ('scope', 'functions', 3, 'Scope and Closures', 'intermediate',
     'Names are looked up Local, Enclosing, Global, then Built-in (LEGB). Assigning to a name inside a function makes it local to that function unless it is declared global or nonlocal. An inner function that uses names of its enclosing function is a closure: it keeps those variables alive, and nonlocal lets it rebind them, e.g. to keep a counter.'),
    ('lambdas', 'functions', 4, 'Lambdas and Functions as Values', 'intermediate',
     'Functions are objects: you can pass them as arguments, return them and store them in variables. `lambda x: x * 2` creates a small anonymous function whose body is a single expression. Lambdas are most useful as the key argument of sorted(), min() and max(), or with map() and filter(); for anything longer, use def.'),
    ('classes-and-objects', 'oop', 1, 'Classes and Objects', 'intermediate',
     'A class is a blueprint; calling it creates an instance and runs `__init__(self, ...)` to set up instance attributes on self. Methods are functions defined in the class that receive the instance as self. Attributes defined in the class body are shared by all instances (class attributes), while attributes assigned on self belong to one object.'),
    ('inheritance', 'oop', 2, 'Inheritance', 'intermediate',
     '`class Dog(Animal):` makes Dog a subclass that inherits Animal''s attributes and methods and can override them. super() calls the parent''s version, typically `super().__init__(...)` in the subclass''s __init__. isinstance(obj, Animal) is true for instances of subclasses too; prefer small hierarchies and composition when a class merely uses another.'),
    ('dunder-methods', 'oop', 3, 'Dunder (Special) Methods', 'advanced',
     'Methods with double underscores hook objects into the language: __str__ and __repr__ control printing, __eq__ defines ==, __lt__ ordering, __len__ len(), __add__ and __mul__ the + and * operators, __iter__ iteration and __contains__ the in operator. Return NotImplemented from a binary operator when the other operand''s type is unsupported.'),
    ('try-except', 'errors-and-exceptions', 1, 'Catching Exceptions with try/except', 'beginner',
     'Code that may fail goes in a try block; an except clause names the exception types it handles, e.g. `except ValueError as err:`. Python checks except clauses in order and runs the first match; unhandled exceptions propagate to the caller and print a traceback. Catch the narrowest exception you can handle — a bare `except:` also swallows KeyboardInterrupt and hides bugs.'),
    ('else-and-finally', 'errors-and-exceptions', 2, 'else and finally', 'intermediate',
     'A try statement''s else block runs only when the try block raised nothing, keeping the protected code small. finally always runs — after success, after a handled exception and even when an exception propagates or the function returns — so it is the place for cleanup such as closing resources (which with statements often do for you).'),
    ('raising-exceptions', 'errors-and-exceptions', 3, 'Raising Exceptions', 'intermediate',
     'raise stops normal execution with an exception object: `raise ValueError(''age must be positive'')`. Choose the built-in type that fits (ValueError for a bad value, TypeError for a wrong type, KeyError for a missing key) and write a message that says what was wrong. A bare raise inside except re-raises the current exception, and `raise NewError(...) from err` chains the original cause.'),
    ('custom-exceptions', 'errors-and-exceptions', 4, 'Custom Exceptions', 'advanced',
     'Define your own exception by subclassing Exception (not BaseException): `class PaymentError(Exception): pass`. A small hierarchy — a base error for your package with specific subclasses — lets callers catch broadly or precisely. Custom exceptions can carry extra attributes set in __init__; call super().__init__(message) so str(err) stays meaningful.'),
    ('reading-files', 'files', 1, 'Reading Files', 'beginner',
     'open(path, encoding=''utf-8'') returns a file object in read mode (''r'') by default. read() returns the whole text, readline() one line, and iterating over the file yields one line at a time including its ''\n'', which keeps memory low for large files. A missing file raises FileNotFoundError; always pass an explicit encoding for text.'),
    ('writing-files', 'files', 2, 'Writing and Appending', 'beginner',
     'Mode ''w'' creates the file or truncates an existing one, ''a'' appends to the end, and ''x'' creates a new file and fails if it exists. write() takes a string and does not add a newline for you; writelines() writes an iterable of strings. Data may be buffered until the file is closed or flushed.'),
    ('with-statement', 'files', 3, 'The with Statement', 'intermediate',
     '`with open(path) as f:` is a context manager: the file is closed automatically when the block ends, even if an exception is raised inside it. Several resources can share one with statement. Any object with __enter__ and __exit__ (or a generator decorated with contextlib.contextmanager) can be used the same way.'),
    ('file-paths', 'files', 4, 'Paths with pathlib', 'intermediate',
     'pathlib.Path represents a filesystem path: join parts with `/` (`Path(''data'') / ''scores.csv''`), inspect them with name, stem, suffix and parent, and check them with exists(), is_file() and is_dir(). Path has read_text()/write_text() helpers, mkdir(parents=True, exist_ok=True), iterdir() and glob()/rglob() for finding files. Relative paths are resolved against the current working directory.'),
    ('importing-modules', 'modules-and-libraries', 1, 'Importing Modules', 'beginner',
     'Every .py file is a module. `import math` binds the module name, `from math import sqrt` binds one name, and `import numpy as np` adds an alias. A module''s top-level code runs once, on first import, and Python finds modules via sys.path. The `if __name__ == ''__main__'':` guard marks code that should run only when the file is executed directly, not when it is imported.'),
    ('standard-library', 'modules-and-libraries', 2, 'The Standard Library', 'intermediate',
     'Python ships "batteries included": math and statistics for numbers, random for random choices, datetime for dates and times, json for reading and writing JSON, collections (Counter, defaultdict, deque), itertools for iteration helpers, pathlib and os for files, and re for regular expressions. Reach for these before writing your own versions.'),
    ('packages', 'modules-and-libraries', 3, 'Packages', 'intermediate',
     'A package is a directory of modules; a regular package has an __init__.py that runs when the package is imported. Modules inside are imported with dotted names (`from shop.cart import Cart`), and relative imports (`from .cart import Cart`) refer to siblings inside the same package. `python -m package.module` runs a module inside a package with the right import path.'),
    ('pip-and-virtual-environments', 'modules-and-libraries', 4, 'pip and Virtual Environments', 'intermediate',
     'Third-party packages come from PyPI and are installed with pip. A virtual environment (`python3 -m venv .venv`, then activate it) gives each project its own interpreter and packages, so versions don''t clash between projects. Record dependencies in requirements.txt (`pip freeze > requirements.txt`) or pyproject.toml so others can recreate the environment.');

-- module 1, exercise 1: Rectangle Area and Perimeter
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000101', 'input-and-output', 'Rectangle Area and Perimeter', 'beginner',
        $prompt$Read the width and the height of a rectangle from standard input (two whole numbers, one per line) and print its area and its perimeter exactly like this:

Area: 12
Perimeter: 14$prompt$,
        $code$# Read the width and the height (one per line), then print the area and the perimeter.
width = int(input())
# height = ...
$code$,
        $code$width = int(input())
height = int(input())
print(f"Area: {width * height}")
print(f"Perimeter: {2 * (width + height)}")
$code$,
        $json$[
          {"name": "3 by 4", "stdin": "3\n4\n", "expected_stdout": "Area: 12\nPerimeter: 14\n", "visibility": "shown"},
          {"name": "square of side 1", "stdin": "1\n1\n", "expected_stdout": "Area: 1\nPerimeter: 4\n", "visibility": "shown"},
          {"name": "zero height", "stdin": "10\n0\n", "expected_stdout": "Area: 0\nPerimeter: 20\n", "visibility": "hidden"},
          {"name": "larger numbers", "stdin": "123\n45\n", "expected_stdout": "Area: 5535\nPerimeter: 336\n", "visibility": "hidden_unless_failing"}
        ]$json$::jsonb,
        'seed');

-- module 1, exercise 2: Format a Name
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000102', 'strings', 'Format a Name', 'beginner',
        $prompt$Write a function format_name(first, last) that returns the name as "Last, First".

Both parts may have stray spaces around them and any mix of upper and lower case; the result must have the spaces removed and each part capitalised like a title, e.g. format_name("  ada ", "LOVELACE") returns "Lovelace, Ada".$prompt$,
        $code$def format_name(first, last):
    # Hint: strip() removes surrounding spaces and title() fixes the capitalisation.
    pass
$code$,
        $code$def format_name(first, last):
    return f"{last.strip().title()}, {first.strip().title()}"
$code$,
        $json$[
          {"name": "simple name", "call": "format_name('Grace', 'Hopper')", "expected": "'Hopper, Grace'", "visibility": "shown"},
          {"name": "spaces and caps", "call": "format_name('  ada ', 'LOVELACE')", "expected": "'Lovelace, Ada'", "visibility": "shown"},
          {"name": "lower case", "call": "format_name('alan', 'turing')", "expected": "'Turing, Alan'", "visibility": "hidden"},
          {"name": "mixed case with tabs", "call": "format_name('\\tkATHERINE', 'johnson  ')", "expected": "'Johnson, Katherine'", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 1, exercise 3: Celsius to Fahrenheit
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000103', 'numbers-and-types', 'Celsius to Fahrenheit', 'beginner',
        $prompt$Read a temperature in degrees Celsius (it may have decimals) from standard input and print it in degrees Fahrenheit with exactly one decimal place.

The formula is F = C * 9 / 5 + 32, so an input of 100 prints 212.0.$prompt$,
        $code$celsius = float(input())
# Compute fahrenheit and print it with one decimal, e.g. f"{value:.1f}"
$code$,
        $code$celsius = float(input())
fahrenheit = celsius * 9 / 5 + 32
print(f"{fahrenheit:.1f}")
$code$,
        $json$[
          {"name": "boiling point", "stdin": "100\n", "expected_stdout": "212.0\n", "visibility": "shown"},
          {"name": "freezing point", "stdin": "0\n", "expected_stdout": "32.0\n", "visibility": "shown"},
          {"name": "minus forty", "stdin": "-40\n", "expected_stdout": "-40.0\n", "visibility": "hidden"},
          {"name": "body temperature", "stdin": "36.6\n", "expected_stdout": "97.9\n", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 2, exercise 1: FizzBuzz
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000201', 'for-loops', 'FizzBuzz', 'beginner',
        $prompt$Read a whole number n from standard input and print the numbers from 1 to n, one per line, but print "Fizz" instead of numbers divisible by 3, "Buzz" instead of numbers divisible by 5, and "FizzBuzz" instead of numbers divisible by both.$prompt$,
        $code$n = int(input())
for i in range(1, n + 1):
    # decide what to print for i
    pass
$code$,
        $code$n = int(input())
for i in range(1, n + 1):
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)
$code$,
        $json$[
          {"name": "up to 5", "stdin": "5\n", "expected_stdout": "1\n2\nFizz\n4\nBuzz\n", "visibility": "shown"},
          {"name": "up to 1", "stdin": "1\n", "expected_stdout": "1\n", "visibility": "hidden"},
          {"name": "up to 15", "stdin": "15\n", "expected_stdout": "1\n2\nFizz\n4\nBuzz\nFizz\n7\n8\nFizz\nBuzz\n11\nFizz\n13\n14\nFizzBuzz\n", "visibility": "hidden_unless_failing"}
        ]$json$::jsonb,
        'seed');

-- module 2, exercise 2: Letter Grade
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000202', 'conditionals', 'Letter Grade', 'beginner',
        $prompt$Write a function grade(score) that turns a score from 0 to 100 into a letter grade:
90 and above -> "A", 80-89 -> "B", 70-79 -> "C", 60-69 -> "D", below 60 -> "F".$prompt$,
        $code$def grade(score):
    if score >= 90:
        return "A"
    # add the other grades with elif / else
$code$,
        $code$def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    elif score >= 60:
        return "D"
    else:
        return "F"
$code$,
        $json$[
          {"name": "an A", "call": "grade(95)", "expected": "'A'", "visibility": "shown"},
          {"name": "a C", "call": "grade(72)", "expected": "'C'", "visibility": "shown"},
          {"name": "boundaries", "call": "[grade(s) for s in (100, 90, 89, 80, 79, 70, 69, 60, 59, 0)]", "expected": "['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'F', 'F']", "visibility": "hidden_unless_failing"},
          {"name": "a failing score", "call": "grade(12)", "expected": "'F'", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 2, exercise 3: Sum Until Zero
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000203', 'break-and-continue', 'Sum Until Zero', 'beginner',
        $prompt$Read whole numbers from standard input, one per line, until a 0 is read. Print the sum of the numbers read before the 0. Anything after the 0 must be ignored.$prompt$,
        $code$total = 0
while True:
    number = int(input())
    # stop at 0, otherwise add the number
print(total)
$code$,
        $code$total = 0
while True:
    number = int(input())
    if number == 0:
        break
    total += number
print(total)
$code$,
        $json$[
          {"name": "three numbers", "stdin": "3\n4\n0\n", "expected_stdout": "7\n", "visibility": "shown"},
          {"name": "only zero", "stdin": "0\n", "expected_stdout": "0\n", "visibility": "hidden"},
          {"name": "negative numbers and trailing input", "stdin": "5\n-2\n10\n0\n99\n", "expected_stdout": "13\n", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 3, exercise 1: Word Frequencies
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000301', 'dictionaries', 'Word Frequencies', 'intermediate',
        $prompt$Write a function word_frequencies(text) that returns a dictionary mapping each word of text to the number of times it occurs.

Words are separated by whitespace, are compared in lower case, and the punctuation characters . , ! ? at the start or end of a word are ignored. word_frequencies("The cat saw the hat.") returns {"the": 2, "cat": 1, "saw": 1, "hat": 1}.$prompt$,
        $code$def word_frequencies(text):
    counts = {}
    for word in text.split():
        # clean the word and count it
        pass
    return counts
$code$,
        $code$def word_frequencies(text):
    counts = {}
    for word in text.split():
        word = word.strip(".,!?").lower()
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts
$code$,
        $json$[
          {"name": "a short sentence", "call": "word_frequencies('The cat saw the hat.')", "expected": "{'the': 2, 'cat': 1, 'saw': 1, 'hat': 1}", "visibility": "shown"},
          {"name": "empty text", "call": "word_frequencies('')", "expected": "{}", "visibility": "shown"},
          {"name": "case and punctuation", "call": "word_frequencies('Hi! hi, HI? you.')", "expected": "{'hi': 3, 'you': 1}", "visibility": "hidden"},
          {"name": "lone punctuation is not a word", "call": "word_frequencies('wait ... what')", "expected": "{'wait': 1, 'what': 1}", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 3, exercise 2: Common Elements
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000302', 'sets', 'Common Elements', 'beginner',
        $prompt$Write a function common_elements(a, b) that returns a sorted list of the values that appear in both lists a and b. Each value appears only once in the result, even if it is repeated in the inputs.$prompt$,
        $code$def common_elements(a, b):
    # Sets make this short: look up the & operator.
    pass
$code$,
        $code$def common_elements(a, b):
    return sorted(set(a) & set(b))
$code$,
        $json$[
          {"name": "overlapping lists", "call": "common_elements([1, 2, 3, 4], [3, 4, 5])", "expected": "[3, 4]", "visibility": "shown"},
          {"name": "duplicates", "call": "common_elements([1, 1, 2], [1, 1])", "expected": "[1]", "visibility": "shown"},
          {"name": "nothing in common", "call": "common_elements([1, 2], [3])", "expected": "[]", "visibility": "hidden"},
          {"name": "unsorted words", "call": "common_elements(['pear', 'fig', 'apple'], ['fig', 'kiwi', 'apple'])", "expected": "['apple', 'fig']", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 3, exercise 3: Squares of Even Numbers
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000303', 'comprehensions', 'Squares of Even Numbers', 'beginner',
        $prompt$Write a function squares_of_evens(numbers) that returns, in their original order, the squares of the even numbers in the list, using a list comprehension. squares_of_evens([1, 2, 3, 4]) returns [4, 16].$prompt$,
        $code$def squares_of_evens(numbers):
    return [...]
$code$,
        $code$def squares_of_evens(numbers):
    return [n * n for n in numbers if n % 2 == 0]
$code$,
        $json$[
          {"name": "one to four", "call": "squares_of_evens([1, 2, 3, 4])", "expected": "[4, 16]", "visibility": "shown"},
          {"name": "empty list", "call": "squares_of_evens([])", "expected": "[]", "visibility": "hidden"},
          {"name": "zero and negatives", "call": "squares_of_evens([-2, 0, 5, -3])", "expected": "[4, 0]", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 4, exercise 1: Greeting with Defaults
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000401', 'defining-functions', 'Greeting with Defaults', 'beginner',
        $prompt$Write a function make_greeting(name, greeting="Hello", punctuation="!") that returns a greeting such as "Hello, Ada!". Callers may pass greeting and punctuation by position or by keyword.$prompt$,
        $code$def make_greeting(name, greeting="Hello", punctuation="!"):
    pass
$code$,
        $code$def make_greeting(name, greeting="Hello", punctuation="!"):
    return f"{greeting}, {name}{punctuation}"
$code$,
        $json$[
          {"name": "defaults", "call": "make_greeting('Ada')", "expected": "'Hello, Ada!'", "visibility": "shown"},
          {"name": "custom greeting by keyword", "call": "make_greeting('Bob', greeting='Hi')", "expected": "'Hi, Bob!'", "visibility": "shown"},
          {"name": "all by position", "call": "make_greeting('Cy', 'Hey', '.')", "expected": "'Hey, Cy.'", "visibility": "hidden"},
          {"name": "keywords in any order", "call": "make_greeting(punctuation='?', name='Di')", "expected": "'Hello, Di?'", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 4, exercise 2: Minimum, Maximum and Mean
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000402', 'return-values', 'Minimum, Maximum and Mean', 'intermediate',
        $prompt$Write a function stats(numbers) that returns a tuple (smallest, largest, mean) for a list of numbers, where mean is a float. For an empty list it returns (None, None, None) instead of failing.$prompt$,
        $code$def stats(numbers):
    if not numbers:
        return None, None, None
    # return three values as a tuple
$code$,
        $code$def stats(numbers):
    if not numbers:
        return None, None, None
    return min(numbers), max(numbers), sum(numbers) / len(numbers)
$code$,
        $json$[
          {"name": "three numbers", "call": "stats([2, 4, 9])", "expected": "(2, 9, 5.0)", "visibility": "shown"},
          {"name": "empty list", "call": "stats([])", "expected": "(None, None, None)", "visibility": "shown"},
          {"name": "single number", "call": "stats([5])", "expected": "(5, 5, 5.0)", "visibility": "hidden"},
          {"name": "mean of zero", "call": "stats([-1, 1])", "expected": "(-1, 1, 0.0)", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 4, exercise 3: Sort Words by Length
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000403', 'lambdas', 'Sort Words by Length', 'intermediate',
        $prompt$Write a function sort_by_length(words) that returns a new list of the words sorted from shortest to longest; words of the same length are sorted alphabetically. Use sorted() with a key function (a lambda).$prompt$,
        $code$def sort_by_length(words):
    return sorted(words, key=...)
$code$,
        $code$def sort_by_length(words):
    return sorted(words, key=lambda word: (len(word), word))
$code$,
        $json$[
          {"name": "fruit", "call": "sort_by_length(['banana', 'kiwi', 'apple', 'fig'])", "expected": "['fig', 'kiwi', 'apple', 'banana']", "visibility": "shown"},
          {"name": "empty list", "call": "sort_by_length([])", "expected": "[]", "visibility": "hidden"},
          {"name": "ties are alphabetical", "call": "sort_by_length(['bb', 'a', 'ab', 'b'])", "expected": "['a', 'b', 'ab', 'bb']", "visibility": "hidden"},
          {"name": "input is not changed", "setup": "words = ['to', 'be']", "call": "sort_by_length(words) + words", "expected": "['be', 'to', 'to', 'be']", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 4, exercise 4: Counter Factory
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000404', 'scope', 'Counter Factory', 'advanced',
        $prompt$Write a function make_counter() that returns a new function. Each call of the returned function returns the next number, starting at 1. Counters made by separate make_counter() calls count independently. Use a closure and nonlocal, not a global variable.$prompt$,
        $code$def make_counter():
    count = 0

    def counter():
        # update count and return it
        pass

    return counter
$code$,
        $code$def make_counter():
    count = 0

    def counter():
        nonlocal count
        count += 1
        return count

    return counter
$code$,
        $json$[
          {"name": "counts up", "setup": "c = make_counter()", "call": "(c(), c(), c())", "expected": "(1, 2, 3)", "visibility": "shown"},
          {"name": "independent counters", "setup": "c = make_counter()\nd = make_counter()", "call": "(c(), c(), d(), c())", "expected": "(1, 2, 1, 3)", "visibility": "hidden"},
          {"name": "no global state", "setup": "c = make_counter()\nc()", "call": "[name for name in ('count', 'counter') if name in globals()]", "expected": "[]", "visibility": "hidden_unless_failing"}
        ]$json$::jsonb,
        'seed');

-- module 5, exercise 1: Bank Account
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000501', 'classes-and-objects', 'Bank Account', 'intermediate',
        $prompt$Write a class BankAccount:
- BankAccount(owner, balance=0) stores owner and balance as attributes.
- deposit(amount) adds a positive amount; a zero or negative amount raises ValueError.
- withdraw(amount) subtracts the amount; withdrawing more than the balance raises ValueError and leaves the balance unchanged.$prompt$,
        $code$class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        pass

    def withdraw(self, amount):
        pass
$code$,
        $code$class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount
$code$,
        $json$[
          {"name": "deposit then withdraw", "setup": "acct = BankAccount('Ada', 100)\nacct.deposit(50)\nacct.withdraw(30)", "call": "acct.balance", "expected": "120", "visibility": "shown"},
          {"name": "default balance", "call": "(BankAccount('Bo').owner, BankAccount('Bo').balance)", "expected": "('Bo', 0)", "visibility": "shown"},
          {"name": "overdraw is refused", "setup": "acct = BankAccount('Cy', 10)\ntry:\n    acct.withdraw(50)\n    outcome = 'no error'\nexcept ValueError:\n    outcome = 'ValueError'", "call": "(outcome, acct.balance)", "expected": "('ValueError', 10)", "visibility": "hidden"},
          {"name": "negative deposit is refused", "setup": "acct = BankAccount('Di', 5)\ntry:\n    acct.deposit(-1)\n    outcome = 'no error'\nexcept ValueError:\n    outcome = 'ValueError'", "call": "(outcome, acct.balance)", "expected": "('ValueError', 5)", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 5, exercise 2: Shapes
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000502', 'inheritance', 'Shapes', 'intermediate',
        $prompt$The class Shape is given. Write three subclasses:
- Rectangle(width, height)
- Circle(radius), using math.pi
- Square(side), a subclass of Rectangle that calls super().__init__
Each must override area(). Shape.describe() then works for all of them, e.g. Circle(1).describe() returns "Circle with area 3.14".$prompt$,
        $code$import math


class Shape:
    def area(self):
        raise NotImplementedError

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Rectangle(Shape):
    pass
$code$,
        $code$import math


class Shape:
    def area(self):
        raise NotImplementedError

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Rectangle(Shape):
    def __init__(self, width, height):
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height


class Circle(Shape):
    def __init__(self, radius):
        self.radius = radius

    def area(self):
        return math.pi * self.radius ** 2


class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
$code$,
        $json$[
          {"name": "rectangle area", "call": "Rectangle(3, 4).area()", "expected": "12", "visibility": "shown"},
          {"name": "circle description", "call": "Circle(1).describe()", "expected": "'Circle with area 3.14'", "visibility": "shown"},
          {"name": "square is a rectangle", "call": "(isinstance(Square(3), Rectangle), Square(3).area(), Square(2).describe())", "expected": "(True, 9, 'Square with area 4.00')", "visibility": "hidden"},
          {"name": "every shape is a Shape", "call": "[isinstance(s, Shape) for s in (Rectangle(1, 2), Circle(2), Square(1))]", "expected": "[True, True, True]", "visibility": "hidden"},
          {"name": "small circle", "call": "round(Circle(0.5).area(), 2)", "expected": "0.79", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 5, exercise 3: A Vector Class
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000503', 'dunder-methods', 'A Vector Class', 'advanced',
        $prompt$Write a class Vector for 2D vectors with x and y attributes that supports:
- repr(Vector(1, 2)) == "Vector(1, 2)"
- v + w adds component-wise, v * k multiplies by a number
- v == w compares components
- abs(v) returns the length as a float (math.hypot helps)$prompt$,
        $code$class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        pass
$code$,
        $code$import math


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)

    def __mul__(self, factor):
        return Vector(self.x * factor, self.y * factor)

    def __eq__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return self.x == other.x and self.y == other.y

    def __abs__(self):
        return math.hypot(self.x, self.y)
$code$,
        $json$[
          {"name": "repr", "call": "repr(Vector(1, 2))", "expected": "'Vector(1, 2)'", "visibility": "shown"},
          {"name": "addition", "call": "repr(Vector(1, 2) + Vector(3, 4))", "expected": "'Vector(4, 6)'", "visibility": "shown"},
          {"name": "equality", "call": "(Vector(1, 2) == Vector(1, 2), Vector(0, 0) == Vector(0, 1))", "expected": "(True, False)", "visibility": "hidden"},
          {"name": "length", "call": "abs(Vector(3, 4))", "expected": "5.0", "visibility": "hidden"},
          {"name": "scaling", "call": "repr(Vector(2, -3) * 2)", "expected": "'Vector(4, -6)'", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 6, exercise 1: Safe Integer Parsing
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000601', 'try-except', 'Safe Integer Parsing', 'beginner',
        $prompt$Write a function safe_int(text, default=0) that returns int(text), or default when text is not a valid whole number (int() raises ValueError). Only catch ValueError.$prompt$,
        $code$def safe_int(text, default=0):
    try:
        pass
    except ValueError:
        pass
$code$,
        $code$def safe_int(text, default=0):
    try:
        return int(text)
    except ValueError:
        return default
$code$,
        $json$[
          {"name": "a number", "call": "safe_int('42')", "expected": "42", "visibility": "shown"},
          {"name": "not a number", "call": "safe_int('abc')", "expected": "0", "visibility": "shown"},
          {"name": "custom default", "call": "safe_int('4.2', default=-1)", "expected": "-1", "visibility": "hidden"},
          {"name": "surrounding spaces are fine", "call": "safe_int(' 7 ')", "expected": "7", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 6, exercise 2: Sum the Valid Lines
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000602', 'try-except', 'Sum the Valid Lines', 'intermediate',
        $prompt$Standard input contains one entry per line until the end of input. Add up the lines that are whole numbers and count the lines that are not; ignore blank lines. Print the result like this:

Sum: 15
Invalid: 2$prompt$,
        $code$import sys

total = 0
invalid = 0
for line in sys.stdin:
    line = line.strip()
    # skip blank lines, try int(line), count failures

print(f"Sum: {total}")
print(f"Invalid: {invalid}")
$code$,
        $code$import sys

total = 0
invalid = 0
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    try:
        total += int(line)
    except ValueError:
        invalid += 1

print(f"Sum: {total}")
print(f"Invalid: {invalid}")
$code$,
        $json$[
          {"name": "mixed lines", "stdin": "10\nabc\n5\n\n2.5\n", "expected_stdout": "Sum: 15\nInvalid: 2\n", "visibility": "shown"},
          {"name": "no input", "stdin": "", "expected_stdout": "Sum: 0\nInvalid: 0\n", "visibility": "hidden"},
          {"name": "mostly invalid", "stdin": "-3\n3\nx\ny\nz\n", "expected_stdout": "Sum: 0\nInvalid: 3\n", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 6, exercise 3: Validating a Sign-up Form
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000603', 'custom-exceptions', 'Validating a Sign-up Form', 'advanced',
        $prompt$Define an exception hierarchy and a validator:
- class ValidationError(Exception)
- class MissingFieldError(ValidationError) whose __init__(field) sets self.field and the message "missing field: <field>"
- validate_user(data) checks the dict data: raise MissingFieldError for the first missing key of "name" and "email" (in that order), raise ValidationError("invalid email") when the email has no "@", otherwise return True.$prompt$,
        $code$class ValidationError(Exception):
    pass


class MissingFieldError(ValidationError):
    def __init__(self, field):
        pass


def validate_user(data):
    pass
$code$,
        $code$class ValidationError(Exception):
    pass


class MissingFieldError(ValidationError):
    def __init__(self, field):
        super().__init__(f"missing field: {field}")
        self.field = field


def validate_user(data):
    for field in ("name", "email"):
        if field not in data:
            raise MissingFieldError(field)
    if "@" not in data["email"]:
        raise ValidationError("invalid email")
    return True
$code$,
        $json$[
          {"name": "valid user", "call": "validate_user({'name': 'Ada', 'email': 'ada@example.com'})", "expected": "True", "visibility": "shown"},
          {"name": "missing email", "setup": "try:\n    validate_user({'name': 'Ada'})\n    outcome = None\nexcept MissingFieldError as err:\n    outcome = (err.field, str(err))", "call": "outcome", "expected": "('email', 'missing field: email')", "visibility": "shown"},
          {"name": "hierarchy", "call": "(issubclass(MissingFieldError, ValidationError), issubclass(ValidationError, Exception))", "expected": "(True, True)", "visibility": "hidden"},
          {"name": "bad email", "setup": "try:\n    validate_user({'name': 'Bo', 'email': 'bo.example.com'})\n    outcome = None\nexcept ValidationError as err:\n    outcome = (type(err).__name__, str(err))", "call": "outcome", "expected": "('ValidationError', 'invalid email')", "visibility": "hidden"},
          {"name": "name is checked first", "setup": "try:\n    validate_user({})\n    outcome = None\nexcept MissingFieldError as err:\n    outcome = err.field", "call": "outcome", "expected": "'name'", "visibility": "hidden_unless_failing"}
        ]$json$::jsonb,
        'seed');

-- module 7, exercise 1: Count Lines and Words
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000701', 'reading-files', 'Count Lines and Words', 'beginner',
        $prompt$Write a function count_lines_and_words(path) that opens the text file at path (UTF-8) and returns a tuple (number_of_lines, number_of_words). Words are separated by whitespace. Use a with statement.$prompt$,
        $code$def count_lines_and_words(path):
    lines = 0
    words = 0
    with open(path, encoding="utf-8") as f:
        pass
    return lines, words
$code$,
        $code$def count_lines_and_words(path):
    lines = 0
    words = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            lines += 1
            words += len(line.split())
    return lines, words
$code$,
        $json$[
          {"name": "a short poem", "setup": "with open('poem.txt', 'w', encoding='utf-8') as f:\n    f.write('roses are red\\nviolets are blue\\n')", "call": "count_lines_and_words('poem.txt')", "expected": "(2, 6)", "visibility": "shown"},
          {"name": "empty file", "setup": "open('empty.txt', 'w').close()", "call": "count_lines_and_words('empty.txt')", "expected": "(0, 0)", "visibility": "hidden"},
          {"name": "blank line and no final newline", "setup": "with open('notes.txt', 'w', encoding='utf-8') as f:\n    f.write('one\\n\\ntwo three')", "call": "count_lines_and_words('notes.txt')", "expected": "(3, 3)", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 7, exercise 2: Append to a Log
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000702', 'writing-files', 'Append to a Log', 'beginner',
        $prompt$Write a function append_log(path, message) that appends message as a new line to the text file at path (creating the file if it does not exist) and returns how many lines the file has afterwards.$prompt$,
        $code$def append_log(path, message):
    with open(path, "a", encoding="utf-8") as f:
        pass
    # count the lines and return the count
$code$,
        $code$def append_log(path, message):
    with open(path, "a", encoding="utf-8") as f:
        f.write(message + "\n")
    with open(path, encoding="utf-8") as f:
        return sum(1 for _ in f)
$code$,
        $json$[
          {"name": "two messages", "call": "[append_log('log.txt', 'start'), append_log('log.txt', 'stop')]", "expected": "[1, 2]", "visibility": "shown"},
          {"name": "file contents", "setup": "append_log('app.log', 'a')\nappend_log('app.log', 'b')", "call": "open('app.log', encoding='utf-8').read()", "expected": "'a\\nb\\n'", "visibility": "shown"},
          {"name": "existing file is kept", "setup": "with open('old.log', 'w', encoding='utf-8') as f:\n    f.write('first\\nsecond\\n')", "call": "(append_log('old.log', 'third'), open('old.log', encoding='utf-8').read())", "expected": "(3, 'first\\nsecond\\nthird\\n')", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 7, exercise 3: Find Python Files
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000703', 'file-paths', 'Find Python Files', 'intermediate',
        $prompt$Write a function find_python_files(folder) that returns a sorted list of all .py files below folder (including subfolders), as paths relative to folder written with forward slashes, e.g. ["main.py", "pkg/util.py"]. pathlib's Path.rglob() and relative_to() help.$prompt$,
        $code$from pathlib import Path


def find_python_files(folder):
    pass
$code$,
        $code$from pathlib import Path


def find_python_files(folder):
    root = Path(folder)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.py") if p.is_file())
$code$,
        $json$[
          {"name": "a small project", "setup": "from pathlib import Path\nPath('proj/pkg').mkdir(parents=True)\nfor name in ['proj/main.py', 'proj/README.md', 'proj/pkg/__init__.py', 'proj/pkg/util.py']:\n    Path(name).write_text('')", "call": "find_python_files('proj')", "expected": "['main.py', 'pkg/__init__.py', 'pkg/util.py']", "visibility": "shown"},
          {"name": "empty folder", "setup": "import os\nos.mkdir('empty')", "call": "find_python_files('empty')", "expected": "[]", "visibility": "hidden"},
          {"name": "deep nesting, other files ignored", "setup": "from pathlib import Path\nPath('src/a/b/c').mkdir(parents=True)\nPath('src/a/b/c/deep.py').write_text('x = 1')\nPath('src/top.py').write_text('')\nPath('src/a/notes.txt').write_text('hi')\nPath('src/a/data.pyc').write_text('')", "call": "find_python_files('src')", "expected": "['a/b/c/deep.py', 'top.py']", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 8, exercise 1: Days Between Dates
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000801', 'standard-library', 'Days Between Dates', 'beginner',
        $prompt$Write a function days_until(start, end) that takes two dates as ISO strings ("YYYY-MM-DD") and returns the number of days from start to end (negative if end is earlier). Use the datetime module: date.fromisoformat() and subtracting dates.$prompt$,
        $code$from datetime import date


def days_until(start, end):
    pass
$code$,
        $code$from datetime import date


def days_until(start, end):
    return (date.fromisoformat(end) - date.fromisoformat(start)).days
$code$,
        $json$[
          {"name": "leap year", "call": "days_until('2024-01-01', '2024-03-01')", "expected": "60", "visibility": "shown"},
          {"name": "same day", "call": "days_until('2024-05-05', '2024-05-05')", "expected": "0", "visibility": "shown"},
          {"name": "not a leap year", "call": "days_until('2023-01-01', '2023-03-01')", "expected": "59", "visibility": "hidden"},
          {"name": "end before start", "call": "days_until('2024-12-31', '2024-12-25')", "expected": "-6", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 8, exercise 2: Statistics Report
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000802', 'standard-library', 'Statistics Report', 'intermediate',
        $prompt$Read a line of whole numbers separated by spaces from standard input and print their mean, median and population standard deviation with two decimals, like this:

mean=5.00 median=4.50 pstdev=2.00

Use the statistics module (mean, median, pstdev) instead of writing the formulas yourself.$prompt$,
        $code$import statistics

numbers = [int(part) for part in input().split()]
# print the report
$code$,
        $code$import statistics

numbers = [int(part) for part in input().split()]
mean = statistics.mean(numbers)
median = statistics.median(numbers)
pstdev = statistics.pstdev(numbers)
print(f"mean={mean:.2f} median={median:.2f} pstdev={pstdev:.2f}")
$code$,
        $json$[
          {"name": "eight numbers", "stdin": "2 4 4 4 5 5 7 9\n", "expected_stdout": "mean=5.00 median=4.50 pstdev=2.00\n", "visibility": "shown"},
          {"name": "one to three", "stdin": "1 2 3\n", "expected_stdout": "mean=2.00 median=2.00 pstdev=0.82\n", "visibility": "hidden"},
          {"name": "a single number", "stdin": "10\n", "expected_stdout": "mean=10.00 median=10.00 pstdev=0.00\n", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

-- module 8, exercise 3: Best Scores from JSON
insert into exercises (id, topic_id, title, difficulty, prompt, starter_code, reference_solution, tests, source)
values ('e0000000-0000-4000-8000-000000000803', 'importing-modules', 'Best Scores from JSON', 'intermediate',
        $prompt$Write a function best_scores(json_text) that parses json_text with the json module. It is a JSON list of objects like {"name": "ana", "score": 7}; return a dict mapping each name to that person's highest score.$prompt$,
        $code$import json


def best_scores(json_text):
    records = json.loads(json_text)
    best = {}
    # keep the highest score per name
    return best
$code$,
        $code$import json


def best_scores(json_text):
    records = json.loads(json_text)
    best = {}
    for record in records:
        name, score = record["name"], record["score"]
        if name not in best or score > best[name]:
            best[name] = score
    return best
$code$,
        $json$[
          {"name": "two players", "setup": "import json\ntext = json.dumps([{'name': 'ana', 'score': 7}, {'name': 'ben', 'score': 9}, {'name': 'ana', 'score': 10}])", "call": "best_scores(text)", "expected": "{'ana': 10, 'ben': 9}", "visibility": "shown"},
          {"name": "empty list", "call": "best_scores('[]')", "expected": "{}", "visibility": "hidden"},
          {"name": "negative scores", "setup": "import json\ntext = json.dumps([{'name': 'cy', 'score': -5}, {'name': 'cy', 'score': -1}, {'name': 'cy', 'score': -3}])", "call": "best_scores(text)", "expected": "{'cy': -1}", "visibility": "hidden"}
        ]$json$::jsonb,
        'seed');

insert into quizzes (id, topic_id, position, difficulty, question, options, correct_option, explanation)
values
    ('c0000000-0000-4000-8000-000000000101', 'numbers-and-types', 1, 'beginner',
     'What does `7 // 2` evaluate to in Python 3?',
     '["3.5", "3", "4", "3.0"]'::jsonb, 1,
     '`//` is floor division: with two ints it returns the int rounded down, 3. `7 / 2` would give 3.5.'),
    ('c0000000-0000-4000-8000-000000000102', 'input-and-output', 1, 'beginner',
     'A user types 42 at `age = input()`. What is `type(age)`?',
     '["int", "float", "str", "It depends on what the user typed"]'::jsonb, 2,
     'input() always returns a str; convert it with int(age) before doing arithmetic.'),
    ('c0000000-0000-4000-8000-000000000103', 'strings', 1, 'beginner',
     'Given `s = "python"`, what is `s[1:4]`?',
     '["\"pyt\"", "\"ytho\"", "\"pyth\"", "\"yth\""]'::jsonb, 3,
     'Slices include the start index and exclude the stop index: characters 1, 2 and 3 are ''y'', ''t'' and ''h''.'),
    ('c0000000-0000-4000-8000-000000000104', 'variables', 1, 'beginner',
     'After `a, b = 1, 2` and then `a, b = b, a`, what is the value of a?',
     '["2", "1", "(2, 1)", "It raises an error"]'::jsonb, 0,
     'The right-hand side (b, a) is evaluated first to the tuple (2, 1) and then unpacked, so the values are swapped.'),
    ('c0000000-0000-4000-8000-000000000201', 'for-loops', 1, 'beginner',
     'How many lines does `for i in range(2, 10, 3): print(i)` print?',
     '["2", "8", "3", "4"]'::jsonb, 2,
     'range(2, 10, 3) yields 2, 5 and 8; the stop value 10 is never reached.'),
    ('c0000000-0000-4000-8000-000000000202', 'conditionals', 1, 'beginner',
     'Which of these values is falsy?',
     '["\"0\"", "0.0", "[0]", "\" \""]'::jsonb, 1,
     '0.0 is a zero number and therefore falsy. "0" and " " are non-empty strings and [0] is a non-empty list, so they are truthy.'),
    ('c0000000-0000-4000-8000-000000000203', 'break-and-continue', 1, 'intermediate',
     'When does the else block of a for loop run?',
     '["When the loop finishes without executing break", "Only when the loop body raised an exception", "On every iteration where an if condition was false", "Never: for loops cannot have an else block"]'::jsonb, 0,
     'A loop''s else runs after the last iteration unless the loop was left with break, which makes it handy for ''not found'' cases.'),
    ('c0000000-0000-4000-8000-000000000204', 'while-loops', 1, 'beginner',
     'What does this print?

n = 3
while n > 0:
    n -= 1
print(n)',
     '["3", "1", "-1", "0"]'::jsonb, 3,
     'The loop keeps subtracting 1 while n > 0; it stops as soon as n becomes 0, and then print shows 0.'),
    ('c0000000-0000-4000-8000-000000000301', 'lists', 1, 'beginner',
     'After `nums = [1, 2, 3]` and `nums.append([4, 5])`, what is `len(nums)`?',
     '["5", "4", "3", "It raises a TypeError"]'::jsonb, 1,
     'append adds its argument as a single item, so the list becomes [1, 2, 3, [4, 5]] with 4 items. extend([4, 5]) would add two items.'),
    ('c0000000-0000-4000-8000-000000000302', 'dictionaries', 1, 'beginner',
     'What does `d.get(''x'', 0)` return when ''x'' is not a key of d?',
     '["None", "It raises KeyError", "0", "''x''"]'::jsonb, 2,
     'get returns the default (second argument) for a missing key instead of raising KeyError like d[''x''] would.'),
    ('c0000000-0000-4000-8000-000000000303', 'comprehensions', 1, 'intermediate',
     'What is `[x * 2 for x in range(4) if x % 2]`?',
     '["[0, 4]", "[0, 2, 4, 6]", "[1, 3]", "[2, 6]"]'::jsonb, 3,
     'range(4) gives 0..3; `x % 2` is truthy only for the odd numbers 1 and 3, which are doubled to 2 and 6.'),
    ('c0000000-0000-4000-8000-000000000304', 'sets', 1, 'beginner',
     'What is `len({1, 2, 2, 3, 3, 3})`?',
     '["3", "6", "1", "It raises an error because of the duplicates"]'::jsonb, 0,
     'A set keeps only unique items, so the duplicates collapse and the set is {1, 2, 3}.'),
    ('c0000000-0000-4000-8000-000000000305', 'tuples', 1, 'beginner',
     'Which statement about tuples is true?',
     '["`(5)` is a tuple with one item", "Tuples can only contain numbers", "Tuples are immutable: `t[0] = 1` raises a TypeError", "Tuples cannot be used as dictionary keys"]'::jsonb, 2,
     'Tuples cannot be changed after creation. A one-item tuple needs a comma, `(5,)`, and tuples of hashable items can be dict keys.'),
    ('c0000000-0000-4000-8000-000000000401', 'return-values', 1, 'beginner',
     'What does a function return if it ends without a return statement?',
     '["None", "0", "An empty string", "It raises an error"]'::jsonb, 0,
     'Every function call produces a value; without an explicit return it is None.'),
    ('c0000000-0000-4000-8000-000000000402', 'defining-functions', 1, 'intermediate',
     'Given

def add(item, bucket=[]):
    bucket.append(item)
    return bucket

what does the second call in `add(1); add(2)` return?',
     '["[2]", "[1]", "[1, 2]", "It raises an error"]'::jsonb, 2,
     'Default values are created once, when def runs, so both calls share the same list. Use `bucket=None` and create the list inside the function.'),
    ('c0000000-0000-4000-8000-000000000403', 'scope', 1, 'intermediate',
     'What does this print?

x = 10
def f():
    x = 5
f()
print(x)',
     '["5", "10", "None", "It raises UnboundLocalError"]'::jsonb, 1,
     'Assigning to x inside f creates a new local variable; the global x is unchanged. `global x` would be needed to rebind it.'),
    ('c0000000-0000-4000-8000-000000000404', 'lambdas', 1, 'intermediate',
     'What is `sorted([''b'', ''A'', ''c''], key=lambda s: s.lower())`?',
     '["[''A'', ''b'', ''c'']", "[''b'', ''A'', ''c'']", "[''c'', ''b'', ''A'']", "[''A'', ''c'', ''b'']"]'::jsonb, 0,
     'The key function compares the lower-case versions ''a'', ''b'', ''c'' while the original strings are returned.'),
    ('c0000000-0000-4000-8000-000000000501', 'classes-and-objects', 1, 'intermediate',
     'What is `self` in `def deposit(self, amount):` inside a class?',
     '["A keyword that refers to the class itself", "The instance the method was called on", "A global variable holding the last object created", "An optional parameter you may leave out"]'::jsonb, 1,
     '`account.deposit(5)` is turned into `BankAccount.deposit(account, 5)`, so self is the instance the method was called on.'),
    ('c0000000-0000-4000-8000-000000000502', 'inheritance', 1, 'intermediate',
     'In a subclass''s __init__, what does `super().__init__(name)` do?',
     '["Creates a second, separate parent object", "Calls the subclass''s own __init__ again", "Runs the parent class''s __init__ on the same instance", "Copies all attributes from another instance"]'::jsonb, 2,
     'super() finds the next class in the method resolution order, so the parent''s __init__ sets up its attributes on self.'),
    ('c0000000-0000-4000-8000-000000000503', 'dunder-methods', 1, 'advanced',
     'Which method does `print(obj)` use first to turn obj into text?',
     '["__repr__", "__print__", "__format__", "__str__"]'::jsonb, 3,
     'print calls str(obj), which uses __str__ and falls back to __repr__ when __str__ is not defined.'),
    ('c0000000-0000-4000-8000-000000000601', 'else-and-finally', 1, 'intermediate',
     'Which block of a try statement always runs, whether or not an exception occurred?',
     '["except", "else", "finally", "raise"]'::jsonb, 2,
     'finally runs in every case, even when an exception propagates or the function returns, which makes it the place for cleanup.'),
    ('c0000000-0000-4000-8000-000000000602', 'try-except', 1, 'beginner',
     'What does `int(''3.5'')` do?',
     '["Raises ValueError", "Returns 3", "Returns 4", "Raises TypeError"]'::jsonb, 0,
     'int() accepts strings of whole numbers only; ''3.5'' is a string of the right type but an invalid value, hence ValueError. int(3.5) on a float would return 3.'),
    ('c0000000-0000-4000-8000-000000000603', 'custom-exceptions', 1, 'advanced',
     'Which class should a custom exception usually inherit from?',
     '["BaseException", "Exception", "object", "Error"]'::jsonb, 1,
     'Exception is the base for ordinary errors. BaseException also covers KeyboardInterrupt and SystemExit, which `except Exception` should not catch.'),
    ('c0000000-0000-4000-8000-000000000604', 'raising-exceptions', 1, 'intermediate',
     'A function receives age = -3 where only non-negative ages make sense. Which exception fits best?',
     '["TypeError", "KeyError", "ValueError", "IndexError"]'::jsonb, 2,
     'The argument has the right type (int) but an unacceptable value, which is exactly what ValueError means.'),
    ('c0000000-0000-4000-8000-000000000701', 'writing-files', 1, 'beginner',
     'Which mode opens a text file to add data at its end, keeping the existing content?',
     '["''r''", "''w''", "''x''", "''a''"]'::jsonb, 3,
     '''a'' appends. ''w'' truncates the file first, ''x'' fails if it exists and ''r'' is read-only.'),
    ('c0000000-0000-4000-8000-000000000702', 'with-statement', 1, 'intermediate',
     'What is the main benefit of `with open(path) as f:`?',
     '["The file is closed automatically when the block ends, even after an exception", "Reading becomes faster", "The file is locked against other programs", "The whole file is loaded into memory"]'::jsonb, 0,
     'with uses the file object as a context manager whose __exit__ closes the file however the block is left.'),
    ('c0000000-0000-4000-8000-000000000703', 'reading-files', 1, 'beginner',
     'What do you get when you iterate over an open text file with `for line in f:`?',
     '["Single characters", "One line at a time, each still ending with ''\\n'' (except maybe the last)", "The whole file as one string", "Only the non-empty lines"]'::jsonb, 1,
     'Files are iterables of lines and keep the line terminator; use line.rstrip(''\n'') or line.strip() to remove it.'),
    ('c0000000-0000-4000-8000-000000000704', 'file-paths', 1, 'intermediate',
     'On Linux, what is `str(Path(''reports'') / ''2024'' / ''summary.txt'')`?',
     '["''reports2024summary.txt''", "''reports/2024/summary.txt''", "''reports\\\\2024\\\\summary.txt''", "It raises TypeError"]'::jsonb, 1,
     'The / operator joins path parts with the platform''s separator, which is / on Linux and macOS.'),
    ('c0000000-0000-4000-8000-000000000801', 'importing-modules', 1, 'beginner',
     'After `from math import sqrt as root`, how do you compute the square root of 9?',
     '["math.sqrt(9)", "sqrt(9)", "root(9)", "math.root(9)"]'::jsonb, 2,
     'The from-import binds only the alias root in your namespace; neither math nor sqrt is defined.'),
    ('c0000000-0000-4000-8000-000000000802', 'importing-modules', 2, 'intermediate',
     'What does the `if __name__ == ''__main__'':` guard do?',
     '["Runs the block only when the file is executed directly, not when it is imported", "Makes the module importable", "Runs the block before every import", "Marks the file as a package"]'::jsonb, 0,
     'A module''s __name__ is ''__main__'' only when it is the program being run; when imported, it is the module''s own name.'),
    ('c0000000-0000-4000-8000-000000000803', 'pip-and-virtual-environments', 1, 'intermediate',
     'Which command creates a virtual environment in the folder .venv?',
     '["pip install venv", "python3 -m pip venv .venv", "virtualenv --global", "python3 -m venv .venv"]'::jsonb, 3,
     'The venv module of the standard library creates an isolated environment; activate it and pip installs into it.'),
    ('c0000000-0000-4000-8000-000000000804', 'packages', 1, 'intermediate',
     'What turns a directory `shop/` into a regular package you can import with `import shop.cart`?',
     '["An __init__.py file inside it", "A setup.py file next to it", "Naming it with a capital letter", "A requirements.txt file"]'::jsonb, 0,
     'A regular package is a directory with an __init__.py (which runs on import); its modules are then importable with dotted names.');
