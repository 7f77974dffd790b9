package dev.learnflow.codeexecution.domain;

/**
 * How one program inside the sandbox ended, as the supervisor reported it. Output is raw bytes, already capped.
 *
 * @param exitCode        null when the program ended by a signal or never ran
 * @param signal          terminating signal, 0 if none
 * @param stdoutSeen      bytes the program wrote to stdout, including those beyond the cap
 * @param timedOut        the supervisor killed it at the wall-clock limit
 * @param outputLimited   the supervisor killed it for writing more than the cap
 * @param memoryLimited   the supervisor killed it: all its processes together used more than the memory limit
 * @param valueLiteral    call cases: canonical Python literal of the returned value, "" if it is not one
 * @param valueDisplay    call cases: repr() of the returned value, shortened
 * @param skipped         test runs: not run because the time budget was used up
 * @param reported        false when the supervisor never reported on this program (killed, crashed)
 */
public record ProgramResult(byte[] stdout, byte[] stderr, long stdoutSeen, long stderrSeen, Integer exitCode,
                            int signal, long wallMicros, long cpuMicros, boolean timedOut, boolean outputLimited,
                            boolean memoryLimited, long maxRssKb, String valueLiteral, String valueDisplay, boolean valueTruncated,
                            boolean skipped, boolean reported) {

    public boolean stdoutTruncated() {
        return stdoutSeen > stdout.length;
    }

    public boolean stderrTruncated() {
        return stderrSeen > stderr.length;
    }
}
