package dev.learnflow.triage.service;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signals in a message that the student's own program misbehaves, strong enough to decide the lane without the
 * sentence model: it names a Python error (or quotes an error message), states an expectation the program misses
 * ("returns 8 but should be 5", "gives X instead of Y"), or describes a symptom of a wrong program ("returns None",
 * "never stops", "prints the wrong average"). Questions about errors as a language feature ("how do I raise a
 * ValueError?") are not signals: they want an explanation.
 */
final class DebugSignals {

    /** Why a message counts as a debugging request, for the classification facts. */
    enum Kind { ERROR_NAMED, ERROR_MESSAGE, EXPECTATION, SYMPTOM }

    private static final Pattern ERROR_NAME = Pattern.compile(
            "\\b[A-Z][A-Za-z]*(?:Error|Exception)\\b|\\bStopIteration\\b|\\bKeyboardInterrupt\\b"
                    + "|(?i:\\b(?:name|type|value|index|key|attribute|syntax|indentation|zero ?division|recursion|"
                    + "import|module ?not ?found|file ?not ?found|unbound ?local|assertion|eof|tab|runtime|overflow)"
                    + "[ _-]?error\\b|\\btrace ?back\\b)");
    /** Fragments of Python's own error messages, as students quote or paraphrase them. */
    private static final Pattern ERROR_MESSAGE = Pattern.compile("(?i)is not defined|out of range"
            + "|referenced before assignment|unsupported operand|can only concatenate|must be str,? not"
            + "|object is not (?:iterable|subscriptable|callable)|has no attribute|invalid literal"
            + "|division by zero|divided by zero|recursion depth|no module named|no such file"
            + "|unexpected indent|expected an indented block|unindent does not match|invalid syntax|unexpected eof"
            + "|was never closed|unterminated string|missing \\d+ required|takes \\d+ positional"
            + "|values to unpack|unhashable type|not supported between instances|changed size during iteration"
            + "|indices must be integers|expected ':'"
            // an error the student's program gave, told without its name
            + "|\\berror (?:on|in|at) line \\d+|\\bline \\d+ (?:gives|throws|has|shows) an? (?:error|exception)"
            + "|\\b(?:throws|threw|raises|raised|gives|gave|shows|showed|got|get|getting|gets) (?:me )?(?:an?|some|this|"
            + "that|the|these) (?:\\w+ )?(?:error|exception)s?\\b|cannot be interpreted as|^\\W*error\\s*:\\s*\\S");
    /** Built-ins whose results a student may ask about as a feature ("why does round(2.5) give 2"). */
    private static final String BUILT_INS = "len|sum|max|min|sorted|reversed|int|str|float|round|abs|print|input|range|"
            + "list|dict|set|tuple|type|bool|divmod|pow|any|all|zip|enumerate|map|filter|ord|chr|id|hash|isinstance|"
            + "repr|format|open|next|iter";
    /** Whose "my" is not the student's program: "my teacher says", "my class learned". */
    private static final String PEOPLE_AND_SUCH = "(?:teacher|prof\\w*|instructor|lecturer|tutor|friends?|mom|mum|dad|"
            + "brother|sister|classmates?|boss|book|course|class|school|uni|question|understanding|head|brain)";
    /** Verbs that report what a program did, as students tell it ("it says 0", "i get 7", "comes out as 5"). */
    private static final String OUTCOME = "(?:says?|said|gives?|gave|giving|returns?|returned|returning|prints?|printed|"
            + "printing|shows?|showed|showing|outputs?|get|gets|got|getting|comes? out|came out|goes|went|ends? up|"
            + "keeps? (?:being|giving|printing|returning|saying))";
    /** What a program did instead of what was meant: "(but it) only prints the first row", "(but it) leaves some". */
    private static final String NOT_AS_MEANT = "(?:only\\s+|just\\s+|still\\s+|always\\s+|instead\\s+|now\\s+)?(?:"
            + OUTCOME + "|does ?n[o']?t|doesnt|won'?t|wont|is ?n[o']?t|isnt|did ?n[o']?t|didnt|never|skips?|repeats?|"
            + "changes?|leaves?|left|keeps?|kept|adds?|removes?|deletes?|counts?|misses|ignores?|stops?|crash\\w*)\\b";
    /** "f(3) returns 8 but should be 5", "gives [1,2,2] instead of [1,2]", "should print 4 but prints 3". */
    private static final Pattern EXPECTATION = Pattern.compile("(?i)\\b(?:returns?|returned|gives?|gave|prints?|"
            + "printed|outputs?|shows?|got|getting|comes out)\\b.{0,60}\\b(?:instead of|but (?:it )?"
            + "(?:should|must|expected|want|needs? to)|but i (?:expected|want(?:ed)?)|when (?:it )?should|rather than)"
            + "|\\b(?:should (?:be|return|print|give|output)|expected|expecting)\\b.{0,60}\\b(?:but|instead|however)"
            + "\\b.{0,40}\\b(?:get|got|getting|returns?|returned|gives?|gave|prints?|printed|shows?|is|it's)\\b"
            + "|\\b(?:double|twice|half|more than|less than|bigger than|smaller than|higher than|lower than) what (?:it|"
            + "they|the \\w+) (?:should|is supposed to) (?:be|give|print|return|output)"
            // what came out, then what should have: "gives me 5??? it should be 6"
            + "|\\b" + OUTCOME + "\\b.{0,60}\\b(?:should|(?:is|was) supposed to|(?:is|was) meant to) (?:be|return|print|"
            + "give|output|show|say|get)\\b"
            // what was meant, then what happens instead: "is supposed to reverse it but i get the same string back"
            + "|\\b(?:supposed to|meant to|should|want(?:ed)? (?:it|them|this|that|(?:the|my) \\w+) to|trying to|"
            + "expect(?:ed)? (?:it )?to)"
            + "\\b.{0,80}\\bbut\\s+(?:(?:it|i|this|that|they|the \\w+|my \\w+)\\s+)?" + NOT_AS_MEANT
            // "i want to remove them but it leaves some in": the program, not the student, after the "but"
            + "|\\b(?:want(?:ed)?|need(?:ed)?|tried|try(?:ing)?) to\\b.{0,80}\\bbut\\s+(?:it|this|that|they|the \\w+|my \\w+)"
            + "\\s+" + NOT_AS_MEANT
            // a value seen against the one wanted: "i get 7 not 12", "only goes to 9 not 10", "gives 3 when it's 4"
            + "|\\b" + OUTCOME + "\\s+(?:me\\s+|back\\s+|up\\s+to\\s+|to\\s+|as\\s+)?-?\\d[\\d.,]*\\s*,?\\s*(?:and\\s+)?(?:not|"
            + "instead of|rather than|when (?:it|the answer|the result) (?:is|should be)|but)\\s+(?:it'?s\\s+)?-?\\d"
            // what came out despite what the student did: "shows 0 even though i appended"
            + "|\\b" + OUTCOME + "\\b.{0,50}\\b(?:even (?:though|tho|when|if|after)|although)\\b");
    /** Symptoms of a program that runs but misbehaves. */
    private static final Pattern SYMPTOM = Pattern.compile("(?i)"
            + "\\b(?:returns?|returning|returned|prints?|printing|printed|gives?|gave|giving|get|got|getting|"
            + "shows?|outputs?|hands?|handing|spits?)\\s+(?:me\\s+|back\\s+|out\\s+)?(?:a\\s+|just\\s+|only\\s+)?none\\b"
            + "|\\bnever (?:stops|ends|finishes|terminates|exits|breaks|returns)|\\binfinite(?:ly)? loop|endless loop"
            + "|\\b(?:runs|goes|keeps going|keeps running|loops|spins) (?:on )?forever|(?:does ?n[o']?t|won'?t|"
            + "doesnt|wont|can'?t) (?:stop|end|terminate|exit)\\b|\\bhangs\\b|\\bfreezes\\b|stuck in (?:an? |the |my )?"
            + "(?:infinite )?loop"
            + "|\\bwrong (?:answer|output|result|value|number|average|total|sum|count|mean|max(?:imum)?|"
            + "min(?:imum)?|order)|\\b(?:answer|output|result|average|total|sum|count) (?:is|are|was|comes out) "
            + "(?:wrong|off|incorrect|always)|\\bincorrect (?:answer|output|result|value)"
            + "|\\balways (?:a )?(?:whole number|integer|int|zero|0|the same|true|false|prints|returns|gives|"
            + "rounds|empty)|\\b(?:prints?|shows?|returns?|gives?) (?:me )?the same (?:value|number|thing|result|"
            + "answer|line|word|output)|\\bsame (?:value|number|output|result) (?:every|each) time"
            + "|\\b(?:changes?|changed|changing|modified|updated?s?) (?:by itself|on its own|too|as well)|both "
            + "(?:lists?|variables|dicts?) (?:change|get changed|are changed)|changing one (?:\\w+ )?(?:also )?"
            + "changes the other"
            + "|\\b(?:skips?|skipping|misses?|missing) (?:every other|every second|half (?:of )?the|some (?:of the )?)\\s*"
            + "(?:items?|elements?|numbers?|values?|lines?|words?|letters?|ones?)"
            + "|\\b(?:skips?|misses?|missing|loses?|drops?) (?:the )?(?:first|last) (?:item|element|number|value|"
            + "line|one|character|letter)|\\b(?:last|first) (?:item|element|number|value|one) is (?:missing|"
            + "skipped|not (?:printed|counted|included))|\\bone (?:too many|too few|off)|\\boff[- ]by[- ]one"
            + "|^\\W*(?:but\\s+|so\\s+)?(?:why|how come)\\s+(?:does|did|is|do)\\s+(?:it|my \\w+|the (?:code|program|"
            + "output|result|loop|function))\\s+(?:\\w+\\s+)?" + OUTCOME + "\\b"
            + "|\\b(?:is|are|was|stays?|stayed|remains?|ends? up)\\s+still\\s+(?:0|zero|empty|none|blank|the same|false)\\b"
            + "|\\bstill (?:0|zero|empty|none|blank) (?:at the end|after|afterwards|when)"
            + "|\\b(?:stops?|ends?|exits?|finishes|quits|breaks?)(?:\\s+\\w+){0,5}?\\s+too (?:early|soon)\\b"
            + "|\\b(?:is|are|goes|runs|becomes|turns) (?:an? )?infinite\\b"
            // "why isn't my list sorting", "why doesn't my loop stop"
            + "|^\\W*why (?:is ?n[o']?t|isnt|is not|does ?n[o']?t|doesnt|does not|won'?t|wont|did ?n[o']?t|didnt|can'?t|cant)"
            + " (?:my|mine)\\b"
            // what the student's own call gave: "is_palindrome(\"racecar\") returns False??"
            + "|\\b(?!(?:" + BUILT_INS + ")\\()[a-z_]\\w*\\([^()]*\\)\\s+" + OUTCOME + "\\b"
            + "|\\b(?:keeps?|kept) \\w+ing\\b[^.?!]{0,40}\\b(?:forever|nonstop|endlessly|over and over)\\b"
            + "|\\b(?:works?|working|runs?) (?:fine |ok |okay |perfectly |great )?(?:except|unless|apart from) (?:when|for|"
            + "with|if|on)\\b"
            + "|\\bonly (?:ever )?(?:prints?|returns?|shows?|gives?|counts?|adds?|saves?|keeps?|outputs?|reads?|"
            + "checks?|goes|loops?|runs?)\\s+(?:up\\s+)?(?:to\\s+|for\\s+|through\\s+)?(?:the )?(?:first|last|one|once|a single)\\b"
            + "|\\b(?:does ?n[o']?t|doesnt|is ?n[o']?t|isnt|is not|not) (?:do|doing|add|adding|change|changing|print|"
            + "printing|return|returning|save|saving) anything\\b|\\b(?:does|did) nothing\\b"
            + "|\\b(?:prints?|outputs?|shows?|displays?) nothing|\\bno output|\\boutput is empty|\\bnothing "
            + "(?:happens|is printed|prints|shows up)"
            + "|\\b(?:if|condition|else|elif)(?: statement| branch| block)? (?:never|always) (?:runs|executes|"
            + "works|happens|true|false|triggers)|\\bloop (?:only )?runs (?:only )?once|\\bonly (?:runs|loops|"
            + "checks|returns) (?:the first|once)|\\bjoins? the numbers|\\bconcatenat\\w* instead of add"
            + "|\\b(?:won'?t|wont|doesn'?t|doesnt|does not|didn'?t|can'?t) (?:it|this|that) (?:work|run|compile|stop|"
            + "print|finish)\\b|\\b(?:it|this|that) (?:won'?t|wont|doesn'?t|doesnt|does not|didn'?t|isn'?t|is not) "
            + "(?:work|run|working|running|compile|stop|print)\\b"
            + "|\\b(?:my|the|this) (?:code|program|function|script|loop|method) (?:does ?n[o']?t|isn'?t|is not|"
            + "won'?t) (?:work|working|give|return|print|do what)");
    /**
     * Something of the student's own ("my counter", "the game i wrote", "program" opening the message) —
     * with {@link #MISBEHAVES} in the same message, a bug report told in prose, without a traceback.
     */
    private static final Pattern OWN_PART = Pattern.compile("(?i)\\bmine\\b|\\b(?:my|our)\\s+(?!" + PEOPLE_AND_SUCH
            + "\\b)\\w+"
            + "|\\b\\w+\\s+(?:that\\s+)?i\\s+(?:wrote|made|coded|built|programmed|did)\\b"
            + "|\\bi(?:'ve| have|ve|'m|m| am)?\\s+(?:made|wrote|written|coded|built|created|making|writing|building)"
            + "\\s+(?:a|an|this|the|some)\\s+\\w+"
            + "|^\\W*(?:(?:so|ok|okay|help|hey|hi)\\W+)*(?:the\\s+|this\\s+)?(?:\\w+\\s+)?(?:code|program|script|loop|"
            + "function|result|output|answer|total|sum|count|counter|average|game|app|calculator|variable|list|dict\\w*|"
            + "string|value|number|score)\\b");
    /**
     * What came out, with a word that sets it against what was meant: "gives everyone a B even the ones with 95",
     * "always prints yes". With something of the student's in the message it is a bug report.
     */
    private static final Pattern OUTCOME_AGAINST_INTENT = Pattern.compile("(?i)(?:\\b" + OUTCOME
            // or what the student's own thing does, in any verb: "my password checker accepts every password"
            + "|\\bmy\\s+(?:\\w+\\s+){0,2}?\\w{3,}(?:s|ed)(?<!\\b(?:is|was|has|does|needs|wants|uses|means))"
            + ")\\b.{0,50}\\b(?:even|every ?(?:one|body|thing|time)?|all of them|always|never|still|no matter|wrong|twice|"
            + "again|too|huge|tiny|massive|weird|strange|random|nonsense|garbage|gibberish)\\b"
            + "|\\b(?:always|only|never|still)\\s+(?:\\w+\\s+)?" + OUTCOME + "\\b");
    /** Doing it wrong or not at all: "doesn't show", "never stops", "only counts", "keeps asking". */
    private static final String FAILS = "(?:does ?n[o']?t|doesnt|does not|won'?t|wont|will not|did ?n[o']?t|didnt|"
            + "did not|can'?t|cant|cannot|never|always|only|just|still|keeps?)\\s+\\w+";
    /** The student's own thing ("my is_prime", "my hangman game") as the subject of what it does or fails to do. */
    private static final Pattern OWN_THING_BEHAVES = Pattern.compile("(?i)\\bmy\\s+(?!" + PEOPLE_AND_SUCH + "\\b)"
            + "(?:[\\w'-]+\\s+){0,3}?(?:" + FAILS + "|is\\s+(?:still\\s+|always\\s+|only\\s+)?(?!(?:working|running|going|"
            + "doing|trying|using|getting better|coming along)\\b)\\w+ing\\b|(?:says|gives|returns|prints|shows|outputs|"
            + "displays|counts|adds|skips|crashes|stops|ends|freezes|repeats|accepts|rejects|ignores|calculates|"
            + "thinks|treats|puts|makes|deletes|removes|changes|sets|reads|writes|finds|picks|misses|asks)\\b)");
    private static final Pattern OWN_THING_FAILS = Pattern.compile("(?i)\\bmy\\s+(?:[\\w'-]+\\s+){0,3}?" + FAILS
            + "|\\b(?:help|why|wrong|fix|idk|bug|broken)\\b");
    /** A value the student saw: a number, a quoted string, a list, a constant, "nothing", "empty". */
    private static final Pattern SOMETHING_SEEN = Pattern.compile("(?i)(?<![\\w.])-?\\d|(?<!\\w)([\"'])[^\"'\\n]{1,40}\\1"
            + "|\\[|\\b(?:true|false|"
            + "none|nothing|empty|zero|null|nan|inf)\\b");
    /** A failure with what sets it off: "the turtle doesnt move when i press the arrow keys". */
    private static final Pattern FAILS_WHEN = Pattern.compile("(?i)\\b(?:does ?n[o']?t|doesnt|does not|do ?n[o']?t|dont|"
            + "do not|are ?n[o']?t|arent|won'?t|wont|"
            + "is ?n[o']?t|isnt|never|stops|crash(?:es|ed)?|freezes)\\b[^.?!]{0,40}\\b(?:when(?:ever)?|if|after) (?:i|you|"
            + "the user|we|someone)\\b");
    /** Asking how to do something (not how to fix something): a request to learn, not a bug report. */
    static final Pattern HOW_TO = Pattern.compile("(?i)^\\W*(?:(?:so|ok|okay|hey|hi|um+|pls|please)\\W+)*(?:how (?:do|can|"
            + "could|would|should) (?:i|u|you|we|one)|how to|is there a way to|what(?:'s| is) the (?:best |easiest )?way to)"
            + "\\s+(?!(?:fix|debug|solve|repair|get rid of)\\b)");
    /** How students say that the program misbehaves, in their own words. */
    private static final Pattern MISBEHAVES = Pattern.compile("(?i)\\b(?:keeps?|kept)\\s+(?:on\\s+)?(?:failing|"
            + "crashing|breaking|printing|returning|giving|saying|looping|going|repeating|asking|adding|resetting)\\b"
            + "|\\b(?:stays?|stayed|stuck at|remains?)\\s+(?:at\\s+)?(?:0|zero|empty|the same|none|false|true)\\b"
            + "|\\bno matter what\\b|\\b(?:won'?t|wont|doesn'?t|doesnt|does not|didn'?t|did not|isn'?t|is not)\\s+"
            + "(?:work|working|run|stop|end|finish|add|count|print|change|update|return|reset|break|loop|sort|find|"
            + "match|save|compile)\\b|\\bnever (?:finishes|ends|stops|returns|prints|changes|updates|works|matches)\\b"
            + "|\\b(?:fails?|failing|crash(?:es|ed|ing)?|breaks|broke|broken|freezes|hangs)\\b|\\bstuck\\b"
            + "|\\b(?:says|gives|returns|prints|shows|comes out(?: as| with)?)\\s+(?:me\\s+)?(?:an?\\s+)?(?:-?\\d+|empty|"
            + "blank|nothing|true|false)\\b.{0,40}\\b(?:every|each|all|always|whatever|any|no matter)\\b"
            + "|\\b(?:gives|returns|prints|shows|comes out with)\\s+(?:me\\s+)?(?:an?\\s+)?(?:empty|blank)\\b"
            + "|\\b(?:always|never|only)\\s+(?:says|gives|returns|prints|shows|counts|adds|works|outputs)\\b"
            + "|\\b(?:opens?|starts?|runs?) (?:and|then) (?:closes?|stops?|crashes|exits?|quits?) (?:immediately|"
            + "straight away|right away|instantly)|\\bcloses? (?:immediately|straight away|right away|instantly)"
            // it runs, but something about what it does follows (not "it works but is it pythonic?")
            + "|\\b(?:runs|compiles|works)(?: fine| ok| okay)?,? but (?!(?:is|it'?s|its|i'?m|im|i (?:want|wonder|think|"
            + "feel)|i'?d|could|can|should|would|how|what|feels|looks|seems|my (?:friend|teacher|prof\\w*)|(?:is|are) "
            + "there)\\b)"
            // puzzled by it, did not want it, or it blew up
            + "|\\b(?:do ?n[o']?t|dont|do not|can'?t|cant|cannot) (?:see|understand|figure out|get|work out) why\\b"
            + "|\\b(?:did ?n[o']?t|didnt|did not|do ?n[o']?t|dont|do not) want (?:that|this|it)\\b"
            + "|\\b(?:blows? up|blew up|explodes?|dies|died|errors? out|bugs? out|messes? up|goes crazy)\\b"
            + "|\\b(?:also|too) (?:changes?|changed|gets? changed|modified)\\b|\\b(?:is|are|gets?|got) (?:also )?"
            + "(?:changed|modified) (?:too|as well)\\b"
            + "|\\binfinite\\b|\\bfor some (?:reason|weird reason)\\b|\\b(?:(?:is|are) (?:my|the) \\w+(?: \\w+)?|is|are|"
            + "stays?|ends? up|comes? out|turns? out) (?:empty|blank|"
            + "none|0(?![.,]?\\d)|zero)\\b"
            + "|\\bjust (?:closes|exits|stops|quits|ends|crashes|disappears)\\b|\\b(?:hands?|gives?|spits?) (?:me )?"
            + "(?:back|out)\\b|\\binstead of\\b|\\bnot (?:right|correct|what i (?:want|expect)\\w*)\\b|\\bweird\\b");
    /** About code shown with the message: it fails to do something, or the student asks where the fault is. */
    private static final Pattern FAULT_IN_SHOWN_CODE = Pattern.compile("(?i)\\b(?:it|this|that|they|the code|the "
            + "program)\\s+(?:does ?n[o']?t|doesnt|won'?t|wont|did ?n[o']?t|didnt|never|can'?t|cant|is ?n[o']?t|isnt)\\s+\\w+"
            + "|\\bwhy (?:is ?n[o']?t|isnt|is not|does ?n[o']?t|doesnt|does not|won'?t|wont|did ?n[o']?t|didnt|can'?t|cant) "
            + "(?:my|the|this|it|that)\\b"
            + "|\\bwhat(?:'s|s| is| am i doing| did i do| have i done| i did|) wrong\\b|\\bwhere(?:'s|s| is) the "
            + "(?:bug|mistake|error|problem)\\b|\\b(?:find|spot|fix) (?:the |my )?(?:bug|mistake|error|problem)s?\\b"
            + "|^\\W*(?:help|halp|pls help|please help|why|why\\?+|\\?+|huh|what|wtf)\\W*$");
    /**
     * Text from {@code input()} mixed up with numbers ("why does input give me a string", "my input() number won't
     * add"): the concept of converting input, not a program fault — as long as no program or traceback is shown.
     */
    private static final Pattern INPUT_AS_TEXT = Pattern.compile("(?i)(?=.*\\binput\\b)(?=.*\\b(?:strings?|str|text|"
            + "numbers?|num|int|integers?|floats?|digits?|add(?:s|ing)?|sum|math|concatenat\\w*|joins?|plus|(?:the|its|what|"
            + "which|data) type|type of)\\b)");
    /** A run that went wrong: with it, a question about input() is about a failure, not about how input works. */
    private static final Pattern FAILED_RUN = Pattern.compile("(?i)\\b(?:crash\\w*|errors?|exceptions?|traceback|"
            + "fails?|failing|failed|blows? up|blew up|breaks|broke|dies|died)\\b");
    private static final Pattern OWN_WORK = Pattern.compile("(?i)\\b(?:my|mine|this|these|i (?:wrote|made|did|"
            + "tried|ran|run|used))\\b");
    /** The student wants to learn a feature that involves errors, not to fix a failing program. */
    private static final Pattern ABOUT_ERRORS_AS_A_FEATURE = Pattern.compile("(?i)\\b(?:raise|raising|throw|throwing|catch|"
            + "catching|handle|handling|custom|own exception|define (?:an? )?(?:exception|error)|exception class"
            + "|try/except|try and except|difference between)\\b");
    /** "why does sort() return None": how a built-in behaves, not a fault in the student's program. */
    private static final Pattern BUILT_IN_RETURNS_NONE = Pattern.compile("(?i)\\b(?:sort|append|extend|reverse|insert|"
            + "remove|clear|update|shuffle|print)\\b\\s*(?:\\(\\))?\\s*(?:method\\s+|function\\s+)?(?:always\\s+)?"
            + "returns?\\s+none");
    private static final Pattern OWN_PROGRAM = Pattern.compile("(?i)\\b(?:my|mine|our|i|i'm|im|this|it)\\b");
    /** Asking for practice on errors is an exercise request. */
    private static final Pattern PRACTICE = Pattern.compile("(?i)\\b(?:quiz|exercises?|practi[cs]e|challenge|"
            + "homework|task)\\b");
    private static final Pattern WHAT_IS_AN_ERROR = Pattern.compile("(?i)^\\s*(?:what(?:'s|s| is| are)|explain|define)"
            + "\\s+(?:an?\\s+)?(?:python\\s+)?(?:(?:\\w+ ?)?(?:exceptions?|errors?)|tracebacks?)\\s*(?:in python\\s*)?\\??\\s*$");

    private DebugSignals() {
    }

    static Optional<Kind> of(String question) {
        return of(question, false);
    }

    /** With a program shown, a question about what input() gives is about that program: the usual signals apply. */
    static Optional<Kind> of(String question, boolean programShown) {
        if (question == null || question.isBlank()) {
            return Optional.empty();
        }
        if (asksForPracticeOn(question)) {
            return Optional.empty();
        }
        boolean feature = ABOUT_ERRORS_AS_A_FEATURE.matcher(question).find()
                || WHAT_IS_AN_ERROR.matcher(question).find();
        if (!feature && ERROR_NAME.matcher(question).find()) {
            return Optional.of(Kind.ERROR_NAMED);
        }
        if (!feature && ERROR_MESSAGE.matcher(question).find()) {
            return Optional.of(Kind.ERROR_MESSAGE);
        }
        if (!programShown && inputAsText(question)) {
            return Optional.empty();
        }
        if (EXPECTATION.matcher(question).find()) {
            return Optional.of(Kind.EXPECTATION);
        }
        boolean builtIn = BUILT_IN_RETURNS_NONE.matcher(question).find()
                && !OWN_PROGRAM.matcher(question.replaceAll("(?i)\\bwhy does\\b", "")).find();
        if (!builtIn && SYMPTOM.matcher(question).find()) {
            return Optional.of(Kind.SYMPTOM);
        }
        if (!HOW_TO.matcher(question).find() && OWN_THING_BEHAVES.matcher(question).find()
                && (SOMETHING_SEEN.matcher(question).find() || OWN_THING_FAILS.matcher(question).find())
                && !ReviewCues.asksForAnOpinion(question)) {
            // "my is_prime says 9 is prime", "my average function is giving 3 for [1,2,3,4] pls help", "my hangman
            // game doesnt show the letters": the student's own thing, what it does, and a value, a failure or a plea.
            return Optional.of(Kind.SYMPTOM);
        }
        if (HOW_TO.matcher(question).find()) {
            // "how do i make my program wait", "how to handle an error so my program doesn't crash": asks how to do
            // something; only a named error, an expectation or a symptom (above) makes it a bug report.
            return Optional.empty();
        }
        if (FAILS_WHEN.matcher(question).find()) {
            return Optional.of(Kind.SYMPTOM);
        }
        if (OWN_PART.matcher(question).find() && (MISBEHAVES.matcher(question).find()
                || OUTCOME_AGAINST_INTENT.matcher(question).find())) {
            return Optional.of(Kind.SYMPTOM);
        }
        return Optional.empty();
    }

    /**
     * With a program shown, the program is the student's own: the words that tell a bug in prose ({@link
     * #MISBEHAVES}, "it doesn't say hello", "what did i do wrong") need nothing else to be a bug report. Callers check
     * first that no opinion or explanation of the code is asked for ("it works but is it pythonic?").
     */
    static boolean misbehavesInShownProgram(String prose) {
        return prose != null && !asksForPracticeOn(prose)
                && (MISBEHAVES.matcher(prose).find() || FAULT_IN_SHOWN_CODE.matcher(prose).find());
    }

    /**
     * "give me an exercise on IndexError": practice asked for. A practice word alone is not enough ("the task is to
     * find the second largest ... it returns 5 and not 3" tells a bug in the student's task).
     */
    private static boolean asksForPracticeOn(String message) {
        return PRACTICE.matcher(message).find() && ExerciseAndProgressCues.asksForPracticeInSoManyWords(message);
    }

    /** The student points at something of their own ("my", "this", "the code i wrote") or says it misbehaves. */
    static boolean mentionsOwnWork(String question) {
        return question != null && (OWN_WORK.matcher(question).find() || OWN_PART.matcher(question).find()
                || MISBEHAVES.matcher(question).find());
    }

    /**
     * A question about what {@code input()} gives (text, not a number) that names no failed run; callers check that
     * no program is shown.
     */
    static boolean inputAsText(String question) {
        return question != null && INPUT_AS_TEXT.matcher(question).find() && !FAILED_RUN.matcher(question).find();
    }
}
