"""PyInstaller runtime hook: a network tripwire for packaging/smoke_frozen.sh.

Inert unless LLM_PATH_ADVISOR_NET_AUDIT names a file. Then every attempt to resolve or reach a
host other than this machine (a Python-level getaddrinfo or connect, which is how httpx,
requests, urllib and posthog reach the network) is written to that file and refused with
PermissionError. This works on Windows and macOS too, where the smoke test has no network
namespace; on Linux the smoke test also cuts the network and traces connect() natively.
"""
import os
import sys

_LOG = os.environ.get("LLM_PATH_ADVISOR_NET_AUDIT")
_LOCAL = {None, "", "localhost", "127.0.0.1", "::1", "0.0.0.0"}


def _is_local(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    return host in _LOCAL or (isinstance(host, str) and host.startswith("127."))


def _record(event: str, detail: str) -> None:
    frames = []
    frame = sys._getframe(2)
    while frame is not None and len(frames) < 8:
        frames.append(f"{frame.f_code.co_filename}:{frame.f_lineno}")
        frame = frame.f_back
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(f"{event} {detail} via {' <- '.join(frames)}\n")
    raise PermissionError(f"network access blocked by the smoke test: {event} {detail}")


def _audit(event: str, args) -> None:
    if event in ("socket.getaddrinfo", "socket.gethostbyname"):
        if not _is_local(args[0]):
            _record(event, repr(args[0]))
    elif event in ("socket.connect", "socket.sendto"):
        address = args[1]
        # AF_UNIX addresses are paths (str/bytes): D-Bus, X11, a keychain daemon, not the network.
        if isinstance(address, tuple) and not _is_local(address[0]):
            _record(event, repr(address[:2]))


if _LOG:
    sys.addaudithook(_audit)
