#!/usr/bin/env python3
"""Top frames of a JFR recording as text: CPU samples by thread group, self and inclusive top frames, and the
self time by library (package), and the GC summary. Usage: perf/profile-summary.py recording.jfr [top N, default 25]"""
import collections
import re
import subprocess
import sys


def events(path, name, depth=64):
    out = subprocess.run(["jfr", "print", "--events", name, "--stack-depth", str(depth), path],
                         capture_output=True, text=True, check=True).stdout
    for block in out.split(name + " {")[1:]:
        yield block


def frames(block):
    m = re.search(r"stackTrace = \[(.*?)\n\s*\]", block, re.S)
    if not m:
        return []
    lines = [l.strip() for l in m.group(1).strip().splitlines()]
    return [re.sub(r"\s+line:.*$", "", l) for l in lines if l and l != "..."]


def thread(block):
    m = re.search(r'(?:sampledThread|eventThread) = "([^"]*)"', block)
    return re.sub(r"\d+", "N", m.group(1)) if m else "?"


def library(frame):
    """The library a frame belongs to: java.util, io.netty.buffer, com.hazelcast.map, edu.lanyard.<module>.<area>…"""
    cls = re.sub(r"\.[^.(]+\(.*$", "", frame)
    parts = cls.split(".")[:-1]   # the package, without the class
    names = {"edu": 4, "java": 2, "javax": 2, "jdk": 3, "sun": 3, "kafka": 2, "scala": 2}.get(parts[0], 3)
    return ".".join(parts[:names])


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    samples = [(thread(b), frames(b)) for b in events(path, "jdk.ExecutionSample")]
    total = len(samples) or 1
    print(f"# {path}: {len(samples)} CPU samples (jdk.ExecutionSample)\n")
    by_thread = collections.Counter(t for t, _ in samples)
    print("## CPU samples by thread group")
    for t, n in by_thread.most_common(15):
        print(f"{100 * n / total:6.1f}%  {t}")
    self_ = collections.Counter(f[0] for _, f in samples if f)
    print(f"\n## Top {top} self frames")
    for f, n in self_.most_common(top):
        print(f"{100 * n / total:6.1f}%  {f}")
    by_library = collections.Counter(library(f[0]) for _, f in samples if f)
    print("\n## Self samples by library (where a flat profile's time goes)")
    for lib, n in by_library.most_common(15):
        print(f"{100 * n / total:6.1f}%  {lib}")
    incl = collections.Counter()
    for _, f in samples:
        incl.update(set(f))
    print(f"\n## Top {top} inclusive frames (lanyard, nimbus, jackson, micrometer, hazelcast, kafka, crypto)")
    interesting = re.compile(r"^(edu\.lanyard|com\.nimbusds|com\.fasterxml|io\.micrometer|com\.hazelcast\.map|"
                             r"org\.apache\.kafka\.clients\.producer|sun\.security|java\.security|"
                             r"com\.amazon\.corretto|javax\.crypto|ch\.qos|org\.slf4j)")
    for f, n in [(f, n) for f, n in incl.most_common() if interesting.match(f)][:top]:
        print(f"{100 * n / total:6.1f}%  {f}")
    # Time inside JNI (the native crypto provider, epoll) is not in jdk.ExecutionSample: sampled apart, and it
    # includes threads parked in native waits (epoll_wait), so read it by frame.
    natives = [(thread(b), frames(b)) for b in events(path, "jdk.NativeMethodSample", 4)]
    native_top = collections.Counter(f[0] for _, f in natives if f and not re.search(
        r"epollWait|epoll_wait|EPoll\.wait|socketRead|accept|poll\(|park|sleep|Object\.wait", f[0]))
    print(f"\n## Native-method samples (jdk.NativeMethodSample, waits left out): {sum(native_top.values())}")
    for f, n in native_top.most_common(10):
        print(f"{n:6d}  {f}")
    gc = list(events(path, "jdk.GarbageCollection", 1))
    pauses = []
    for b in gc:
        m = re.search(r"sumOfPauses = ([\d.]+) (ms|s)", b)
        if m:
            pauses.append(float(m.group(1)) * (1000 if m.group(2) == "s" else 1))
    if pauses:
        pauses.sort()
        print(f"\n## GC: {len(pauses)} collections, total pause {sum(pauses):.0f} ms, longest {pauses[-1]:.1f} ms")


main()
