# Corral's Python lockdown: evaluated first in every fresh context, before the prelude and before any
# guest code. It closes what GraalPy's own built-in modules let Python code do to the host process
# (the JVM every other execution runs in): raise signals in it, replace its signal handlers, arm
# timers that signal it, change its default time zone, force full garbage collections of its heap,
# write into its log, and read its identity (pid, user, home, kernel, load).
#
# Built-in modules (_signal, posix, time, gc, ...) are created once per context and never
# re-initialized (importlib.reload, _imp.create_builtin and a fresh import all return the same
# module object), so replacing their functions here closes them for the whole context. Nothing
# below keeps a reference to a replaced original. The inventory is in docs/security.md.


def _corral_lockdown():
    import sys, errno
    import _signal, posix, os, time, gc, polyglot, __graalpython__

    # ---- signals: a table of handlers for this guest only; nothing reaches the host -------------
    SIG_DFL, SIG_IGN = _signal.SIG_DFL, _signal.SIG_IGN
    NSIG = getattr(_signal, "NSIG", 65)
    default_int_handler = _signal.default_int_handler
    names = {number: name for name, number in vars(_signal).items()
             if name.startswith("SIG") and not name.startswith("SIG_") and isinstance(number, int)}
    unblockable = {getattr(_signal, "SIGKILL", 9), getattr(_signal, "SIGSTOP", 19)}
    # what the default action of these is in CPython's world: nothing
    ignored_by_default = {getattr(_signal, n) for n in ("SIGCHLD", "SIGURG", "SIGWINCH", "SIGCONT")
                          if hasattr(_signal, n)}
    handlers = {_signal.SIGINT: default_int_handler}
    if hasattr(_signal, "SIGPIPE"):
        handlers[_signal.SIGPIPE] = SIG_IGN

    def number_of(signalnum):
        if not isinstance(signalnum, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(signalnum).__name__)
        signalnum = int(signalnum)
        if not 1 <= signalnum < NSIG:
            raise ValueError("signal number out of range")
        return signalnum

    def signal(signalnum, handler):
        """Set the action for the given signal. Handlers apply to this execution only."""
        signalnum = number_of(signalnum)
        if signalnum in unblockable:
            raise OSError(errno.EINVAL, "Invalid argument")
        if not callable(handler) and handler not in (SIG_DFL, SIG_IGN):
            raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
        previous = handlers.get(signalnum, SIG_DFL)
        handlers[signalnum] = int(handler) if handler in (SIG_DFL, SIG_IGN) and not callable(handler) else handler
        return previous

    def getsignal(signalnum):
        """Return the current action for the given signal."""
        return handlers.get(number_of(signalnum), SIG_DFL)

    def raise_signal(signalnum):
        """Send a signal to this execution: its handler runs, as it would on delivery."""
        signalnum = number_of(signalnum)
        handler = handlers.get(signalnum, SIG_DFL)
        if callable(handler):
            handler(signalnum, sys._getframe(1))
            return None
        if handler == SIG_IGN or (handler == SIG_DFL and signalnum in ignored_by_default):
            return None
        raise PermissionError(errno.EPERM, "Operation not permitted: the default action of %s would end the "
                              "process, and signals cannot reach it in this sandbox"
                              % names.get(signalnum, "signal %d" % signalnum))

    def alarm(seconds):
        """Timers that deliver signals are not available here; alarm(0) cancels nothing."""
        if int(seconds) == 0:
            return 0
        raise PermissionError(errno.EPERM, "Operation not permitted: timers that deliver signals are not "
                              "available in this sandbox (the execution's time limit applies)")

    def setitimer(which, seconds, interval=0.0):
        """Timers that deliver signals are not available here; a zero timer is accepted."""
        if float(seconds) == 0:
            return (0.0, 0.0)
        raise PermissionError(errno.EPERM, "Operation not permitted: timers that deliver signals are not "
                              "available in this sandbox (the execution's time limit applies)")

    def getitimer(which):
        """No timer is ever armed here."""
        return (0.0, 0.0)

    for fn in (signal, getsignal, raise_signal, alarm, setitimer, getitimer):
        fn.__module__ = "_signal"
        setattr(_signal, fn.__name__, fn)
    for name in ("pthread_kill", "pthread_sigmask", "sigwait", "sigwaitinfo", "sigtimedwait", "pause"):
        if hasattr(_signal, name):
            delattr(_signal, name)

    # ---- the host's identity: neutral values, the same every run ----------------------------------
    uname = posix.uname()
    uname_result = type(uname)(("Linux", "sandbox", "6.1.0", "#1 SMP", uname[4]))
    neutral = {
        "getpid": lambda: 1,
        "getppid": lambda: 0,
        "getuid": lambda: 1000,
        "geteuid": lambda: 1000,
        "getgid": lambda: 1000,
        "getegid": lambda: 1000,
        "getgroups": lambda: [1000],
        "uname": lambda: uname_result,
    }

    def getloadavg():
        raise OSError("Load averages are unobtainable")

    neutral["getloadavg"] = getloadavg
    for module in (posix, os):
        for name, fn in neutral.items():
            if hasattr(module, name):
                setattr(module, name, fn)

    try:
        import pwd
        passwd = pwd.struct_passwd(("user", "x", 1000, 1000, "", "/tmp", "/bin/sh"))

        def getpwuid(uid):
            if uid != 1000:
                raise KeyError("getpwuid(): uid not found: %d" % uid)
            return passwd

        def getpwnam(name):
            if name != "user":
                raise KeyError("getpwnam(): name not found: %r" % name)
            return passwd

        pwd.getpwuid, pwd.getpwnam, pwd.getpwall = getpwuid, getpwnam, lambda: [passwd]
    except ImportError:
        pass

    # ---- host-wide effects -------------------------------------------------------------------------
    # time.tzset sets the JVM's default time zone, for everything else in the host
    def tzset():
        """The sandbox's time zone is UTC; it cannot be changed."""
        return None

    time.tzset = tzset

    # gc.collect forces full collections of the host's whole heap, which every execution pays for
    def collect(generation=2):
        """The guest's garbage is collected without forcing the host's collector."""
        return 0

    gc.collect = collect
    gc.get_count = lambda: (0, 0, 0)

    try:
        import resource
        zero = resource.struct_rusage((0.0, 0.0) + (0,) * 14)
        resource.getrusage = lambda who: zero
    except ImportError:
        pass

    # polyglot.export_value writes a warning into the host's log before it checks anything
    def export_value(*args, **kwargs):
        raise NotImplementedError("polyglot bindings are not available in this sandbox")

    polyglot.export_value = export_value
    if hasattr(__graalpython__, "get_current_rss"):
        delattr(__graalpython__, "get_current_rss")

    try:
        import faulthandler

        def dump_traceback_later(*args, **kwargs):
            raise RuntimeError("faulthandler.dump_traceback_later is not available in this sandbox")

        faulthandler.dump_traceback_later = dump_traceback_later
    except ImportError:
        pass

    # ---- inner contexts: GraalPy's multiprocessing runs each "process" as a new context on a new
    # thread (_spawn_context), and that context would run without this lockdown -----------------------
    try:
        import _multiprocessing_graalpy

        def no_processes(*args, **kwargs):
            raise PermissionError(errno.EPERM, "Operation not permitted: processes cannot be created in this "
                                  "sandbox (use threads: threading, concurrent.futures.ThreadPoolExecutor)")

        for name in ("_spawn_context", "_waittid", "_terminate_spawned_thread"):
            if hasattr(_multiprocessing_graalpy, name):
                setattr(_multiprocessing_graalpy, name, no_processes)
    except ImportError:
        pass

    # ---- sockets: refused with the errors an offline CPython gives, never a host exception ----------
    import _socket
    offline = ("sockets are not available in this sandbox; make HTTP requests with urllib, "
               "http.client or requests to the allowed hosts")

    class socket:
        """Sockets cannot be created in this sandbox."""
        __slots__ = ()  # socket.py subclasses it with slots of its own

        def __init__(self, *args, **kwargs):
            raise PermissionError(errno.EACCES, "Permission denied: " + offline)

    def no_dns(*args, **kwargs):
        raise _socket.gaierror(-2, "Name or service not known (DNS is not available in this sandbox)")

    def socketpair(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied: " + offline)

    socket.__module__ = "_socket"
    _socket.socket = _socket.SocketType = socket
    _socket.socketpair = socketpair
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getnameinfo"):
        if hasattr(_socket, name):
            setattr(_socket, name, no_dns)
    _socket.gethostname = lambda: "sandbox"


_corral_lockdown()
del _corral_lockdown
