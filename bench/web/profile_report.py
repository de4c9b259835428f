"""Where a page's CPU goes: reads a dotnet-trace speedscope file (dotnet-sampled-thread-time) and prints the share of
busy samples (threads not parked in a wait) under each cost centre and the top inclusive frames.
usage: profile_report.py <file.speedscope.json>"""
import json, re, sys
from collections import Counter

WAITS = re.compile(r"WaitHandle|Monitor\.Wait|LowLevelLifoSemaphore|LowLevelMonitor|Thread\.Sleep|WaitForSignal|"
                   r"SocketAsyncEngine\.EventLoop|PortableThreadPool\.GateThread|epoll_wait|ThreadPoolWorkQueue\.Dispatch\(\)$|"
                   r"TimerQueue|WaitOne|SpinWait|Interop\+Sys\.WaitForSocketEvents|Interop\+Sys\.(Read|Poll)|Sleep|Wait\(")
# Loops that sit in native waits (epoll, the finalizer's event) between their bits of work.
IDLE_LOOPS = re.compile(r"SocketAsyncEngine\.EventLoop|GC\.RunFinalizers|TimerQueue\.TimerThread")
CENTRES = [
    ("the request (middleware onwards)", r"ForgetMixAfterPosts|UseSecurityHeaders"),
    ("EF Core: compiling or generating SQL", r"QueryCompiler|RelationalCommandCache|QuerySqlGenerator|ParameterExtractingExpressionVisitor|ExpressionTreeFuncletizer|QueryTranslation"),
    ("SQLite: preparing statements", r"sqlite3_prepare|PrepareAndEnumerateStatements|GetStatements"),
    ("SQLite: running statements", r"sqlite3_step|SqliteDataReader\.(NextResult|Read)"),
    ("opening connections (pragmas, pool)", r"SqliteConnection\.Open|ConnectionOpened|RelationalConnection\.Open"),
    ("EF Core: running queries, reading rows", r"ShaperProcessingExpressionVisitor|SingleQueryingEnumerable|SplitQueryingEnumerable|Materializ"),
    ("Dapper", r"^Dapper!"),
    ("Identity: FindAsync / user store", r"UserManager|UserStore|FindAsync"),
    ("Razor rendering", r"RazorView\.RenderAsync|RazorPage|TagHelper|HtmlHelper|PartialAsync"),
    ("note cards (NoteCards)", r"NoteCards"),
    ("layout (_Layout)", r"_Layout"),
    ("unread counts", r"UnreadNotifications"),
    ("member avatar view component", r"MemberAvatarViewComponent"),
    ("hot topics", r"HotTopics"),
    ("personal mix", r"PersonalMix"),
    ("antiforgery", r"Antiforgery"),
    ("authentication (cookie decrypt)", r"CookieAuthenticationHandler|AuthenticationHandler|DataProtect"),
    ("localisation (resx)", r"ResourceManager|StringLocalizer"),
    ("logging", r"Microsoft\.Extensions\.Logging|Logger"),
    ("response writing (Kestrel)", r"Http1OutputProducer|PipeWriter|Kestrel.*Write"),
]

def stacks(data):
    """(frame indexes root first, weight) for every sample of every thread; evented profiles become time slices."""
    for profile in data["profiles"]:
        if profile.get("type") == "sampled":
            yield from zip(profile["samples"], profile.get("weights") or [1] * len(profile["samples"]))
        elif profile.get("type") == "evented":
            stack, last = [], None
            for event in profile["events"]:
                if stack and last is not None and event["at"] > last: yield list(stack), event["at"] - last
                last = event["at"]
                if event["type"] == "O": stack.append(event["frame"])
                elif stack: stack.pop()

def main(path):
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    busy = Counter(); total_busy = 0
    inclusive = Counter()
    for stack, weight in stacks(data):
        names = [frames[i] for i in stack]
        # Thread-time samples end in CPU_TIME (running managed code) or UNMANAGED_CODE_TIME (native code:
        # SQLite and compression, but also every wait); a native sample counts when the frame that called it is no wait.
        if names[-1] != "CPU_TIME" and (names[-1] != "UNMANAGED_CODE_TIME" or len(names) < 2 or WAITS.search(names[-2])
                                        or any(IDLE_LOOPS.search(n) for n in names)): continue
        total_busy += weight
        for label, pattern in CENTRES:
            if any(re.search(pattern, n) for n in names): busy[label] += weight
        for n in set(names): inclusive[n] += weight
    print(f"busy time in samples: {total_busy:.0f}")
    print("\n## cost centres (share of busy time; they overlap)")
    for label, _ in CENTRES:
        print(f"{100 * busy[label] / max(total_busy, 1):5.1f}%  {label}")
    print("\n## top inclusive frames")
    for name, weight in inclusive.most_common(70):
        print(f"{100 * weight / max(total_busy, 1):5.1f}%  {name[:160]}")

main(sys.argv[1])
