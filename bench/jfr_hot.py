#!/usr/bin/python3
"""Where one operation of a JFR recording spends its CPU samples (see README.md, "Profiling").

usage: jfr_hot.py RECORDING.jfr [FILTER ...]
Prints, for each FILTER (a substring of a frame, e.g. SftpTransfers.put), the samples whose
stack holds it: by top frame, and by the first org.javamiko frame. Needs `jfr` from a JDK
(JAVA_HOME/bin/jfr, else the one on PATH).
"""
import collections
import os
import re
import subprocess
import sys


def samples(recording):
    jfr = os.path.join(os.environ["JAVA_HOME"], "bin", "jfr") if "JAVA_HOME" in os.environ else "jfr"
    text = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
                          check=True, capture_output=True, text=True).stdout
    for event in text.split("jdk.ExecutionSample")[1:]:
        yield re.findall(r"^\s+([\w.$<>]+)\(.*?\)\s+line:", event, re.M)


def short(frame):
    return ".".join(frame.rsplit(".", 2)[-2:])


def main():
    recording, filters = sys.argv[1], sys.argv[2:] or ["org.javamiko"]
    stacks = list(samples(recording))
    for f in filters:
        chosen = [s for s in stacks if any(f in frame for frame in s)]
        print(f"== {f}: {len(chosen)} of {len(stacks)} samples")
        top = collections.Counter(short(s[0]) for s in chosen if s)
        ours = collections.Counter(next((short(x) for x in s if x.startswith("org.javamiko")), "-") for s in chosen)
        for title, counter in (("top frame", top), ("first javamiko frame", ours)):
            print(f"  by {title}:")
            for name, n in counter.most_common(10):
                print(f"    {n:6d} {100.0 * n / max(1, len(chosen)):5.1f}%  {name}")


if __name__ == "__main__":
    main()
