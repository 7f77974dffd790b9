package dev.learnflow.concepts.service;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Questions from neighbouring domains that share words with Python ("center a div", "vlookup", "LEFT JOIN",
 * "console.log", "merge conflict"): the nearest Python section or lesson is about something else (str.center,
 * dictionaries), so the honest answer is to say which domain the question is from and where to ask. A question
 * that also says it is about Python ("read an excel file in python", "sqlite3") is not declined here.
 */
public final class OtherDomains {

    /**
     * @param name    what the student is told the question is about; {@code pointer} where to look instead
     * @param strong  words that alone say the domain ("div", "vlookup")
     * @param weak    words that say it only in pairs ("margin" and "padding": padding is also string formatting)
     */
    public record Domain(String name, String pointer, Pattern strong, Pattern weak) {

        boolean matches(String lowerQuestion) {
            if (strong.matcher(lowerQuestion).find()) {
                return true;
            }
            return weak != null && weak.matcher(lowerQuestion).results().map(r -> r.group()).distinct().count() >= 2;
        }
    }

    private static final List<Domain> DOMAINS = List.of(
            new Domain("other-language", null, Pattern.compile("\\b(rust|java|javascript|typescript|js|"
                    + "cpp|csharp|golang|go lang|ruby|php|kotlin|swift|haskell|scala|perl|matlab|julia|"
                    + "fortran|cobol|lua|dart|elixir|erlang|clojure|r language|visual basic|vba|bash|powershell|"
                    + "console\\.log|npm|node\\.?js|jquery|react|public static void|system\\.out\\.println|"
                    // words only other languages have: Go's goroutines, C's malloc, C++'s cout, JavaScript's let vs var ("let, var and const")
                    + "goroutines?|go ?routines?|malloc|calloc|cout|cin|std::\\w+|borrow checker|(let|var|const),?( (vs\\.?|versus|and|or))? (let|var|const))\\b"
                    // "c++" and "c#" end in a non-word character: no word boundary after them
                    + "|\\bc(\\+\\+|#)(?!\\w)"
                    // "a linked list in c": C named as the language the code is in
                    + "|\\b(in|using|into) (plain |ansi )?c\\b(?![+#=\\w(.\\[])"), null),
            new Domain("HTML and CSS (web pages)", "a web reference such as MDN Web Docs",
                    Pattern.compile("\\b(html|css|div|divs|flexbox|flex-box|stylesheet|navbar|"
                            + "iframe|href|justify-content|align-items|z-index|media quer(y|ies)|font colou?r|"
                            + "background colou?r|web ?page|tailwind)\\b"),
                    Pattern.compile("\\b(margin|padding|border|font|colou?r|pixels?|px|paragraph)\\b")),
            new Domain("SQL and databases", "your database's SQL documentation",
                    Pattern.compile("\\b(sql|mysql|postgres(ql)?|(left|right|inner|outer|full) join|primary key|"
                            + "foreign key|group by|where clause|select \\* from)\\b"),
                    Pattern.compile("\\b(select|tables?|quer(y|ies)|databases?|records)\\b")),
            new Domain("spreadsheets (Excel, Google Sheets)", "the spreadsheet's own help pages",
                    Pattern.compile("\\b(excel|spreadsheets?|google sheets|[vhx]lookup|pivot ?tables?|"
                            + "merge (two )?cells|cell formula|countif|sumif)\\b"),
                    Pattern.compile("\\b(cells?|sheets?|formulas?|workbook)\\b")),
            new Domain("git and version control", "the Git book (git-scm.com/book)",
                    // GitHub as where the code was seen ("saw it in someone's code on github") says nothing of git
                    Pattern.compile("\\b(git|merge conflicts?|pull request|rebase)\\b"
                            + "|(?<!\\b(?:on|from|in|at|off) )\\b(github|gitlab)\\b"), null),
            new Domain("office apps (Word, Google Docs, PowerPoint)", "the app's own help pages",
                    Pattern.compile("\\b(microsoft word|ms word|ms office|microsoft office|google docs|google slides|"
                            + "powerpoint|power point|libreoffice|openoffice|word processors?)\\b"), null),
            // calculus by hand: the nearest sections (math.sin) compute values, they do not differentiate ("numbers.Integral"
            // is Python's)
            new Domain("mathematics (calculus and algebra by hand)", "a maths resource such as Khan Academy",
                    Pattern.compile("(?<![\\w.])(derivatives?|differentiat(e|ion)|antiderivatives?|integrals?|calculus|"
                            + "solve for [a-z]|limit as [a-z] (approaches|goes to|tends to))\\b"), null));

    /**
     * Third-party libraries: the tutor knows Python and its standard library, not numpy's or Django's API, and the
     * nearest lesson or section ("array" → Lists, pandas groupby → itertools.groupby) is about something else. Not
     * when the question also names Python ("... with pandas in python" asks for a Python way), is about installing
     * or importing one, or about Python syntax seen in its code (a decorator line): those are ours.
     */
    private static final Domain LIBRARIES = new Domain("the library it names (numpy, pandas, Django and the like are "
            + "add-ons to Python that I don't cover)", "that library's own documentation",
            Pattern.compile("\\b(numpy|np\\.\\w+|pandas|dataframes?|matplotlib|pyplot|seaborn|scipy|sklearn|scikit-learn|"
                    + "tensorflow|keras|pytorch|torch|django|flask|fastapi|selenium|opencv|cv2|beautifulsoup|bs4|"
                    + "plotly|streamlit)\\b"), null);
    private static final Pattern ABOUT_PYTHON_ITSELF = Pattern.compile("\\b(pip|install\\w*|import\\w*|venv|"
            + "virtual ?env\\w*|requirements|module ?not ?found\\w*|modulenotfounderror|decorators?)\\b|@");

    /**
     * "a one-line if like ? : in java", "coming from javascript, what is ...": the other language is only the
     * comparison, and the question asks for Python's way.
     */
    private static final Pattern COMPARED_WITH = Pattern.compile("\\b(like|unlike|similar to|equivalent( of| to)?|"
            + "instead of|coming from|compared (to|with)|than|the same as|as in|used to)\\b");
    /**
     * "Java's static methods — is there an equivalent", "JS JSON.parse equivalent", "Java generics like List<T>, can I
     * type hint that": anywhere in the question, words asking for Python's counterpart of what the other language has.
     */
    private static final Pattern ASKS_FOR_COUNTERPART = Pattern.compile("\\b(equivalents?|counterparts?|analog(ue)?s?|"
            + "python'?s? (version|way|answer)|(is there|do we have|does it have|can i (do|write|use|get|type hint|hint|make)) "
            + "(an? |the )?(equivalent|same|similar|that|this|it|something like)|what do i (override|use|write) instead)\\b");
    /** How many words may stand between a comparing word and the language it compares with. */
    private static final int COMPARISON_REACH = 4;

    /** The question says it is about Python ... */
    private static final Pattern NAMES_PYTHON = Pattern.compile("\\b(python|py|pip|pythonic)\\b");
    /** ... unless it says it is not ("not python sorry, its for calc hw"). */
    private static final Pattern NOT_PYTHON = Pattern.compile(
            "\\b(not|isn'?t|nothing to do with|no) (about |a |really |for |related to |even )?python\\b");
    /** ... or it uses a Python library or code (a spreadsheet question asked with pandas is ours). */
    private static final Pattern PYTHON = Pattern.compile("\\b(python|py|pip|pythonic|pandas|openpyxl|sqlite3|"
            + "csv module|import|def|flask|django|beautifulsoup|bs4|jinja|tkinter|turtle|pygame)\\b|\\.py\\b"
            // reading a CSV file and computing with it is a program's work ("read a spreadsheet saved as csv and add
            // up a column"), saving one from a spreadsheet is not
            + "|\\b(read|load|open|pars)\\w*\\b.{0,40}\\bcsv\\b|\\bcsv\\b.{0,25}\\b(read|load|open|pars)\\w*\\b"
            + "|(?<![\\w.])[a-z_][a-z0-9_]*\\(\\)");

    private OtherDomains() {
    }

    /** The other domain the (lower-case) question is about, unless it also names Python. */
    public static Optional<Domain> of(String lowerAsked) {
        String lowerQuestion = NOT_PYTHON.matcher(lowerAsked).replaceAll(" ");
        if (NAMES_PYTHON.matcher(lowerQuestion).find()) {
            return Optional.empty();
        }
        if (LIBRARIES.matches(lowerQuestion) && !ABOUT_PYTHON_ITSELF.matcher(lowerQuestion).find()) {
            return Optional.of(LIBRARIES);
        }
        boolean pythonCode = PYTHON.matcher(lowerQuestion).find();
        // "import" in a Java question is Java's: only other languages ignore the Python-looking words
        return DOMAINS.stream().filter(d -> d.matches(lowerQuestion))
                .filter(d -> d.pointer() == null ? !comparesWith(d, lowerQuestion) : !pythonCode).findFirst();
    }

    /**
     * Whether the other language is named as what Python is compared with: a comparing word a few words before it
     * ("like ? : in java", "coming from javascript"; "in java i used to" either way round), not anywhere in the
     * question ("rust says cannot borrow ... more than once" asks about Rust); or words asking for Python's
     * counterpart anywhere ("Java's static methods, is there an equivalent").
     */
    private static boolean comparesWith(Domain language, String lowerQuestion) {
        if (ASKS_FOR_COUNTERPART.matcher(lowerQuestion).find()) {
            return true;
        }
        List<int[]> mentions = language.strong().matcher(lowerQuestion).results()
                .map(r -> new int[] {r.start(), r.end()}).toList();
        return COMPARED_WITH.matcher(lowerQuestion).results().anyMatch(cue -> mentions.stream().anyMatch(m -> {
            boolean eitherWay = cue.group().equals("used to");
            String between = cue.end() <= m[0] ? lowerQuestion.substring(cue.end(), m[0])
                    : eitherWay && m[1] <= cue.start() ? lowerQuestion.substring(m[1], cue.start()) : null;
            return between != null && between.strip().split("\\s+").length <= COMPARISON_REACH;
        }));
    }
}
