package dev.learnflow.codeexecution;

import dev.learnflow.codeexecution.client.BubblewrapSandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile programs against the REAL sandbox (bubblewrap, no test doubles): each must be contained and reported
 * with the right status, and afterwards the service still answers and no process is left behind.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackSuiteTest {

    @Inject
    BubblewrapSandbox sandbox;

    /** Set in the test JVM's environment by the pom (surefire): the service's own secret. */
    private static final String SECRET_VARIABLE = "LEARNFLOW_TEST_SECRET";

    private static JsonPath run(String code) {
        return run(code, null, null);
    }

    private static JsonPath run(String code, String stdin, Integer timeoutMs) {
        return Runs.run(code, stdin, timeoutMs).then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void theAttacksRunInPreStartedSandboxes() {
        // pool.prewarm is on (the default): each run takes a sandbox that was started ahead and waited, unused,
        // for its job, so every attack below is tried against such a pooled sandbox; it is used once, then ends.
        Set<Long> idle = await("pre-started sandboxes").atMost(Duration.ofSeconds(60))
                .until(sandbox::idleSandboxPids, pids -> !pids.isEmpty());
        assertThat(run("print('pooled')").getString("stdout")).isEqualTo("pooled\n");
        await("the used sandbox has ended").atMost(Duration.ofSeconds(10)).until(() -> idle.stream()
                .anyMatch(pid -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)));
    }

    @Test
    void infiniteLoopTimesOut() {
        long start = System.nanoTime();
        JsonPath r = run("while True:\n    pass\n", null, 1000);
        assertThat(r.getString("status")).isEqualTo("timeout");
        assertThat(r.getLong("wallTimeMs")).isBetween(900L, 2_000L);
        assertThat((Object) r.get("exitCode")).isNull();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(6_000);
    }

    @Test
    void forkBombIsContained() throws Exception {
        long start = System.nanoTime();
        JsonPath r = run("""
                import os
                while True:
                    try:
                        os.fork()
                    except OSError:
                        pass
                """, null, 2000);
        assertThat(r.getString("status")).isIn("timeout", "killed", "runtime_error");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
        assertThat(Runs.strayProcessesAfterSettling(sandbox::idleSandboxPids)).isEmpty();
        assertThat(run("print('still here')").getString("stdout")).isEqualTo("still here\n");
    }

    @Test
    void forkBombWithoutCatchingHitsTheProcessLimit() {
        JsonPath r = run("""
                import os
                children = 0
                while True:
                    os.fork()
                    children += 1
                """, null, 2000);
        // Either the process limit raised BlockingIOError in the main program or the wall clock ended it.
        assertThat(r.getString("status")).isIn("runtime_error", "timeout", "killed");
        if (r.getString("status").equals("runtime_error")) {
            assertThat(r.getString("stderr")).contains("BlockingIOError");
        }
    }

    @Test
    void memoryBombHitsTheMemoryLimit() {
        JsonPath r = run("""
                blocks = []
                while True:
                    blocks.append(bytearray(50 * 1024 * 1024))
                """);
        assertThat(r.getString("status")).isEqualTo("memory_limit");
        assertThat(r.getString("exception.type")).isEqualTo("MemoryError");
    }

    @Test
    void memorySpreadOverManyProcessesHitsTheMemoryLimit() {
        // Each process stays under its own address-space limit; together they exceed the program's memory
        // limit (32 MiB here, through the test runner, so the test is quick even on a busy machine).
        String code = """
                import os, time
                def hog():
                    for i in range(12):
                        if os.fork() == 0:
                            block = bytearray(24 * 1024 * 1024)
                            time.sleep(30)
                            os._exit(0)
                    time.sleep(30)
                """;
        long start = System.nanoTime();
        JsonPath r = Runs.tests(java.util.Map.of("code", code, "memoryLimitMb", 32, "timeLimitMs", 5000,
                        "tests", java.util.List.of(java.util.Map.of("name", "hog", "call", "hog()", "expected", "None",
                                "visibility", "shown"))))
                .then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("results[0].status")).isEqualTo("memory_limit");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000);
    }

    @Test
    void memoryOutsideTheAddressSpaceIsNotAvailable() {
        JsonPath r = run("""
                import ctypes, os
                libc = ctypes.CDLL(None, use_errno=True)
                print('shmget', libc.shmget(0, 100 * 1024 * 1024, 0o1000 | 0o600), ctypes.get_errno())
                try:
                    os.memfd_create('x')
                    print('MEMFD')
                except OSError as e:
                    print('memfd', e.errno)
                """);
        assertThat(r.getString("stdout")).isEqualTo("shmget -1 1\nmemfd 1\n");
    }

    @Test
    void zipBombLikeStringExpansionHitsTheMemoryLimit() {
        JsonPath r = run("s = 'a' * 10**10\nprint(len(s))\n");
        assertThat(r.getString("status")).isEqualTo("memory_limit");
        assertThat(r.getInt("exception.line")).isEqualTo(1);
    }

    @Test
    void hugeOutputIsCutAndReported() {
        JsonPath r = run("while True:\n    print('x' * 1000)\n");
        assertThat(r.getString("status")).isEqualTo("output_limit");
        assertThat(r.getBoolean("truncated")).isTrue();
        assertThat(r.getString("stdout").length()).isEqualTo(65_536);
    }

    @Test
    void hugeStderrIsCutToo() {
        JsonPath r = run("import sys\nwhile True:\n    sys.stderr.write('e' * 4096)\n");
        assertThat(r.getString("status")).isEqualTo("output_limit");
        assertThat(r.getString("stderr").length()).isEqualTo(65_536);
    }

    @Test
    void hugeFileHitsTheFileSizeLimit() {
        JsonPath r = run("""
                with open('big.bin', 'wb') as f:
                    while True:
                        f.write(b'x' * 1024 * 1024)
                """);
        assertThat(r.getString("status")).isEqualTo("output_limit");
        assertThat(r.getString("exception.type")).isEqualTo("OSError");
        assertThat(r.getString("exception.message")).contains("File too large");
    }

    @Test
    void fallocateCannotFillTheDisk() {
        // Each file stays under the file-size limit; together they exceed the private /tmp (16 MiB).
        for (String dir : List.of("/tmp", "/dev/shm")) {
            JsonPath r = run("""
                    import os
                    for i in range(100):
                        fd = os.open('%s/fill%%d' %% i, os.O_CREAT | os.O_WRONLY)
                        os.posix_fallocate(fd, 0, 4 * 1024 * 1024)
                        os.close(fd)
                    """.formatted(dir));
            assertThat(r.getString("status")).as(dir).isEqualTo("output_limit");
            if (dir.equals("/tmp")) {
                assertThat(r.getString("exception.message")).contains("No space left on device");
            }
        }
        JsonPath dev = run("open('/dev/fill', 'w').write('x')\n");
        assertThat(dev.getString("exception.message")).contains("Read-only file system");
    }

    @Test
    void secretsOfTheHostAreNotVisible() {
        String secret = System.getenv(SECRET_VARIABLE);
        assertThat(secret).as("the pom sets a canary secret in the service's environment").isNotBlank();
        JsonPath shadow = run("print(open('/etc/shadow').read())\n");
        assertThat(shadow.getString("status")).isEqualTo("runtime_error");
        assertThat(shadow.getString("exception.type")).isEqualTo("FileNotFoundError");
        JsonPath env = run("""
                import os, glob
                print(sorted(os.environ.items()))
                for path in glob.glob('/proc/*/environ'):
                    try:
                        print(path, open(path, 'rb').read())
                    except OSError as e:
                        print(path, e)
                """);
        assertThat(env.getString("status")).isEqualTo("ok");
        assertThat(env.getString("stdout")).doesNotContain(secret).doesNotContain(SECRET_VARIABLE)
                .contains("('HOME', '/tmp')");
        JsonPath files = run("""
                import os
                print(sorted(os.listdir('/')))
                for p in ['/etc', '/root', '/home', '/work', '/var', '/run', '/opt', '/srv', '/usr/bin/sh', '/bin/sh']:
                    print(p, os.path.exists(p))
                """);
        assertThat(files.getString("stdout"))
                .startsWith("['dev', 'lib', 'lib64', 'proc', 'tmp', 'usr']")
                .doesNotContain("True");
    }

    @Test
    void serviceFilesInTheHostTmpAreNotVisible() throws IOException {
        Path hostFile = Files.createTempFile("learnflow-host-secret", ".txt");
        try {
            Files.writeString(hostFile, "host-only");
            JsonPath r = run("import os\nprint(os.listdir('/tmp'))\nprint(open('" + hostFile + "').read())\n");
            assertThat(r.getString("status")).isEqualTo("runtime_error");
            assertThat(r.getString("exception.type")).isEqualTo("FileNotFoundError");
            assertThat(r.getString("stdout")).startsWith("['main.py']");
        } finally {
            Files.deleteIfExists(hostFile);
        }
    }

    @Test
    void noNetworkToTheHostOrOutside() throws IOException {
        try (ServerSocket hostListener = new ServerSocket(0)) {
            int port = hostListener.getLocalPort();
            JsonPath r = run("""
                    import socket
                    for host, port in [('127.0.0.1', 5432), ('127.0.0.1', %d), ('1.1.1.1', 53), ('10.0.0.1', 80)]:
                        try:
                            socket.create_connection((host, port), timeout=2)
                            print(host, port, 'CONNECTED')
                        except OSError as e:
                            print(host, port, type(e).__name__, e.errno)
                    try:
                        socket.getaddrinfo('example.com', 80)
                        print('dns RESOLVED')
                    except OSError as e:
                        print('dns', type(e).__name__)
                    print(sorted(l.split(':')[0].strip() for l in open('/proc/net/dev').read().splitlines()[2:]))
                    """.formatted(port));
            assertThat(r.getString("status")).isEqualTo("ok");
            String out = r.getString("stdout");
            assertThat(out).doesNotContain("CONNECTED").doesNotContain("RESOLVED")
                    .contains("127.0.0.1 5432 ConnectionRefusedError")
                    .contains("127.0.0.1 " + port + " ConnectionRefusedError")
                    .contains("1.1.1.1 53 OSError 101") // ENETUNREACH
                    .contains("['lo']");
        }
    }

    @Test
    void shellsAreNotThere() {
        JsonPath r = run("""
                import os, subprocess, sys
                print('system', os.system('echo escaped'))
                for cmd in (['/bin/sh', '-c', 'id'], ['sh'], ['bash'], ['/usr/bin/env', 'id']):
                    try:
                        subprocess.run(cmd)
                        print('RAN', cmd)
                    except OSError as e:
                        print('no', cmd[0], type(e).__name__)
                # Python itself may run, inside the same sandbox, as the same nobody:
                print(subprocess.run([sys.executable, '-c', 'import os; print(os.getuid())'],
                                     capture_output=True, text=True).stdout.strip())
                """);
        assertThat(r.getString("status")).isEqualTo("ok");
        assertThat(r.getString("stdout")).doesNotContain("escaped").doesNotContain("RAN")
                .contains("system 32512") // 127 << 8: no /bin/sh
                .contains("no /bin/sh FileNotFoundError")
                .endsWith("65534\n");
    }

    @Test
    void signallingTheSupervisorOrTheHostHasNoEffect() {
        long jvm = ProcessHandle.current().pid();
        JsonPath parent = run("""
                import os, signal
                for sig in (signal.SIGKILL, signal.SIGSTOP, signal.SIGTERM, signal.SIGINT):
                    try:
                        os.kill(os.getppid(), sig)
                        print('sent', sig.name)
                    except OSError as e:
                        print('refused', sig.name, type(e).__name__)
                print('still running under', os.getppid())
                """);
        // The supervisor is the pid namespace's init and handles no signal: nothing from inside reaches it.
        assertThat(parent.getString("status")).isEqualTo("ok");
        assertThat(parent.getString("stdout")).contains("still running under 1");
        JsonPath everything = run("""
                import os, ctypes
                libc = ctypes.CDLL(None, use_errno=True)
                print('kill jvm', libc.kill(%d, 9), ctypes.get_errno())
                os.kill(-1, 9)
                """.formatted(jvm));
        // kill(-1) reaches nothing: not the supervisor (init), not the host (other pid namespace).
        assertThat(everything.getString("status")).isEqualTo("runtime_error");
        assertThat(everything.getString("exception.type")).isEqualTo("ProcessLookupError");
        assertThat(everything.getString("stdout")).isEqualTo("kill jvm -1 3\n"); // ESRCH: not visible
        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(run("print(1 + 1)").getString("stdout")).isEqualTo("2\n");
    }

    @Test
    void cannotSignalOrSeeHostProcesses() {
        long jvm = ProcessHandle.current().pid();
        JsonPath r = run("""
                import os
                pids = sorted(int(p) for p in os.listdir('/proc') if p.isdigit())
                print('pids', pids)
                try:
                    os.kill(%d, 0)
                    print('JVM VISIBLE')
                except ProcessLookupError:
                    print('jvm invisible')
                """.formatted(jvm));
        assertThat(r.getString("stdout")).contains("jvm invisible").doesNotContain("VISIBLE");
        assertThat(r.getString("stdout")).contains("pids [1, 2]"); // the supervisor (init) and the program
    }

    @Test
    void deepRecursionIsARecursionError() {
        JsonPath r = run("def down(n):\n    return down(n + 1)\n\ndown(0)\n");
        assertThat(r.getString("status")).isEqualTo("runtime_error");
        assertThat(r.getString("exception.type")).isEqualTo("RecursionError");
        assertThat(r.getInt("exception.line")).isEqualTo(2);
    }

    @Test
    void sleepingPastTheTimeoutKeepsTheOutputSoFar() {
        JsonPath r = run("import time\nprint('partial result')\ntime.sleep(30)\nprint('never')\n", null, 1000);
        assertThat(r.getString("status")).isEqualTo("timeout");
        assertThat(r.getString("stdout")).isEqualTo("partial result\n");
    }

    @Test
    void limitsCannotBeRaised() {
        JsonPath r = run("""
                import resource
                for name in ('RLIMIT_NPROC', 'RLIMIT_AS', 'RLIMIT_CPU', 'RLIMIT_FSIZE', 'RLIMIT_NOFILE'):
                    which = getattr(resource, name)
                    soft, hard = resource.getrlimit(which)
                    try:
                        resource.setrlimit(which, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
                        print(name, 'RAISED')
                    except (ValueError, OSError) as e:
                        print(name, 'kept', hard)
                """);
        assertThat(r.getString("stdout")).doesNotContain("RAISED").contains("RLIMIT_NPROC kept 32");
    }

    @Test
    void filesLeftInTmpOrShmAreGoneForTheNextRun() {
        run("open('/tmp/left-behind', 'w').write('x')\nopen('/dev/shm/left-behind', 'w').write('x')\n");
        JsonPath r = run("import os\nprint(sorted(os.listdir('/tmp')), sorted(os.listdir('/dev/shm')))\n");
        assertThat(r.getString("stdout")).isEqualTo("['main.py'] []\n");
    }

    @Test
    void plantedSymlinksAreNeverFollowedByTheHost() throws Exception {
        Path passwd = Path.of("/etc/passwd");
        String before = sha256(passwd);
        JsonPath r = run("""
                import os
                os.remove('main.py')
                os.symlink('/etc/passwd', 'main.py')
                os.symlink('/etc/shadow', '/tmp/shadow')
                os.symlink('/root', '/tmp/root')
                os.symlink('/proc/1/root/etc/passwd', '/tmp/init-passwd')
                for link in ('main.py', '/tmp/shadow', '/tmp/root', '/tmp/init-passwd'):
                    try:
                        print(link, open(link).read()[:20])
                    except OSError as e:
                        print(link, type(e).__name__)
                raise ValueError('traceback through a symlinked main.py')
                """);
        // Only the sandbox's own view is involved: the host never reads, writes or chowns a sandbox path.
        assertThat(r.getString("status")).isEqualTo("runtime_error");
        assertThat(r.getString("stdout")).doesNotContain("root:x:0:0");
        assertThat(sha256(passwd)).isEqualTo(before);
        assertThat(Files.getOwner(passwd).getName()).isEqualTo("root");
        assertThat(run("print('next run is clean')").getString("stdout")).isEqualTo("next run is clean\n");
    }

    @Test
    void parallelRunsCannotReadEachOthersFiles() throws Exception {
        CompletableFuture<JsonPath> writer = CompletableFuture.supplyAsync(() -> run("""
                import time
                open('/tmp/private.txt', 'w').write('writer-secret-1234')
                open('/dev/shm/private.txt', 'w').write('writer-secret-1234')
                print('written', flush=True)
                time.sleep(2)
                """, null, 4000));
        Runs.awaitWrittenInSomeSandbox("/tmp/private.txt");
        JsonPath reader = run("""
                import os, glob
                print(os.listdir('/tmp'), os.listdir('/dev/shm'))
                for path in glob.glob('/proc/*/root/tmp/*') + glob.glob('/proc/*/cwd/*'):
                    try:
                        print(path, open(path).read())
                    except OSError as e:
                        print(path, type(e).__name__)
                """);
        assertThat(reader.getString("stdout")).doesNotContain("writer-secret-1234");
        assertThat(writer.get().getString("stdout")).isEqualTo("written\n");
    }

    @Test
    void noPtraceNoNewNamespacesNoRoot() {
        JsonPath r = run("""
                import ctypes, os
                libc = ctypes.CDLL(None, use_errno=True)
                PTRACE_ATTACH = 16
                print('attach supervisor', libc.ptrace(PTRACE_ATTACH, 1, 0, 0), ctypes.get_errno())
                for path in ('/proc/1/mem', '/proc/1/fd/1', '/proc/1/environ'):
                    try:
                        open(path, 'rb')
                        print('OPENED', path)
                    except OSError as e:
                        print('denied', path, e.errno)
                print('unshare user', libc.unshare(0x10000000), ctypes.get_errno())
                print('unshare net', libc.unshare(0x40000000), ctypes.get_errno())
                print('setuid root', libc.setuid(0), ctypes.get_errno())
                print('mount', libc.mount(b'none', b'/tmp', b'tmpfs', 0, None), ctypes.get_errno())
                print('caps', open('/proc/self/status').read().split('CapEff:')[1].split()[0])
                print('nnp', open('/proc/self/status').read().split('NoNewPrivs:')[1].split()[0])
                """);
        // The program cannot tamper with its supervisor (non-dumpable), gains no capability, no root, no new
        // user namespace (bwrap --disable-userns), no mounts.
        assertThat(r.getString("stdout"))
                .contains("attach supervisor -1 1")
                .doesNotContain("OPENED")
                .contains("unshare user -1")
                .contains("unshare net -1")
                .contains("setuid root -1")
                .contains("mount -1")
                .contains("caps 0000000000000000")
                .contains("nnp 1");
    }

    @Test
    void kernelAttackSurfaceIsFiltered() {
        JsonPath r = run("""
                import ctypes, socket
                libc = ctypes.CDLL(None, use_errno=True)
                for name, nr in (('bpf', 321), ('keyctl', 250), ('io_uring_setup', 425), ('userfaultfd', 323),
                                 ('perf_event_open', 298), ('ptrace', 101), ('init_module', 175)):
                    print(name, libc.syscall(nr, 0, 0, 0, 0, 0), ctypes.get_errno())
                print('clone newuser', libc.syscall(56, 0x10000000 | 17, 0, 0, 0, 0), ctypes.get_errno())
                for family in ('AF_ALG', 'AF_NETLINK', 'AF_PACKET', 'AF_VSOCK'):
                    try:
                        socket.socket(getattr(socket, family), socket.SOCK_RAW if family != 'AF_ALG' else 5)
                        print(family, 'OPENED')
                    except OSError as e:
                        print(family, e.errno)
                print('seccomp', open('/proc/self/status').read().split('Seccomp:')[1].split()[0])
                """);
        String out = r.getString("stdout");
        assertThat(out).contains("bpf -1 1", "keyctl -1 1", "io_uring_setup -1 1", "userfaultfd -1 1",
                "perf_event_open -1 1", "ptrace -1 1", "init_module -1 1", "clone newuser -1 1",
                "AF_ALG 97", "AF_NETLINK 97", "AF_PACKET 97", "AF_VSOCK 97", "seccomp 2")
                .doesNotContain("OPENED");
    }

    @Test
    void ordinaryProcessesThreadsAndPipesStillWork() {
        JsonPath r = run("""
                import os, subprocess, sys, threading, multiprocessing
                t = threading.Thread(target=lambda: print('thread'))
                t.start(); t.join()
                pid = os.fork()
                if pid == 0:
                    os._exit(7)
                print('child exit', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
                print(subprocess.run([sys.executable, '-c', 'print(6 * 7)'], capture_output=True, text=True).stdout.strip())
                with multiprocessing.Pool(2) as pool:
                    print(pool.map(abs, [-1, -2]))
                """);
        assertThat(r.getString("status")).isEqualTo("ok");
        assertThat(r.getString("stdout")).isEqualTo("thread\nchild exit 7\n42\n[1, 2]\n");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterwardsTheServiceAnswersAndNothingIsLeft() throws InterruptedException {
        JsonPath r = run("print('hello')");
        assertThat(r.getString("status")).isEqualTo("ok");
        assertThat(r.getString("stdout")).isEqualTo("hello\n");
        assertThat(Runs.strayProcessesAfterSettling(sandbox::idleSandboxPids)).isEmpty();
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void idleSandboxesRunNothing() {
        // Pre-started sandboxes wait for a job: bwrap and the supervisor, no program below them.
        java.util.Set<Long> idle = sandbox.idleSandboxPids();
        assertThat(idle.size()).isLessThanOrEqualTo(2 * 4 * Runtime.getRuntime().availableProcessors());
        for (long pid : idle) {
            ProcessHandle.of(pid).ifPresent(h -> assertThat(h.descendants().count()).isLessThanOrEqualTo(1));
        }
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(p)));
    }

    @SuppressWarnings("unused")
    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
