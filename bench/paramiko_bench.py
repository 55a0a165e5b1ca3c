#!/usr/bin/python3
"""paramiko's side of the javamiko benchmark suite (bench/run starts it; see bench/README.md).

Prints one line per sample: "<metric> <seconds> <cpu-seconds> <bytes>", metric being connect,
exec, stream, get or put; or "error <metric> <reason>". TCP_NODELAY is set on the socket.
"""
import hashlib
import os
import socket
import sys
import time

import paramiko

CONNECT_WARMUPS = 2
EXEC_WARMUPS = 5


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def connect(a):
    sock = socket.create_connection((a["host"], a["port"]))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    client = paramiko.SSHClient()
    client.load_host_keys(a["known_hosts"])
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(a["host"], port=a["port"], username=a["user"], key_filename=a["key"], sock=sock,
                   allow_agent=False, look_for_keys=False)
    return client


def stream(client, command):
    chan = client.get_transport().open_session()
    chan.exec_command(command)
    total = 0
    while True:
        data = chan.recv(65536)
        if not data:
            break
        total += len(data)
    chan.recv_exit_status()
    chan.close()
    return total


def emit(metric, seconds, cpu, nbytes):
    print(f"{metric} {seconds:.6f} {cpu:.6f} {nbytes}", flush=True)


def timed(metric, fn, nbytes):
    c0, t0 = time.process_time(), time.perf_counter()
    fn()
    t1, c1 = time.perf_counter(), time.process_time()
    emit(metric, t1 - t0, c1 - c0, nbytes)


def main():
    keys = ["host", "port", "user", "key", "known_hosts", "source", "sha256", "size", "work", "connects", "execs",
            "reps"]
    a = dict(zip(keys, sys.argv[1:]))
    for k in ("port", "size", "connects", "execs", "reps"):
        a[k] = int(a[k])
    for i in range(CONNECT_WARMUPS + a["connects"]):
        t0 = time.perf_counter()
        c = connect(a)
        t1 = time.perf_counter()
        c.close()
        if i >= CONNECT_WARMUPS:
            emit("connect", t1 - t0, float("nan"), 0)
    client = connect(a)
    for i in range(EXEC_WARMUPS + a["execs"]):
        t0 = time.perf_counter()
        stream(client, "true")
        t1 = time.perf_counter()
        if i >= EXEC_WARMUPS:
            emit("exec", t1 - t0, float("nan"), 0)
    client.close()
    # A fresh connection per transfer: paramiko re-keys after 512 MiB and its re-key stalls
    # ("Key-exchange timed out waiting for key negotiation") while a big stream is arriving.
    for _ in range(a["reps"]):
        client = connect(a)
        timed("stream", lambda: stream(client, "head -c %d /dev/zero" % a["size"]), a["size"])
        client.close()
    local = os.path.join(a["work"], "get-paramiko.bin")
    remote = os.path.join(a["work"], "put-paramiko.bin")
    for i in range(a["reps"]):
        client = connect(a)
        sftp = client.open_sftp()
        timed("get", lambda: sftp.get(a["source"], local), a["size"])
        sftp.close()
        client.close()
        if i == 0 and sha256(local) != a["sha256"]:
            print("error get SHA-256 mismatch", flush=True)
        os.remove(local)
    for i in range(a["reps"]):
        client = connect(a)
        sftp = client.open_sftp()
        timed("put", lambda: sftp.put(a["source"], remote, confirm=False), a["size"])
        sftp.close()
        client.close()
        if i == 0 and sha256(remote) != a["sha256"]:
            print("error put SHA-256 mismatch", flush=True)
        os.remove(remote)


if __name__ == "__main__":
    main()
