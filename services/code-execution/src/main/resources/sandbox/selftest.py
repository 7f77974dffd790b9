# Start-up self-test, run exactly like student code. The service checks every line against what the sandbox
# must look like; anything unexpected keeps the service unready (fail closed).
import os
import resource
import socket


def status(name):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(name + ":"):
                return line.split()[1]
    return "?"


print("uid=%d" % os.getuid())
print("gid=%d" % os.getgid())
with open("/proc/self/uid_map") as f:
    print("uidmap=" + " ".join(f.read().split()))
print("nnp=" + status("NoNewPrivs"))
print("capeff=" + status("CapEff"))
print("capbnd=" + status("CapBnd"))
print("seccomp=" + status("Seccomp"))
print("env=" + ",".join(sorted(os.environ)))
print("pid=%d" % os.getpid())
print("etc=%s" % ("present" if os.path.exists("/etc") else "absent"))
try:
    open("/probe", "w").close()
    print("rootfs=writable")
except OSError:
    print("rootfs=readonly")
sock = socket.socket()
sock.settimeout(1)
try:
    sock.connect(("127.0.0.1", 5432))
    print("loopback=open")
except OSError:
    print("loopback=closed")
finally:
    sock.close()
with open("/proc/net/dev") as f:  # netlink (socket.if_nameindex) is filtered by seccomp
    print("ifaces=" + ",".join(sorted(line.split(":")[0].strip() for line in f.readlines()[2:])))
print("nproc=%d" % resource.getrlimit(resource.RLIMIT_NPROC)[1])
print("core=%d" % resource.getrlimit(resource.RLIMIT_CORE)[1])
print("ok=1")
