# LearnFlow sandbox supervisor.
#
# Trusted code. The service compiles it once with the sandbox's interpreter and starts it, marshalled, as pid 1 of
# every sandbox (bwrap --as-pid-1, python3 -I -S -B -u -c <bootstrap> <code>), so it runs before any student code, as the same unprivileged uid, in the sandbox's own namespaces. As the pid
# namespace's init it cannot be signalled from inside (it handles no signal), and it makes itself non-dumpable
# so the student's processes cannot ptrace it or open its /proc entries either.
#
#   stdin  (from the host): b"LFS1" then fields <tag:1><len:4 big-endian><bytes>, then EOF:
#            L limits "key=value;..."   c code (UTF-8)   i stdin of a plain run
#            T one io test case (its stdin)   X one call test case (a Python expression)
#   stdout (to the host):   frames <tag:1><len:4 big-endian><bytes>:
#            H hello   O stdout bytes   E stderr bytes   V value of a call case   R report of one program
#            F supervisor failure (text)
#
# Every program (the plain run, or each test case) runs in a fresh forked child with hard rlimits that the
# child cannot raise. The supervisor enforces the wall-clock limit and the output caps, and kills every other
# process of the sandbox (kill(-1, SIGKILL): the pid namespace holds nothing else) when a program ends, so
# nothing the student started survives into the next program or past the run. Expected test values never enter
# the sandbox: the host compares. Only built-in modules plus resource and _ctypes are used, to keep startup fast.
import os
import sys
import select
import time
import resource
import gc
import _signal
import atexit  # a built-in module; imported here once rather than in every program's child

MAGIC = b"LFS1"
SIGKILL = 9
VALUE_CAP = 128 * 1024
DRAIN_NS = 2_000_000_000
PAGE = os.sysconf("SC_PAGE_SIZE")
# RLIMIT_AS bounds each process; the sum over all of a program's processes is checked this often, against the
# program's memory limit plus half of it again, at least 32 MiB (copy-on-write pages shared after a fork count
# in every process that shares them).
MEMORY_CHECK_NS = 50_000_000
MEMORY_SLACK_MIN = 32 << 20


def frame(tag, payload):
    view = memoryview(tag + len(payload).to_bytes(4, "big") + payload)
    while view:
        view = view[os.write(1, view):]


def read_job():
    chunks = []
    while True:
        chunk = os.read(0, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    data = b"".join(chunks)
    if data[:4] != MAGIC:
        raise ValueError("bad job header")
    job = {"limits": {}, "code": b"", "stdin": b"", "cases": []}
    pos = 4
    while pos < len(data):
        tag = data[pos:pos + 1]
        size = int.from_bytes(data[pos + 1:pos + 5], "big")
        value = data[pos + 5:pos + 5 + size]
        pos += 5 + size
        if len(value) != size:
            raise ValueError("truncated job")
        if tag == b"L":
            for item in value.decode("ascii").split(";"):
                if item:
                    key, _, number = item.partition("=")
                    job["limits"][key] = int(number)
        elif tag == b"c":
            job["code"] = value
        elif tag == b"i":
            job["stdin"] = value
        elif tag == b"T":
            job["cases"].append(("io", value))
        elif tag == b"X":
            job["cases"].append(("call", value))
        else:
            raise ValueError("unknown field")
    return job


def sweep():
    # Every process of the sandbox except this one (the namespace's init): the student's program and anything
    # it spawned, however it detached itself.
    try:
        os.kill(-1, SIGKILL)
    except OSError:
        pass


def reap():
    # Orphans are ours to reap, and their zombies would still count against the next program's process limit.
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


class _Libc:
    """The few libc calls the supervisor needs, through _ctypes directly: importing the ctypes package would
    cost ~20 ms per sandbox start."""

    def __init__(self):
        import _ctypes

        class c_int(_ctypes._SimpleCData):
            _type_ = "i"

        class c_ushort(_ctypes._SimpleCData):
            _type_ = "H"

        class c_ubyte(_ctypes._SimpleCData):
            _type_ = "B"

        class c_uint(_ctypes._SimpleCData):
            _type_ = "I"

        class Function(_ctypes.CFuncPtr):
            _flags_ = _ctypes.FUNCFLAG_CDECL | _ctypes.FUNCFLAG_USE_ERRNO
            _restype_ = c_int

        class Handle:
            _handle = _ctypes.dlopen(None, 0)

        class SockFilter(_ctypes.Structure):
            _fields_ = [("code", c_ushort), ("jt", c_ubyte), ("jf", c_ubyte), ("k", c_uint)]

        class SockFprog(_ctypes.Structure):
            _fields_ = [("len", c_ushort), ("filter", _ctypes.POINTER(SockFilter))]

        self._ctypes = _ctypes
        self.prctl = Function(("prctl", Handle()))
        self.SockFilter = SockFilter
        self.SockFprog = SockFprog

    def set_dumpable(self, flag):
        # A non-dumpable supervisor cannot be ptraced, nor its /proc entries (memory, fds) opened, by the
        # student's processes although they share its uid.
        if self.prctl(4, 1 if flag else 0, 0, 0, 0) != 0:  # PR_SET_DUMPABLE
            raise OSError("prctl(PR_SET_DUMPABLE) failed")

    def seccomp_program(self):
        """A seccomp filter for the student's program, or None on an architecture we have no table for."""
        if os.uname().machine != "x86_64":
            return None
        insns = seccomp_x86_64()
        array = (self.SockFilter * len(insns))(*[self.SockFilter(*i) for i in insns])
        prog = self.SockFprog(len(insns), array)
        return (prog, array)  # keep the array alive

    def install_seccomp(self, program):
        prog, _ = program
        # PR_SET_SECCOMP, SECCOMP_MODE_FILTER; allowed unprivileged because bwrap set no_new_privs.
        if self.prctl(22, 2, self._ctypes.byref(prog), 0, 0) != 0:
            raise OSError("prctl(PR_SET_SECCOMP) failed")


# x86_64 system calls the student's program gets EPERM for: kernel attack surface no Python exercise needs.
_DENIED_X86_64 = {
    101: "ptrace", 310: "process_vm_readv", 311: "process_vm_writev", 312: "kcmp", 438: "pidfd_getfd",
    248: "add_key", 249: "request_key", 250: "keyctl", 321: "bpf", 323: "userfaultfd", 298: "perf_event_open",
    425: "io_uring_setup", 426: "io_uring_enter", 427: "io_uring_register",
    246: "kexec_load", 320: "kexec_file_load", 175: "init_module", 313: "finit_module", 176: "delete_module",
    165: "mount", 166: "umount2", 155: "pivot_root", 428: "open_tree", 429: "move_mount", 430: "fsopen",
    431: "fsconfig", 432: "fsmount", 433: "fspick", 442: "mount_setattr", 272: "unshare", 308: "setns",
    167: "swapon", 168: "swapoff", 169: "reboot", 163: "acct", 103: "syslog", 179: "quotactl",
    212: "lookup_dcookie", 154: "modify_ldt", 172: "iopl", 173: "ioperm", 153: "vhangup",
    # Memory no limit covers: System V IPC segments outlive their attachments, memfd files their mappings.
    29: "shmget", 30: "shmat", 31: "shmctl", 67: "shmdt", 64: "semget", 65: "semop", 66: "semctl",
    220: "semtimedop", 68: "msgget", 69: "msgsnd", 70: "msgrcv", 71: "msgctl", 319: "memfd_create",
    303: "name_to_handle_at", 304: "open_by_handle_at", 300: "fanotify_init", 447: "memfd_secret",
    161: "chroot", 139: "sysfs", 134: "uselib", 156: "_sysctl", 174: "create_module", 177: "get_kernel_syms",
    178: "query_module", 180: "nfsservctl", 183: "afs_syscall", 184: "tuxcall", 185: "security",
    236: "vserver", 251: "ioprio_set",
}


def seccomp_x86_64():
    LD_W_ABS, JEQ, JSET, JGE, RET = 0x20, 0x15, 0x45, 0x35, 0x06
    ALLOW, KILL = 0x7FFF0000, 0x80000000
    EPERM, ENOSYS, EAFNOSUPPORT = 0x50000 | 1, 0x50000 | 38, 0x50000 | 97
    NS_FLAGS = 0x7E020000  # CLONE_NEWNS|NEWCGROUP|NEWUTS|NEWIPC|NEWUSER|NEWPID|NEWNET
    p = [
        (LD_W_ABS, 0, 0, 4),             # arch
        (JEQ, 1, 0, 0xC000003E),         # AUDIT_ARCH_X86_64
        (RET, 0, 0, KILL),
        (LD_W_ABS, 0, 0, 0),             # syscall number
        (JGE, 0, 1, 0x40000000),         # x32 ABI
        (RET, 0, 0, ENOSYS),
        (JEQ, 0, 1, 435),                # clone3: glibc falls back to clone, whose flags we can see
        (RET, 0, 0, ENOSYS),
    ]
    for nr in sorted(_DENIED_X86_64):
        p += [(JEQ, 0, 1, nr), (RET, 0, 0, EPERM)]
    p += [
        (JEQ, 0, 4, 56),                 # clone: no new namespaces
        (LD_W_ABS, 0, 0, 16),            # args[0], low half
        (JSET, 0, 1, NS_FLAGS),
        (RET, 0, 0, EPERM),
        (RET, 0, 0, ALLOW),
        (JEQ, 0, 6, 41),                 # socket: unix, inet, inet6 only
        (LD_W_ABS, 0, 0, 16),
        (JEQ, 3, 0, 1),
        (JEQ, 2, 0, 2),
        (JEQ, 1, 0, 10),
        (RET, 0, 0, EAFNOSUPPORT),
        (RET, 0, 0, ALLOW),
        (JEQ, 0, 4, 53),                 # socketpair: unix only
        (LD_W_ABS, 0, 0, 16),
        (JEQ, 1, 0, 1),
        (RET, 0, 0, EAFNOSUPPORT),
        (RET, 0, 0, ALLOW),
        (RET, 0, 0, ALLOW),
    ]
    return p


def sandbox_rss():
    """Private resident memory of every process in the sandbox but ours, from /proc/<pid>/statm (readable
    without ptrace rights, so a program cannot hide by making itself non-dumpable)."""
    pages = 0
    for name in os.listdir("/proc"):
        if name.isdigit() and name != "1":
            try:
                with open("/proc/" + name + "/statm", "rb") as f:
                    fields = f.read().split()
                pages += int(fields[1]) - int(fields[2])  # resident - shared (file-backed)
            except (OSError, ValueError, IndexError):
                pass
    return pages * PAGE


def vm_size():
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 64 << 20


# ---------------------------------------------------------------------------------------------- child side

class _Quitter:
    """exit() and quit() as site.py would define them (the sandbox runs python3 -S)."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Use %s() or Ctrl-D (i.e. EOF) to exit" % self.name

    def __call__(self, code=None):
        raise SystemExit(code)


class _Opaque(Exception):
    pass


def canonical(value, depth, budget):
    """A Python literal for value if it is built from literal types (what ast.literal_eval could produce)."""
    if depth > 100 or budget[0] <= 0:
        raise _Opaque()
    if value is None or value is True or value is False:
        text = repr(value)
    elif isinstance(value, int):
        text = int.__repr__(value) if value.bit_length() < 10_000 else (
            ("-" if value < 0 else "") + "0x" + int.__format__(abs(int(value)), "x"))
    elif isinstance(value, float):
        text = float.__repr__(value)
        if text == "nan":
            raise _Opaque()
        if text in ("inf", "-inf"):
            text = text.replace("inf", "1e999")
    elif isinstance(value, complex):
        text = complex.__repr__(value)
        if "nan" in text or "inf" in text:
            raise _Opaque()
    elif isinstance(value, str):
        text = str.__repr__(value)
    elif isinstance(value, bytes):
        text = bytes.__repr__(value)
    elif isinstance(value, list):
        text = "[" + ", ".join(canonical(x, depth + 1, budget) for x in list.__iter__(value)) + "]"
    elif isinstance(value, tuple):
        items = [canonical(x, depth + 1, budget) for x in tuple.__iter__(value)]
        text = "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    elif isinstance(value, dict):
        text = "{" + ", ".join(canonical(k, depth + 1, budget) + ": " + canonical(v, depth + 1, budget)
                               for k, v in dict.items(value)) + "}"
    elif isinstance(value, (set, frozenset)):
        items = [canonical(x, depth + 1, budget) for x in frozenset.__iter__(frozenset(value))]
        text = "{" + ", ".join(items) + "}" if items else "set()"
    else:
        raise _Opaque()
    budget[0] -= len(text)
    if budget[0] < 0:
        raise _Opaque()
    return text


def report_value(value):
    try:
        literal = canonical(value, 0, [VALUE_CAP // 2])
    except (_Opaque, RecursionError, MemoryError, ValueError):
        literal = ""
    try:
        shown = repr(value)
    except BaseException:
        shown = "<unrepresentable value>"
    if len(shown) > 1000:
        shown = shown[:1000] + "..."
    payload = literal.encode("utf-8", "backslashreplace") + b"\0" + shown.encode("utf-8", "backslashreplace")
    view = memoryview(payload)
    while view:
        view = view[os.write(3, view):]


def child(job, stdin_fd, out_w, err_w, val_w, call, limits, mem_base, libc, seccomp):
    """Runs in the forked child; never returns."""
    status = 70
    try:
        _signal.signal(_signal.SIGINT, _signal.default_int_handler)
        os.dup2(stdin_fd, 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        if val_w >= 0:
            os.dup2(val_w, 3)
        os.closerange(4 if val_w >= 0 else 3, 1 << 16)
        code = job["code"].decode("utf-8", "replace")
        job["cases"].clear()
        job.clear()  # other test cases' inputs are not this program's business
        hard = [
            (resource.RLIMIT_CORE, 0, 0),
            (resource.RLIMIT_CPU, limits["cpu_s"], limits["cpu_s"] + 1),
            (resource.RLIMIT_AS, mem_base + limits["mem"], mem_base + limits["mem"]),
            (resource.RLIMIT_FSIZE, limits["fsize"], limits["fsize"]),
            (resource.RLIMIT_NPROC, limits["nproc"], limits["nproc"]),
            (resource.RLIMIT_NOFILE, limits["nofile"], limits["nofile"]),
            (resource.RLIMIT_MEMLOCK, 0, 0),
            (resource.RLIMIT_MSGQUEUE, 0, 0),
            (resource.RLIMIT_RTPRIO, 0, 0),
        ]
        for which, soft, limit in hard:
            resource.setrlimit(which, (soft, limit))
        stack = resource.getrlimit(resource.RLIMIT_STACK)[0]
        resource.setrlimit(resource.RLIMIT_STACK, (stack, stack))
        libc.set_dumpable(True)  # the program itself behaves normally (its own /proc entries, its children)
        if seccomp is not None:
            libc.install_seccomp(seccomp)
    except BaseException as e:
        os.write(2, ("sandbox setup failed: %r\n" % (e,)).encode())
        os._exit(71)
    try:
        import builtins
        builtins.exit = _Quitter("exit")
        builtins.quit = _Quitter("quit")
        name = "__main__" if call is None else "solution"
        module = type(sys)(name)
        module.__file__ = "main.py"
        module.__builtins__ = builtins
        sys.modules[name] = module
        sys.argv = ["main.py"]
        try:
            exec(compile(code, "main.py", "exec"), module.__dict__)
            if call is not None:
                report_value(eval(compile(call, "<test>", "eval"), module.__dict__))
            status = 0
        except SystemExit as e:
            if e.code is None:
                status = 0
            elif isinstance(e.code, int):
                status = e.code & 0xFF
            else:
                try:
                    print(e.code, file=sys.stderr)
                except BaseException:
                    pass
                status = 1
        except BaseException as e:
            tb = e.__traceback__
            tb = tb.tb_next if tb is not None else None  # hide this supervisor frame, as python main.py would
            e.__traceback__ = tb
            sys.excepthook(type(e), e, tb)
            status = 1
        try:
            if "threading" in sys.modules:
                sys.modules["threading"]._shutdown()
            atexit._run_exitfuncs()
        except BaseException:
            pass
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:
                pass
    finally:
        os._exit(status)


# ------------------------------------------------------------------------------------------ supervisor side

def run_program(job, stdin_bytes, call, limits, wall_ns, libc, seccomp):
    """Runs one program in a fresh child, streams its output, and reports how it ended."""
    stdin_fd = os.memfd_create("stdin")
    os.write(stdin_fd, stdin_bytes)
    os.lseek(stdin_fd, 0, os.SEEK_SET)
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    val_r, val_w = os.pipe() if call is not None else (-1, -1)
    mem_base = vm_size()
    gc.freeze()  # the child's garbage collections then leave our objects alone (no copy-on-write of them)
    start_ns = time.monotonic_ns()
    pid = os.fork()
    if pid == 0:
        child(job, stdin_fd, out_w, err_w, val_w, call, limits, mem_base, libc, seccomp)
    for fd in (stdin_fd, out_w, err_w, val_w):
        if fd >= 0:
            os.close(fd)
    pidfd = os.pidfd_open(pid)
    poller = select.poll()
    streams = {out_r: b"O", err_r: b"E"}
    if val_r >= 0:
        streams[val_r] = b"V"
    seen = {b"O": 0, b"E": 0, b"V": 0}
    caps = {b"O": limits["out"], b"E": limits["err"], b"V": VALUE_CAP}
    for fd in streams:
        poller.register(fd, select.POLLIN)
    poller.register(pidfd, select.POLLIN)
    deadline = start_ns + wall_ns
    memory_budget = limits["mem"] + max(MEMORY_SLACK_MIN, limits["mem"] // 2)
    next_memory_check = start_ns + MEMORY_CHECK_NS
    exited = timed_out = over_limit = over_memory = swept = False
    end_ns = None
    value = []
    while streams or not exited:
        now_ns = time.monotonic_ns()
        if exited or swept:
            if now_ns - end_ns > DRAIN_NS:
                break
            timeout_ms = 100
        else:
            if now_ns >= next_memory_check:
                next_memory_check = now_ns + MEMORY_CHECK_NS
                if sandbox_rss() > memory_budget:
                    over_memory = swept = True
                    end_ns = now_ns
                    sweep()
                    continue
            wake = min(deadline, next_memory_check)
            timeout_ms = max(0, (wake - now_ns + 999_999) // 1_000_000)
        events = poller.poll(timeout_ms)
        if not events and not exited and not swept and time.monotonic_ns() >= deadline:
            timed_out = swept = True
            end_ns = time.monotonic_ns()
            sweep()
            continue
        for fd, _ in events:
            if fd == pidfd:
                exited = True
                poller.unregister(pidfd)
                _, status, usage = os.wait4(pid, 0)
                if end_ns is None:
                    end_ns = time.monotonic_ns()
                sweep()  # nothing the program started may outlive it (or keep our pipes open)
                continue
            tag = streams.get(fd)
            if tag is None:
                continue
            data = os.read(fd, 1 << 16)
            if not data:
                poller.unregister(fd)
                os.close(fd)
                del streams[fd]
                continue
            room = caps[tag] - seen[tag]
            if room > 0:
                if tag == b"V":
                    value.append(data[:room])
                else:
                    frame(tag, data[:room])
            seen[tag] += len(data)
            if seen[tag] > caps[tag] and tag != b"V" and not swept:
                over_limit = swept = True
                end_ns = time.monotonic_ns()
                sweep()
    for fd in streams:
        os.close(fd)
    os.close(pidfd)
    if not exited:
        sweep()
        _, status, usage = os.wait4(pid, 0)
        end_ns = end_ns or time.monotonic_ns()
    reap()
    if value:
        frame(b"V", b"".join(value))
    report = ("exit=%d;sig=%d;wall_us=%d;cpu_us=%d;timeout=%d;olimit=%d;mlimit=%d;rss_kb=%d;out=%d;err=%d;"
              "val=%d") % (
        os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1,
        os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0,
        (end_ns - start_ns) // 1000,
        int((usage.ru_utime + usage.ru_stime) * 1_000_000),
        timed_out, over_limit, over_memory, usage.ru_maxrss, seen[b"O"], seen[b"E"], seen[b"V"])
    frame(b"R", report.encode("ascii"))


def _remove_all(directory):
    # Everything in here belongs to our uid: make directories writable again, never follow symlinks.
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for name in names:
        path = os.path.join(directory, name)
        try:
            if os.path.isdir(path) and not os.path.islink(path):
                os.chmod(path, 0o700)
                _remove_all(path)
                os.rmdir(path)
            else:
                os.unlink(path)
        except OSError:
            pass


def fresh_workdir(code):
    """An empty /tmp (the working directory) and /dev/shm holding only main.py."""
    os.chdir("/")
    _remove_all("/tmp")
    _remove_all("/dev/shm")
    os.chdir("/tmp")
    with open("main.py", "wb") as f:  # only for traceback source lines; the child compiles from memory
        f.write(code)


def main():
    # Only ever as the init of the sandbox's own pid namespace (bwrap --as-pid-1): anywhere else, sweep()'s
    # kill(-1) and fresh_workdir()'s clearing of /tmp would hit the host. Checked before anything else runs.
    if os.getpid() != 1:
        raise RuntimeError("not pid 1 of a sandbox: refusing to run")
    # As init, only signals with a handler reach us from inside the sandbox: keep none.
    _signal.signal(_signal.SIGINT, _signal.SIG_IGN)
    libc = _Libc()
    libc.set_dumpable(False)
    seccomp = libc.seccomp_program()
    # Warm-up while the sandbox waits for its job (pre-started, off the request's path): the interpreter's first
    # compile() costs ~3 ms of CPU (lazy compiler state, fresh pages); done here, before any fork, a program's
    # child finds it done. Our own constant source: no student input is involved.
    compile("print('warm-up')\n", "main.py", "exec")
    job = read_job()
    frame(b"H", ("python=%d.%d.%d;uid=%d;seccomp=%d" % (sys.version_info[:3] + (os.getuid(),)
                                                        + (seccomp is not None,))).encode())
    limits = job["limits"]
    fresh_workdir(job["code"])
    cases = job["cases"]
    if not cases:
        run_program(job, job["stdin"], None, limits, limits["wall_ms"] * 1_000_000, libc, seccomp)
        return
    budget_end = time.monotonic_ns() + limits["budget_ms"] * 1_000_000
    for index, (kind, data) in enumerate(cases):
        if index > 0:
            fresh_workdir(job["code"])  # nothing a case wrote is seen by the next one
        remaining = budget_end - time.monotonic_ns()
        if remaining <= 0:
            frame(b"R", b"skipped=1")
            continue
        wall = min(limits["wall_ms"] * 1_000_000, remaining)
        if kind == "io":
            run_program(job, data, None, limits, wall, libc, seccomp)
        else:
            run_program(job, b"", data.decode("utf-8", "replace"), limits, wall, libc, seccomp)


if __name__ == "__main__":
    try:
        main()
    except BaseException as e:
        try:
            frame(b"F", ("supervisor: %s: %s" % (type(e).__name__, e)).encode("utf-8", "replace"))
        finally:
            os._exit(70)
    os._exit(0)
