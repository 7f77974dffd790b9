package dev.learnflow.triage.service;

import java.util.regex.Pattern;

/**
 * A message that shows code and asks what the tutor thinks of it — "is this ok?", "any tips?", "could this be
 * shorter?", "is there a more pythonic way", "how'd i do?" — wants a review. The sentence model reads the few words
 * around the code and often hears a concept question in them (the code's own names pull it there), or is unsure; with
 * code attached, asking for an opinion is evidence enough. Only used when there is code: without it, a review
 * request gets what a review checks and a request for the code.
 */
final class ReviewCues {

    private static final Pattern ASKS_FOR_AN_OPINION = Pattern.compile("(?i)"
            // the words of a review
            + "\\b(?:review|reviews|feedback|critique|critici[sz]e|rate|grade|score this|judge|opinions?|thoughts|"
            + "tips|advice|suggestions?|comments on|improve|improvements?|refactor\\w*|clean(?:er| up| this)|"
            + "tidier|neater|messy|readab\\w*|naming|style|pythonic|idiomatic|best practices?|good practice|"
            + "bad practice|efficient|simplif\\w*|shorter|shorten|simpler|more concise|better way|nicer way)\\b"
            // "is this ok?", "does this look right", "how'd i do"
            + "|\\b(?:is|does|would|was)\\s+(?:this|that|it|my (?:\\w+ ){0,2}?(?:code|solution|function|answer|"
            + "program|class|loop|version))\\s+(?:look\\s+|seem\\s+)?(?:\\w+\\s+)?(?:ok|okay|good|fine|alright|right|"
            + "correct|decent|bad|wrong|acceptable|legit|efficient|clean|readable|pythonic)\\b"
            + "|\\b(?:looks?|seems?)\\s+(?:ok|okay|good|fine|alright|right)\\b|\\bhow(?:'d| did| would| do)\\s+i\\s+do\\b"
            + "|\\bwhat (?:do|would) (?:you|u|ya) (?:think|say|change)\\b|\\bwhat would (?:you|u) (?:change|do "
            + "differently)\\b|\\b(?:this|it|my \\w+|the \\w+) (?:could|can|should|would) be (?:written|done|made|"
            + "rewritten) (?:with|using|in|as)\\b"
            + "|\\b(?:could|can|should) (?:this|it|i) be (?:written|done|made) (?:better|shorter|"
            + "differently|simpler)\\b|\\b(?:could|can) (?:this|it) be (?:shorter|better|simpler|cleaner|improved)\\b"
            + "|\\b(?:check|look over|go over|look at) (?:my|this)\\b|\\bout of 10\\b|\\b\\d+\\s*/\\s*10\\b|\\b1-10\\b"
            + "|^\\W*(?:ok|okay|good|fine|right|correct|decent)\\s*\\?+\\W*$"
            // how it is written rather than whether it runs: conventions, a better way, how someone else would do it
            + "|\\bpep ?8\\b|\\bconventions?\\b|\\b(?:the )?(?:best|right|proper|correct|normal|usual) way\\b"
            + "|\\b(?:a |any )?(?:better|faster|nicer|cleaner|shorter|simpler|quicker|smarter|more \\w+) (?:way|approach|"
            + "version|solution)\\b|\\bhow would (?:a pro|an expert|you|u|a (?:real|good|senior) \\w+) (?:write|do|code)\\b"
            + "|\\b(?:compact|elegant|ugly|nicer|prettier|professional|well[- ]structured|structured?)\\b"
            + "|\\b(?:anything|something) wrong with (?:doing|writing) it\\b|\\bthis way\\b.{0,20}\\?"
            + "|\\bin (?:one|a single) line\\b|\\bbe honest\\b|\\bpointers\\b"
            + "|\\bbe (?:better|cleaner|faster|nicer|simpler|shorter|clearer|more \\w+)\\b|\\bbetter here\\b"
            // a choice about the shown code: "should i use a for loop or a comprehension here?"
            + "|\\bshould i (?:use|do|write|go with|change|keep|have used)\\b"
            // "is my use of try/except here ok?"
            + "|\\b(?:is|are|was)\\s+my\\s+[^?.!]{1,40}?\\s+(?:ok|okay|good|fine|alright|correct|right|bad|acceptable|decent|"
            + "reasonable|wrong)\\b");

    /** "explain this line", "what does this print", "how does this work": the code is to be explained. */
    private static final Pattern ASKS_WHAT_IT_DOES = Pattern.compile("(?i)\\b(?:explain|walk me through|break (?:it|"
            + "this) down|what(?:'s| is) (?:happening|going on)|what (?:does|do|will|would) (?:this|these|that|it|the "
            + "(?:code|line|lines)|(?:this|that) (?:code|line|lines|part|bit)) (?:do|does|mean|print|output|return|give)"
            + "|how (?:does|do) (?:this|these|that|it) (?:even )?(?:work|run)|what(?:'s| is) the (?:output|result)|what is this"
            // puzzled that it works at all: "why does this even work?", "how come this is allowed"
            + "|(?:why|how) (?:does|do|is|are) (?:this|these|that|it) (?:even )?(?:work|valid|allowed|legal|possible)"
            + "|how come (?:this|that|it) (?:works|is (?:valid|allowed|legal|possible)))\\b");

    private ReviewCues() {
    }

    /** Whether the words around some code ask what it does (an explanation, with a trace of it). */
    static boolean asksWhatItDoes(String prose) {
        return prose != null && ASKS_WHAT_IT_DOES.matcher(prose).find();
    }

    /** Whether the words around some code ask for an opinion on it. */
    static boolean asksForAnOpinion(String prose) {
        return prose != null && ASKS_FOR_AN_OPINION.matcher(prose).find();
    }
}
