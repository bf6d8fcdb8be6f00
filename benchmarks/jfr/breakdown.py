#!/usr/bin/env python3
"""Where an emulator's CPU goes, from a JFR recording: each execution sample is counted once, under
the category of the first frame, from the top of its stack down, that falls in one (so a category
is its own code plus the JDK code it calls); then the time threads spent blocked entering a
monitor (the state lock), from jdk.JavaMonitorEnter.

usage: python3 benchmarks/jfr/breakdown.py recording.jfr   (needs the JDK's `jfr` on the PATH)
"""
import re
import subprocess
import sys
from collections import Counter

# (category, regular expression over a frame), tried in this order for each frame.
CATEGORIES = [
    ("PBKDF2 (password derivation)", r"PBKDF2|PBEKey"),
    ("RS256 signing (session tokens)", r"sun\.security\.rsa\.|RSACore|java\.math\.BigInteger|sun\.security\.util\.math"),
    ("HMAC and SHA-256 (client tokens, password digests, codes)", r"javax\.crypto\.Mac|com\.sun\.crypto\.provider\.Hmac|sun\.security\.provider\.(SHA|Digest)|MessageDigest"),
    ("JSON (Moshi, okio, the emulator's writer)", r"com\.squareup\.moshi|^okio\.|testing\.internal\.Json\."),
    ("HTTP server (JDK httpserver, sockets, NIO)", r"sun\.net\.httpserver|sun\.nio\.|java\.nio\.channels|java\.net\.|NioSocketImpl|SocketDispatcher|FileDispatcherImpl"),
    ("routes, rules and views (under the state lock)", r"testing\.internal\.(\w+Routes|\w+Rules|Router|Exchange|Views|EmulatorState|Otp|FormBody|MemoryOutbox|FactorOffer|Environment)"),
    ("emulator, other (request parsing, handler)", r"io\.github\.clerk4j"),
]

def run_jfr(*args):
    return subprocess.run(["jfr", *args], capture_output=True, text=True, check=True).stdout

def main(path):
    text = run_jfr("print", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path)
    counts = Counter()
    total = 0
    for event in text.split("jdk.ExecutionSample {")[1:]:
        frames = re.findall(r"^\s{4}(\S+?)\(", event, re.M)
        total += 1
        category = next((name for f in frames for name, pattern in CATEGORIES if re.search(pattern, f)),
                        "JDK and JVM, other (threads, collections, GC)")
        counts[category] += 1
    print(f"{total} execution samples in {path}\n")
    print("| where | share of samples |")
    print("|---|---:|")
    for name, n in counts.most_common():
        print(f"| {name} | {100 * n / total:.0f} % |")
    monitors = run_jfr("print", "--events", "jdk.JavaMonitorEnter", path)
    blocked = [float(d) for d in re.findall(r"duration = ([\d.]+) ms", monitors)]
    print(f"\nblocked entering a monitor: {len(blocked)} times (those over the recording's threshold, 10 ms with settings=profile), "
          f"{sum(blocked):.0f} ms in all")

if __name__ == "__main__":
    main(sys.argv[1])
